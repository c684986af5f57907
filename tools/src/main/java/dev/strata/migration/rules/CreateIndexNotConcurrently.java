package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.Ddl;

import java.util.Map;

/**
 * <b>create-index-not-concurrently</b>: {@code CREATE INDEX} on an existing table holds a SHARE lock for the
 * whole build — reads go on, every INSERT, UPDATE and DELETE waits, for minutes on a large table. Build it
 * concurrently instead, outside a transaction block (if the build fails, drop the INVALID index and retry):
 * <pre>
 * CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
 * </pre>
 * An index on a table created earlier in the same script needs nothing of the sort: the table is empty and
 * nobody uses it yet.
 */
public final class CreateIndexNotConcurrently extends MigrationRuleBase {

    public CreateIndexNotConcurrently() {
        super("create-index-not-concurrently", Severity.WARNING, "CREATE INDEX that blocks writes on an existing table");
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.ddl() instanceof Ddl.CreateIndex ci) || ci.concurrently() || ci.table() == null) return;
        TargetTable t = ctx.target(ci.table());
        if (t.isNew() || ctx.absent(t)) return;
        ctx.reportSized(this, null, t, ci.label() + " on " + t.describe() + " holds a SHARE lock while the index "
                        + "builds: every write to the table waits until it finishes",
                Sql.concurrently(ctx.text(), "INDEX") + "; -- outside BEGIN/COMMIT",
                Map.of("lock", "SHARE", "rows_estimate", Sql.rows(t)));
    }
}
