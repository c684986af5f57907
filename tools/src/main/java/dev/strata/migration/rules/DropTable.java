package dev.strata.migration.rules;

import dev.strata.catalog.QualifiedName;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.ScriptContext;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.Ddl;
import dev.strata.sql.SqlStatement;

import java.util.List;
import java.util.Map;

/**
 * <b>drop-table</b>: the rows are gone, and every reader still deployed breaks at once. Contract first: stop
 * using the table, deploy, keep a backup (or rename it out of the way for a release), then drop:
 * <pre>
 * ALTER TABLE legacy_orders RENAME TO legacy_orders_to_drop_2026_12;   -- a release later:
 * DROP TABLE legacy_orders_to_drop_2026_12;
 * </pre>
 * A table created earlier in the same script is not flagged, nor (with a database) a table that does not exist,
 * nor one the script creates again and fills ({@code CREATE TABLE … AS}, or an INSERT): a derived table rebuilt
 * in place loses nothing and its readers find it again. One created again but left empty is still data loss.
 */
public final class DropTable extends MigrationRuleBase {

    private record Dropped(SqlStatement statement, StatementContext ctx, TargetTable table) {
    }

    public DropTable() {
        super("drop-table", Severity.WARNING, "DROP TABLE (data loss)");
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.ddl() instanceof Ddl.Drop d) || !d.objectType().equals("TABLE")) return;
        List<Dropped> pending = ctx.script().pending(this);
        for (QualifiedName q : d.names()) {
            TargetTable t = ctx.target(q);
            if (t.isNew() || ctx.absent(t)) continue;
            pending.add(new Dropped(ctx.script().current(), ctx, t));
        }
    }

    @Override
    public void finish(ScriptContext script) {
        List<Dropped> pending = script.pending(this);
        for (Dropped d : pending) {
            String key = d.table().name();
            boolean recreated = script.state().isCreated(key);
            if (recreated && !script.state().knownEmpty(key)) continue;
            script.enter(d.statement());
            d.ctx().report(this, severity(), null, "DROP TABLE " + d.table().describe() + " deletes its rows"
                            + (recreated ? "; the table the script creates again under that name starts empty"
                            : " and breaks every reader still deployed"), key, null,
                    "Stop reading and writing the table, deploy, back it up, then drop it in a later migration.",
                    Map.of("rows_estimate", Sql.rows(d.table())));
        }
    }
}
