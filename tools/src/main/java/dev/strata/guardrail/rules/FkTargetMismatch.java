package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.ColumnSource;

import java.util.Map;

/**
 * <b>fk-target-mismatch</b>: a key column (declared foreign key, inferred reference or polymorphic id) equated to
 * a column other than the one it references, and that the referenced column does not lead to either (siblings
 * referencing one parent are a join). An error when the reference is declared and the other column's values
 * certainly come from elsewhere (a generated key, or a declared reference to another parent); a warning that says
 * how sure otherwise. {@code orders.user_id = accounts.id} runs and returns rows; they
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
            var edge = j.misused();
            ColumnSource key = edge.fromTable().equals(j.left().relation().qualifiedName())
                    && edge.fromColumns().contains(j.left().column().name()) ? j.left() : j.right();
            ColumnSource other = key == j.left() ? j.right() : j.left();
            String from = key.qualifiedColumn();
            String targets = JoinVerdicts.targetsOf(context.graph(), key);
            context.report(this, j.severity(), from + " references " + targets + ", not " + other.qualifiedColumn()
                            + (j.why() == null ? "" : " (warning: " + j.why() + ")"),
                    j.equality().left().offset(), key.relation().qualifiedName(), key.column().name(),
                    "compare " + from + " with " + targets + ", or use the column of " + other.relation().name()
                            + " that references it (find_join_path)",
                    Map.of("references", targets, "compared_with", other.qualifiedColumn(),
                            "kind", edge.kind().label(), "confidence", edge.confidence()));
        }
    }
}
