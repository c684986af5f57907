package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;

/**
 * <b>rename-table</b>: the rename is instant, and every query of the application version still running fails
 * from that moment. Expand/contract, or leave a view with the old name while readers move:
 * <pre>
 * ALTER TABLE customer_master RENAME TO customers;
 * CREATE VIEW customer_master AS SELECT * FROM customers;   -- until every reader uses the new name
 * </pre>
 */
public final class RenameTable extends AlterActionRule<AlterAction.RenameTable> {

    public RenameTable() {
        super("rename-table", Severity.WARNING, "RENAME of a table readers use",
                AlterAction.RenameTable.class);
    }

    @Override
    void check(StatementContext ctx, TargetTable t, AlterAction.RenameTable r) {
        ctx.report(this, Severity.WARNING, r.at(), "renaming " + t.name() + " to " + r.to()
                        + " breaks every query that still uses the old name", t.name(), null,
                "Create the new table name alongside a view with the old one (or expand/contract), and "
                        + "drop the old name once no reader uses it.", null);
    }
}
