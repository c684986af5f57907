package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.ParseOutcome;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.ColumnRef;
import dev.strata.guardrail.model.TableRef;

import java.util.Map;

/**
 * <b>ambiguous-column</b>: an unqualified column that several tables of the same FROM have (and that no USING or
 * NATURAL join merged). PostgreSQL refuses it; the fix says which tables hold it. When PostgreSQL was asked, its
 * verdict decides.
 *
 * <pre>
 * bad:  SELECT id, email FROM users JOIN orders ON orders.user_id = users.id
 * good: SELECT users.id, email FROM users JOIN orders ON orders.user_id = users.id
 * </pre>
 */
public final class AmbiguousColumn extends RuleBase {

    public AmbiguousColumn() {
        super("ambiguous-column", Severity.ERROR, "an unqualified column present in several tables of the query");
    }

    @Override
    public boolean needsModel() {
        return false;
    }

    @Override
    public void check(GuardContext context) {
        ParseOutcome outcome = context.parseOutcome();
        if (outcome != null && outcome.acceptedByPostgres()) return;
        int before = context.findings().size();
        if (context.model() != null) {
            for (ColumnRef c : context.model().columns()) {
                if (c.resolution() != ColumnRef.Resolution.AMBIGUOUS) continue;
                var holders = c.candidates().stream().map(TableRef::exposedName).toList();
                context.report(this, "column " + c.name() + " is in " + String.join(" and ", holders)
                                + ": PostgreSQL cannot tell which is meant", c.offset(), null, c.name(),
                        "qualify it, e.g. " + holders.get(0) + "." + c.name(), Map.of("tables", holders));
            }
        }
        if (context.findings().size() == before && outcome != null && outcome.rejectedWith("42702")) {
            context.reportAt(this, "PostgreSQL: " + outcome.postgresError(), outcome.errorOffset(),
                    "qualify the column with its table or alias");
        }
    }
}
