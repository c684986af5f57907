package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.ParseOutcome;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.ColumnRef;

import java.util.List;
import java.util.Map;

/**
 * <b>unknown-table</b>: a relation that is not in the catalog (nor a system relation, sequence or CTE), or not
 * reachable unqualified through the session's search_path, or a qualifier that names no FROM item. The fix names
 * the closest real relations. When PostgreSQL was asked, its verdict decides: it reports the missing relation
 * itself, and a statement it accepted has none.
 *
 * <pre>
 * bad:  SELECT * FROM invoices          -- billing is not on the search_path
 * good: SELECT * FROM billing.invoices
 * </pre>
 */
public final class UnknownTable extends RuleBase {

    public UnknownTable() {
        super("unknown-table", Severity.ERROR, "a table or alias that does not exist");
    }

    @Override
    public boolean needsModel() {
        return false;
    }

    @Override
    public void check(GuardContext context) {
        ParseOutcome outcome = context.parseOutcome();
        // PostgreSQL resolved every name: anything Strata's model missed is Strata's gap, not the statement's.
        if (outcome != null && outcome.acceptedByPostgres()) return;
        int before = context.findings().size();
        if (context.model() != null) {
            for (var unknown : context.model().unknownTables()) {
                List<String> closest = context.catalog().closestRelations(unknown.written(), 3);
                context.report(this, "relation " + unknown.written() + " does not exist (search_path: "
                                + String.join(", ", context.catalog().searchPath()) + ")", unknown.offset(),
                        unknown.written(), null,
                        closest.isEmpty() ? "find the table with search_schema" : "did you mean "
                                + String.join(" or ", closest) + "?",
                        closest.isEmpty() ? null : Map.of("closest", closest));
            }
            for (ColumnRef c : context.model().columns()) {
                if (!c.unknownQualifier()) continue;
                context.report(this, c.qualifier() + " in " + c.written() + " is neither a table nor an alias in "
                                + "this query's FROM", c.offset(), c.qualifier(), c.name(),
                        "add " + c.qualifier() + " to FROM, or use the alias you gave it", null);
            }
        }
        if (context.findings().size() == before && outcome != null
                && (outcome.rejectedWith("42P01") || outcome.rejectedWith("3F000"))) {
            context.reportAt(this, "PostgreSQL: " + outcome.postgresError(), outcome.errorOffset(),
                    "find the table with search_schema, or qualify it with its schema");
        }
    }
}
