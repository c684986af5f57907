package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.Ddl;
import dev.strata.migration.locks.DdlForm;
import dev.strata.migration.locks.LockTarget;

import java.util.Map;

/**
 * <b>table-rewrite</b>: {@code VACUUM FULL}, {@code CLUSTER}, {@code ALTER TABLE … SET TABLESPACE / SET LOGGED /
 * SET UNLOGGED / SET ACCESS METHOD} and a plain {@code REFRESH MATERIALIZED VIEW} rewrite the whole relation
 * under ACCESS EXCLUSIVE; {@code REINDEX} without CONCURRENTLY rebuilds indexes while blocking writes (and reads
 * that use them). Use the online forms:
 * <pre>
 * REFRESH MATERIALIZED VIEW CONCURRENTLY billing.monthly_revenue;   -- needs a unique index on the view
 * REINDEX INDEX CONCURRENTLY orders_status_idx;                     -- PostgreSQL 12+
 * -- VACUUM FULL / CLUSTER / SET TABLESPACE: pg_repack or pg_squeeze rebuild online
 * </pre>
 */
public final class TableRewrite extends MigrationRuleBase {

    public TableRewrite() {
        super("table-rewrite", Severity.WARNING, "a statement that rewrites a whole table under lock");
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.ddl() instanceof Ddl.Maintenance m) {
            boolean reindex = m.form() == DdlForm.REINDEX;
            if (!m.rewrites() && !reindex) return;
            TargetTable t = m.tables().isEmpty() ? (m.indexes().isEmpty() ? null : ctx.indexTable(m.indexes().get(0)))
                    : ctx.target(m.tables().get(0));
            if (t != null && (t.isNew() || ctx.absent(t))) return;
            String what = t == null ? (m.label().startsWith("VACUUM") ? "every table of the database" : "its target")
                    : t.describe();
            String message = reindex
                    ? m.label() + " rebuilds indexes of " + what + " under ACCESS EXCLUSIVE on each index (every "
                    + "query that would use one waits, reads included) and SHARE on the table (writes wait)"
                    : m.label() + " rewrites " + what + " under ACCESS EXCLUSIVE: no reads or writes until it is done";
            LockTarget on = m.form() == DdlForm.REFRESH_MATERIALIZED_VIEW ? LockTarget.VIEW
                    : reindex ? LockTarget.INDEXES : LockTarget.TABLE;
            Map<String, Object> evidence = Map.of("lock", m.form().mode(on, ctx.pgVersion()).sql());
            if (t == null) ctx.report(this, message, null, null, fix(m.label()), evidence);
            else ctx.reportSized(this, null, t, message, fix(m.label()), evidence);
            return;
        }
        if (!(ctx.ddl() instanceof Ddl.AlterTable at)) return;
        TargetTable t = ctx.target(at.table());
        if (t.isNew() || ctx.absent(t)) return;
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.Rewrite r) {
                ctx.reportSized(this, a.at(), t, r.what() + " rewrites " + t.describe() + " under ACCESS EXCLUSIVE",
                        fix(r.what()), Map.of("lock", "ACCESS EXCLUSIVE", "rows_estimate", Sql.rows(t)));
            }
        }
    }

    private static String fix(String what) {
        if (what.startsWith("REFRESH")) {
            return "REFRESH MATERIALIZED VIEW CONCURRENTLY (the view needs a unique index); readers keep the old "
                    + "contents meanwhile.";
        }
        if (what.startsWith("REINDEX")) return "Use REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction.";
        return "Rebuild online with pg_repack or pg_squeeze, or schedule it in a maintenance window with "
                + "SET lock_timeout.";
    }
}
