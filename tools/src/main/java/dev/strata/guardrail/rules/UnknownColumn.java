package dev.strata.guardrail.rules;

import dev.strata.catalog.Column;
import dev.strata.catalog.QualifiedName;
import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.ParseOutcome;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.ColumnRef;
import dev.strata.guardrail.model.Scope;
import dev.strata.guardrail.model.TableRef;
import dev.strata.text.Similarity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * <b>unknown-column</b>: a column the referenced table does not have. The fix names the closest real columns,
 * and points out case mistakes: {@code lastloginat} is not {@code "lastLoginAt"}, which must be quoted. When
 * PostgreSQL was asked, its verdict decides: a statement it accepted has no unknown column.
 *
 * <pre>
 * bad:  SELECT email, last_login_at FROM users
 * good: SELECT email, "lastLoginAt" FROM users
 * </pre>
 */
public final class UnknownColumn extends RuleBase {

    public UnknownColumn() {
        super("unknown-column", Severity.ERROR, "a column that the referenced tables do not have");
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
            for (ColumnRef c : context.model().columns()) {
                if (c.resolution() != ColumnRef.Resolution.UNKNOWN) continue;
                if (c.qualifier() != null) {
                    if (!c.candidates().isEmpty()) report(context, c, List.of(c.candidates().get(0)));
                } else if (!anyOpen(c.scope())) {
                    report(context, c, tablesInScope(c.scope()));
                }
            }
        }
        if (context.findings().size() == before && outcome != null && outcome.rejectedWith("42703")) {
            context.reportAt(this, "PostgreSQL: " + outcome.postgresError(), outcome.errorOffset(),
                    "check describe_table for the real column names");
        }
    }

    private static boolean anyOpen(Scope scope) {
        for (Scope s = scope; s != null; s = s.parent()) {
            for (TableRef t : s.tables()) if (t.relation() == null && t.open()) return true;
        }
        return false;
    }

    private static List<TableRef> tablesInScope(Scope scope) {
        java.util.ArrayList<TableRef> out = new java.util.ArrayList<>();
        for (Scope s = scope; s != null; s = s.parent()) out.addAll(s.tables());
        return out;
    }

    private void report(GuardContext context, ColumnRef c, List<TableRef> tables) {
        Map<String, Double> scores = new LinkedHashMap<>();
        String exactCase = null;
        for (TableRef t : tables) {
            List<String> names = t.relation() != null ? t.relation().columns().stream().map(Column::name).toList()
                    : List.copyOf(t.columns().keySet());
            for (String n : names) {
                String shown = t.exposedName() + "." + QualifiedName.quoteIfNeeded(n);
                if (n.toLowerCase(Locale.ROOT).equals(c.name().toLowerCase(Locale.ROOT))) exactCase = shown;
                scores.put(shown, Similarity.score(c.name(), n));
            }
        }
        List<String> closest = Similarity.best(scores, 3, 0.6);
        String where = tables.size() == 1 ? tables.get(0).exposedName()
                : String.join(", ", tables.stream().map(TableRef::exposedName).toList());
        String fix = exactCase != null ? "write " + exactCase + " (mixed-case names need double quotes)"
                : closest.isEmpty() ? "check describe_table for the real column names"
                : "did you mean " + String.join(" or ", closest) + "?";
        String table = tables.size() == 1 && tables.get(0).relation() != null
                ? tables.get(0).relation().qualifiedName() : null;
        context.report(this, "column " + c.written() + " does not exist in " + where, c.offset(), table, c.name(),
                fix, closest.isEmpty() ? null : Map.of("closest", closest));
    }
}
