package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.ColumnSource;

import java.util.Map;

/**
 * <b>fk-target-mismatch</b>: a key column (declared foreign key, inferred reference or polymorphic id) equated to
 * a column other than the one it references. {@code orders.user_id = accounts.id} runs and returns rows; they
 * pair each order with the account whose id happens to equal the user's id.
 *
 * <pre>
 * bad:  SELECT a.name, sum(o.total_cents) FROM orders o JOIN accounts a ON a.id = o.user_id GROUP BY 1
 * good: SELECT a.name, sum(o.total_cents) FROM orders o JOIN accounts a ON a.id = o.account_id GROUP BY 1
 * </pre>
 */
public final class FkTargetMismatch extends RuleBase {

    public FkTargetMismatch() {
        super("fk-target-mismatch", Severity.ERROR, "a key column equated to a table it does not reference");
    }

    @Override
    public void check(GuardContext context) {
        for (JoinVerdicts.Judged j : JoinVerdicts.of(context)) {
            if (j.verdict() != JoinVerdicts.Verdict.WRONG_TARGET) continue;
            String from = j.misused().fromTable() + "." + j.misused().fromColumns().get(0);
            ColumnSource key = from.equals(j.left().qualifiedColumn()) ? j.left() : j.right();
            ColumnSource other = key == j.left() ? j.right() : j.left();
            String targets = JoinVerdicts.targetsOf(context.graph(), key);
            context.report(this, from + " references " + targets + ", not " + other.qualifiedColumn(),
                    j.equality().left().offset(), key.relation().qualifiedName(), key.column().name(),
                    "compare " + from + " with " + targets + ", or use the column of " + other.relation().name()
                            + " that references it (find_join_path)",
                    Map.of("references", targets, "compared_with", other.qualifiedColumn(),
                            "kind", j.misused().kind().label()));
        }
    }
}
