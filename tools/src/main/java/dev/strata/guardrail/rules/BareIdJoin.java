package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;

import java.util.Map;

/**
 * <b>bare-id-join</b>: {@code a.id = b.id} between two different tables with no key linking exactly those
 * columns. Every table's {@code id} counts from 1, so the join runs and returns plausible rows that pair
 * unrelated records (user 7 with order 7). An error when both ids are generated independently (identity columns,
 * different sequences: equal values are coincidence); a warning otherwise (a shared-key design is possible).
 *
 * <pre>
 * bad:  SELECT u.email, o.total_cents FROM users u JOIN orders o ON o.id = u.id
 * good: SELECT u.email, o.total_cents FROM users u JOIN orders o ON o.user_id = u.id
 * </pre>
 */
public final class BareIdJoin extends RuleBase {

    public BareIdJoin() {
        super("bare-id-join", Severity.ERROR, "id = id between different tables with no key linking them");
    }

    @Override
    public void check(GuardContext context) {
        for (JoinVerdicts.Judged j : JoinVerdicts.of(context)) {
            boolean bareIds = j.left().column().name().equals("id") && j.right().column().name().equals("id")
                    && j.left().relation() != j.right().relation();
            // Also when the id types differ: both findings are true, and each has its own fix.
            if (j.verdict() != JoinVerdicts.Verdict.BARE_ID
                    && !(j.verdict() == JoinVerdicts.Verdict.TYPE_MISMATCH && bareIds)) continue;
            String a = j.left().relation().qualifiedName();
            String b = j.right().relation().qualifiedName();
            var paths = new dev.strata.relationships.JoinPathFinder(context.graph()).find(a, b, 2, 1, true);
            String fix = paths.isEmpty() ? "join through a column that references the other table's id"
                    : "join through the key that links them: " + describe(paths.get(0));
            Severity severity = j.verdict() == JoinVerdicts.Verdict.BARE_ID ? j.severity() : Severity.ERROR;
            context.report(this, severity, a + ".id = " + b + ".id pairs rows that merely share a number: no key "
                            + "links these two id columns" + (j.why() == null ? "" : " (warning: " + j.why() + ")"),
                    j.equality().left().offset(), a, "id", fix, Map.of("left", a + ".id", "right", b + ".id"));
        }
    }

    private static String describe(dev.strata.relationships.JoinPath path) {
        StringBuilder sb = new StringBuilder();
        for (var e : path.edges()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(e.fromTable()).append('.').append(String.join(",", e.fromColumns())).append(" = ")
                    .append(e.toTable()).append('.').append(String.join(",", e.toColumns()));
        }
        return sb.toString();
    }
}
