package dev.strata.migration.rules;

import dev.strata.migration.StatementContext;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.ColumnDef;
import dev.strata.migration.ddl.Ddl;

import java.util.ArrayList;
import java.util.List;

/** The columns a statement brings into the schema: a new table's, or those ALTER TABLE adds. */
final class NewColumns {

    record Added(String table, ColumnDef column, boolean newTable) {
    }

    private NewColumns() {
    }

    static List<Added> of(StatementContext ctx) {
        List<Added> out = new ArrayList<>();
        if (ctx.ddl() instanceof Ddl.CreateTable ct && !ct.temporary()) {
            String key = ctx.key(ct.table());
            for (ColumnDef c : ct.columns()) out.add(new Added(key, c, true));
        } else if (ctx.ddl() instanceof Ddl.AlterTable at) {
            String key = ctx.key(at.table());
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.AddColumn add) out.add(new Added(key, add.column(), false));
            }
        }
        return out;
    }
}
