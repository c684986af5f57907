package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.Effects;
import dev.strata.migration.LockMode;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;

import java.util.Map;

/**
 * <b>missing-lock-timeout</b>: a statement that needs ACCESS EXCLUSIVE on a busy table waits for every running
 * transaction on it — and while it waits, every later query on the table, reads included, queues behind it. A
 * short migration becomes an outage when one long report is running. Set a lock_timeout first and retry on
 * failure; it costs nothing when the lock is free, whatever the table's size:
 * <pre>
 * SET lock_timeout = '5s';
 * ALTER TABLE orders ADD COLUMN note text;
 * </pre>
 */
public final class MissingLockTimeout extends MigrationRuleBase {

    public MissingLockTimeout() {
        super("missing-lock-timeout", Severity.WARNING, "ACCESS EXCLUSIVE on an existing table without lock_timeout");
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.state().lockTimeoutSet()) return;
        if (Effects.of(ctx).lock() != LockMode.ACCESS_EXCLUSIVE) return;
        for (TargetTable t : ctx.targets()) {
            if (t.isNew()) continue;
            ctx.report(this, Severity.WARNING, null, ctx.ddl().label() + " needs ACCESS EXCLUSIVE on " + t.describe()
                            + " and no lock_timeout is set: while it waits for running transactions, every query on "
                            + "the table queues behind it", t.name(), null,
                    "SET lock_timeout = '5s'; before this statement (and retry the migration when it times out)",
                    Map.of("lock", "ACCESS EXCLUSIVE"));
            return;
        }
    }
}
