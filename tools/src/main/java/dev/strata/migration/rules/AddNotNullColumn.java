package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.ColumnDef;

import java.util.Map;

/**
 * <b>add-not-null-column</b>: {@code ADD COLUMN … NOT NULL} without a default fails on a table that has rows
 * ("column contains null values"). With a database Strata checks whether the table has rows (an error when it
 * has, nothing when it is empty); without one it warns. A table the script empties first (DELETE without WHERE,
 * TRUNCATE) has none; after a DELETE with WHERE it is a warning. Add it with a constant default (free since PG 11), or
 * nullable and backfilled:
 * <pre>
 * ALTER TABLE orders ADD COLUMN channel text NOT NULL DEFAULT 'web';
 * </pre>
 */
public final class AddNotNullColumn extends AlterActionRule<AlterAction.AddColumn> {

    public AddNotNullColumn() {
        super("add-not-null-column", Severity.ERROR, "NOT NULL column without a default on a table with rows",
                AlterAction.AddColumn.class);
    }

    @Override
    void check(StatementContext ctx, TargetTable t, AlterAction.AddColumn add) {
        ColumnDef c = add.column();
        if (!c.notNull() || c.hasDefault()) return;
        // emptied earlier in the script (DELETE without WHERE, TRUNCATE): nothing to be NULL
        if (ctx.state().knownEmpty(t.name())) return;
        String fix = "ALTER TABLE " + t.name() + " ADD COLUMN " + c.name() + " " + c.type()
                + " NOT NULL DEFAULT <constant>; (or add it nullable, backfill, then SET NOT NULL the safe way)";
        if (t.relation() != null) {
            if (!ctx.live().get().rows().hasRows(t.relation())) return;
            int changed = ctx.state().rowsChangedAt(t.name(), java.util.List.of());
            if (changed > 0) {
                // the rows seen now may be gone by then: no longer a fact
                ctx.report(this, Severity.WARNING, add.at(), "adding " + c.name() + " NOT NULL without a default "
                                + "fails if " + t.name() + " still has rows after the change at line " + changed
                                + " (it has rows now)", t.name(), c.name(), fix,
                        Map.of("rows_estimate", Sql.rows(t), "rows_changed_at_line", changed));
                return;
            }
            ctx.report(this, Severity.ERROR, add.at(), "adding " + c.name() + " NOT NULL without a default fails: "
                    + t.describe() + " has rows, which would all be NULL", t.name(), c.name(), fix,
                    Map.of("rows_estimate", Sql.rows(t), "source", "exact (the table has at least one row)"));
        } else {
            ctx.report(this, Severity.WARNING, add.at(), "adding " + c.name() + " NOT NULL without a default fails "
                    + "if " + t.name() + " has any row", t.name(), c.name(), fix, null);
        }
    }
}
