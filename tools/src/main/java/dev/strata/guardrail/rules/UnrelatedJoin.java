package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;

import java.util.Map;

/**
 * <b>unrelated-join</b>: an equality between columns of two tables that no declared, inferred or polymorphic
 * relationship connects, directly or through a shared parent. Sometimes deliberate (matching on a business code),
 * usually a guess; never said of equally named text attributes matched on purpose ({@code a.first_name =
 * c.first_name}), nor, in schemas that declare no foreign keys, of joins the naming convention explains.
 *
 * <pre>
 * bad:  SELECT * FROM regions r JOIN products p ON p.category = r.code
 * good: SELECT * FROM accounts a JOIN regions r ON r.code = a.region_code
 * </pre>
 */
public final class UnrelatedJoin extends RuleBase {

    public UnrelatedJoin() {
        super("unrelated-join", Severity.WARNING, "equality between columns of tables with no relationship");
    }

    @Override
    public void check(GuardContext context) {
        for (JoinVerdicts.Judged j : JoinVerdicts.of(context)) {
            if (j.verdict() != JoinVerdicts.Verdict.UNRELATED) continue;
            String a = j.left().relation().qualifiedName();
            String b = j.right().relation().qualifiedName();
            boolean related = context.graph().related(a, b);
            context.report(this, j.left().qualifiedColumn() + " = " + j.right().qualifiedColumn() + ": "
                            + (related ? "these tables are related, but not through these columns"
                            : "no declared, inferred or polymorphic relationship connects " + a + " and " + b),
                    j.equality().left().offset(), a, j.left().column().name(),
                    "check get_relationships for " + a + " and use the key it lists",
                    Map.of("left", j.left().qualifiedColumn(), "right", j.right().qualifiedColumn()));
        }
    }
}
