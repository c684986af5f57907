package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.Effects;
import dev.strata.migration.TypeChange;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.TypeName;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * <b>change-column-type</b>: {@code ALTER COLUMN … TYPE} rewrites the table and rebuilds its indexes under
 * ACCESS EXCLUSIVE — no reads, no writes until done (on a foreign-key column the referenced table is locked
 * too). Widening a varchar, varchar to text, or raising a numeric's precision changes only the catalog and is
 * not flagged; Strata knows the current type from the catalog (or from the script that created the table).
 * Safe recipe (expand/contract):
 * <pre>
 * ALTER TABLE orders ADD COLUMN total_new numeric(14,2);
 * -- dual-write in the application, backfill in batches:
 * UPDATE orders SET total_new = total WHERE order_id BETWEEN 1 AND 10000;
 * -- then switch readers, and drop the old column in a later release
 * </pre>
 */
public final class ChangeColumnType extends AlterActionRule<AlterAction.AlterType> {

    public ChangeColumnType() {
        super("change-column-type", Severity.WARNING, "a column type change that rewrites the table",
                AlterAction.AlterType.class);
    }

    @Override
    void check(StatementContext ctx, TargetTable t, AlterAction.AlterType type) {
        String reason = Effects.rewriteReason(type, t, ctx);
        if (reason == null) return;
        Optional<TypeName> from = Effects.currentType(t, type.column(), ctx);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("lock", "ACCESS EXCLUSIVE");
        evidence.put("rows_estimate", Sql.rows(t));
        from.ifPresent(f -> evidence.put("current_type", f.text()));
        String fix = "Add a new column of type " + type.type() + ", write both, backfill it in batches, switch "
                + "readers, then drop " + type.column() + " in a later release.";
        if (from.isEmpty()) {
            String free = TypeChange.freeFrom(type.type(), type.using(), type.column(), Effects.timezone(ctx),
                    ctx.pgVersion());
            if (free != null) {
                // Without the current type nobody can tell a free change from a rewrite: advice, saying which
                ctx.report(this, Severity.INFO, type.at(), "changing " + t.name() + "." + type.column() + " to "
                        + type.type() + " changes only the catalog if the column is " + free + ", and rewrites the "
                        + "table otherwise; run with --url so Strata can read the current type", t.name(),
                        type.column(), fix, evidence);
                return;
            }
        }
        TypeChange.Verdict verdict = Effects.typeChange(type, t, ctx);
        ctx.reportSized(this, type.at(), t, "changing " + t.name() + "." + type.column() + " to " + type.type()
                + " rewrites " + t.describe() + " and rebuilds its indexes under ACCESS EXCLUSIVE"
                + (verdict.reason() == null ? "" : " (" + verdict.reason() + ")"), fix, evidence);
    }
}
