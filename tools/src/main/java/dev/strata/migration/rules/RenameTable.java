package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.Ddl;

/**
 * <b>rename-table</b>: the rename is instant, and every query of the application version still running fails
 * from that moment. Expand/contract, or leave a view with the old name while readers move:
 * <pre>
 * ALTER TABLE customer_master RENAME TO customers;
 * CREATE VIEW customer_master AS SELECT * FROM customers;   -- until every reader uses the new name
 * </pre>
 */
public final class RenameTable extends MigrationRuleBase {

    public RenameTable() {
        super("rename-table", Severity.WARNING, "RENAME of a table readers use");
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.ddl() instanceof Ddl.AlterTable at)) return;
        TargetTable t = ctx.target(at.table());
        if (t.isNew()) return;
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.RenameTable r) {
                ctx.report(this, Severity.WARNING, a.at(), "renaming " + t.name() + " to " + r.to()
                                + " breaks every query that still uses the old name", t.name(), null,
                        "Create the new table name alongside a view with the old one (or expand/contract), and "
                                + "drop the old name once no reader uses it.", null);
            }
        }
    }
}
