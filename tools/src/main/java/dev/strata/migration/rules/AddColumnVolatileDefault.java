package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.Effects;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.ColumnDef;

import java.util.Map;
import java.util.Optional;

/**
 * <b>add-column-volatile-default</b>: since PostgreSQL 11, {@code ADD COLUMN … DEFAULT <constant>} is a catalog
 * change; a volatile default ({@code gen_random_uuid()}, {@code clock_timestamp()}, {@code random()}), a stored
 * generated column, an identity or serial column must be computed for every existing row, so the table is
 * rewritten under ACCESS EXCLUSIVE (before PostgreSQL 11, any default did that; see {@code --pg-version}).
 * Safe recipe:
 * <pre>
 * ALTER TABLE orders ADD COLUMN public_id uuid;                                   -- catalog only
 * ALTER TABLE orders ALTER COLUMN public_id SET DEFAULT gen_random_uuid();        -- new rows
 * UPDATE orders SET public_id = gen_random_uuid() WHERE public_id IS NULL AND order_id < 10000;  -- batches
 * </pre>
 */
public final class AddColumnVolatileDefault extends AlterActionRule<AlterAction.AddColumn> {

    public AddColumnVolatileDefault() {
        super("add-column-volatile-default", Severity.WARNING, "ADD COLUMN whose default rewrites the table",
                AlterAction.AddColumn.class);
    }

    @Override
    void check(StatementContext ctx, TargetTable t, AlterAction.AddColumn add) {
        ColumnDef c = add.column();
        Optional<String> reason = Effects.addColumnRewrite(c, ctx);
        if (reason.isEmpty()) return;
        String fix = c.defaultExpr() != null
                ? "ALTER TABLE " + t.name() + " ADD COLUMN " + c.name() + " " + c.type() + "; ALTER TABLE "
                + t.name() + " ALTER COLUMN " + c.name() + " SET DEFAULT " + c.defaultExpr().trim()
                + "; then backfill existing rows in batches"
                : "Add a plain nullable column, fill it in batches, then add the generation or identity for new rows.";
        ctx.reportSized(this, add.at(), t, "adding " + c.name() + " to " + t.describe() + " rewrites the table "
                + "under ACCESS EXCLUSIVE: " + reason.get(), fix, Map.of("lock", "ACCESS EXCLUSIVE",
                "rows_estimate", Sql.rows(t), "pg_version", ctx.pgVersion()));
    }
}
