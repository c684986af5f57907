package dev.strata.migration.rules;

import dev.strata.catalog.QualifiedName;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.Ddl;

import java.util.Map;

/**
 * <b>drop-table</b>: the rows are gone, and every reader still deployed breaks at once. Contract first: stop
 * using the table, deploy, keep a backup (or rename it out of the way for a release), then drop:
 * <pre>
 * ALTER TABLE legacy_orders RENAME TO legacy_orders_to_drop_2026_12;   -- a release later:
 * DROP TABLE legacy_orders_to_drop_2026_12;
 * </pre>
 * A table created earlier in the same script is not flagged, nor (with a database) a table that does not exist.
 */
public final class DropTable extends MigrationRuleBase {

    public DropTable() {
        super("drop-table", Severity.WARNING, "DROP TABLE (data loss)");
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.ddl() instanceof Ddl.Drop d) || !d.objectType().equals("TABLE")) return;
        for (QualifiedName q : d.names()) {
            TargetTable t = ctx.target(q);
            if (t.isNew() || ctx.absent(t)) continue;
            ctx.report(this, "DROP TABLE " + t.describe() + " deletes its rows and breaks every reader still "
                            + "deployed", t.name(), null,
                    "Stop reading and writing the table, deploy, back it up, then drop it in a later migration.",
                    Map.of("rows_estimate", Sql.rows(t)));
        }
    }
}
