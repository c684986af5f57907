package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;

import java.util.Map;

/**
 * <b>join-type-mismatch</b>: an equality between columns whose declared types cannot be compared without a cast
 * that changes meaning — a bigint key against a uuid key, text against integer. PostgreSQL rejects these
 * outright ("operator does not exist"); with a cast added by reflex ({@code o.id::text = i.id::text}), the join
 * silently matches nothing when the two types never read alike (a uuid and a number, a date and a boolean); a cast
 * against text ({@code p.sku = li.id::text}) is judged as a plain join instead.
 *
 * <pre>
 * bad:  SELECT * FROM billing.invoices i JOIN orders o ON o.id = i.id        -- bigint = uuid
 * good: SELECT * FROM billing.invoices i JOIN orders o ON o.id = i.order_id
 * </pre>
 */
public final class JoinTypeMismatch extends RuleBase {

    public JoinTypeMismatch() {
        super("join-type-mismatch", Severity.ERROR, "equality between columns of incompatible types");
    }

    @Override
    public void check(GuardContext context) {
        for (JoinVerdicts.Judged j : JoinVerdicts.of(context)) {
            if (j.verdict() != JoinVerdicts.Verdict.TYPE_MISMATCH) continue;
            String left = j.left().qualifiedColumn();
            String right = j.right().qualifiedColumn();
            context.report(this, left + " (" + j.left().column().type() + ") is compared with " + right + " ("
                            + j.right().column().type() + "): these types never hold the same values",
                    j.equality().left().offset(), j.left().relation().qualifiedName(), j.left().column().name(),
                    "join through the key that links these tables (find_join_path) instead of casting",
                    Map.of("left_type", j.left().column().type(), "right_type", j.right().column().type()));
        }
    }
}
