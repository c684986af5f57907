package dev.strata.migration.rules;

import dev.strata.catalog.QualifiedName;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.Ddl;

import java.util.Map;

/**
 * <b>drop-index-not-concurrently</b>: {@code DROP INDEX} takes ACCESS EXCLUSIVE on the index's table: while it
 * waits for running queries, every later query on the table — reads included — queues behind it. Drop it
 * concurrently, outside a transaction block:
 * <pre>
 * DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
 * </pre>
 */
public final class DropIndexNotConcurrently extends MigrationRuleBase {

    public DropIndexNotConcurrently() {
        super("drop-index-not-concurrently", Severity.WARNING, "DROP INDEX that locks an existing table");
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.ddl() instanceof Ddl.DropIndex di) || di.concurrently()) return;
        for (QualifiedName index : di.indexes()) {
            TargetTable t = ctx.indexTable(index);
            if (t.isNew() || ctx.absent(t)) continue;
            ctx.reportSized(this, null, t, "DROP INDEX " + index.name() + " takes ACCESS EXCLUSIVE on "
                            + t.describe() + ": reads and writes queue behind it",
                    Sql.concurrently(ctx.text(), "INDEX") + "; -- outside BEGIN/COMMIT",
                    Map.of("lock", "ACCESS EXCLUSIVE", "rows_estimate", Sql.rows(t)));
            return;
        }
    }
}
