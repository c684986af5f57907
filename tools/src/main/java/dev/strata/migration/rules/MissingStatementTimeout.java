package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.Effects;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.ScriptContext;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.Ddl;
import dev.strata.migration.locks.DdlForm;
import dev.strata.sql.SqlStatement;

import java.util.List;
import java.util.Map;

/**
 * <b>missing-statement-timeout</b> (advice): a statement whose time grows with the table — a rewrite, an index
 * build, a validating scan, an UPDATE or DELETE — runs with no statement_timeout, so a table far bigger than
 * expected keeps the migration (and whatever lock it holds) going for as long as it takes. Bound it, and split
 * the work when the bound is hit:
 * <pre>
 * SET statement_timeout = '15min';
 * CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);
 * </pre>
 * Reported once per script, at the first such statement on a table not known to be small.
 */
public final class MissingStatementTimeout extends MigrationRuleBase {

    private record Candidate(SqlStatement statement, StatementContext ctx, TargetTable table, String what) {
    }

    public MissingStatementTimeout() {
        super("missing-statement-timeout", Severity.INFO, "long-running DDL or data change without statement_timeout");
    }

    @Override
    public void check(StatementContext ctx) {
        List<Candidate> pending = ctx.script().pending(this);
        if (!pending.isEmpty() || ctx.state().timeoutSet("statement_timeout")) return;
        for (Effects.ObjectLock l : ctx.effect().tableLocks()) {
            TargetTable t = l.table();
            if (t.isNew() || ctx.absent(t) || ctx.state().knownEmpty(t.name())
                    || t.isSmall(ctx.config().smallTableRows())) {
                continue;
            }
            String what = longRunning(ctx, l.form());
            if (what != null) {
                pending.add(new Candidate(ctx.script().current(), ctx, t, what));
                return;
            }
        }
    }

    /** What makes the statement's time grow with the table, or null. */
    private static String longRunning(StatementContext ctx, DdlForm form) {
        if (ctx.effect().rewrites()) return "rewrites the table";
        switch (form) {
            case CREATE_INDEX, CREATE_INDEX_CONCURRENTLY, ADD_UNIQUE, REINDEX, REINDEX_CONCURRENTLY:
                return "builds an index";
            case VALIDATE_CONSTRAINT, ADD_CHECK, SET_NOT_NULL:
                return "scans every row";
            case ADD_FOREIGN_KEY:
                if (ctx.ddl() instanceof Ddl.AlterTable at && at.actions().stream().allMatch(a ->
                        a instanceof AlterAction.AddConstraint ac && ac.constraint().notValid())) {
                    return null;
                }
                return "scans every row";
            case UPDATE_DELETE:
                return "changes rows";
            case VACUUM_FULL, CLUSTER, REFRESH_MATERIALIZED_VIEW, REFRESH_MATERIALIZED_VIEW_CONCURRENTLY:
                return "rewrites the table";
            default:
                return null;
        }
    }

    @Override
    public void finish(ScriptContext script) {
        List<Candidate> pending = script.pending(this);
        if (pending.isEmpty()) return;
        Candidate c = pending.get(0);
        script.enter(c.statement());
        c.ctx().report(this, severity(), null, c.ctx().ddl().label() + " " + c.what() + " of " + c.table().describe()
                        + " and no statement_timeout is set: if the table is bigger than expected the migration runs "
                        + "(holding its locks) until it is done", c.table().name(), null,
                "SET statement_timeout = '…'; before it, sized for the table (and split the work if it is hit).",
                Map.of("what", c.what()));
    }

}
