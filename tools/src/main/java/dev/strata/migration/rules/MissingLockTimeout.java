package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.Effects;
import dev.strata.migration.LockMode;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.ScriptContext;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.sql.SqlStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * <b>missing-lock-timeout</b>: a statement that needs a lock blocking writes (SHARE and up) or reads (ACCESS
 * EXCLUSIVE) on a table waits for every running transaction that touches it — and while it waits, every later
 * query that conflicts with it queues behind it. A quick migration becomes an outage when one long report is
 * running. Set a lock_timeout first and retry on failure; it costs nothing when the lock is free:
 * <pre>
 * SET lock_timeout = '5s';
 * ALTER TABLE orders ADD COLUMN note text;
 * </pre>
 * Reported once per script, where the first such lock is taken. It is a warning when one of the tables the
 * script blocks is big (a row estimate at or above {@code small_table_rows}) or busy (at least
 * {@code busy_ops_per_second} reads and writes per second in {@code pg_stat_user_tables}); on small, quiet tables
 * — and without a database, where neither can be known — it is advice.
 */
public final class MissingLockTimeout extends MigrationRuleBase {

    /** A blocking lock taken while no lock_timeout was in force. */
    private record Candidate(SqlStatement statement, StatementContext ctx, TargetTable table, LockMode mode,
                             String label, String why) {
    }

    public MissingLockTimeout() {
        super("missing-lock-timeout", Severity.WARNING, "a blocking lock on an existing table without lock_timeout");
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.state().lockTimeoutSet()) return;
        List<Candidate> pending = ctx.script().pending(this);
        for (Effects.ObjectLock l : ctx.effect().tableLocks()) {
            TargetTable t = l.table();
            if (!l.mode().blocksWrites() || t.isNew() || ctx.absent(t)) continue;
            pending.add(new Candidate(ctx.script().current(), ctx, t, l.mode(), ctx.ddl().label(), reason(ctx, t)));
        }
    }

    /** Why a lock on this table matters: "big (≈…)" or "busy (… per second)", or null for a small, quiet table. */
    private static String reason(StatementContext ctx, TargetTable t) {
        Long rows = t.rowsEstimate();
        if (rows != null && rows >= ctx.config().smallTableRows()) {
            return String.format(Locale.ROOT, "≈%,d rows", rows);
        }
        if (t.relation() != null && ctx.live().isPresent()) {
            Optional<LiveDatabase.Activity> a = ctx.live().get().activity(t.relation());
            // under an hour of statistics (a fresh or just-loaded database) says little about traffic
            if (a.isPresent() && a.get().seconds() >= 3600 && a.get().perSecond() >= ctx.config().busyOpsPerSecond()) {
                return String.format(Locale.ROOT, "%.0f reads and writes per second", a.get().perSecond());
            }
        }
        return null;
    }

    @Override
    public void finish(ScriptContext script) {
        List<Candidate> all = script.pending(this);
        // a statement that silences the rule takes its locks out of the count
        List<Candidate> pending = all.stream().filter(c -> !script.suppressed(c.statement(), id())).toList();
        if (pending.isEmpty()) return;
        Candidate first = pending.get(0);
        Candidate worst = pending.stream().filter(c -> c.why() != null).findFirst().orElse(null);
        List<String> tables = new ArrayList<>();
        for (Candidate c : pending) if (!tables.contains(c.table().name())) tables.add(c.table().name());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("lock", first.mode().sql());
        evidence.put("statements", pending.stream().map(Candidate::statement).distinct().count());
        evidence.put("tables", tables.size() <= 5 ? tables : tables.subList(0, 5));
        String blocks = first.mode().blocksReads() ? "reads and writes" : "writes";
        String message = first.label() + " takes " + first.mode().sql() + " on " + first.table().describe()
                + " (blocking " + blocks + ") and no lock_timeout is set: while it waits for running transactions, "
                + "every query that conflicts with it queues behind it"
                + (pending.size() > 1 ? "; " + (pending.size() - 1) + " more blocking lock(s) follow in this script" : "");
        Severity severity;
        if (worst != null) {
            severity = Severity.WARNING;
            evidence.put("why", worst.table().name() + ": " + worst.why());
            message += " — " + worst.table().name() + " is " + (worst.why().contains("per second") ? "busy: " : "big: ")
                    + worst.why();
        } else {
            severity = Severity.INFO;
            message += first.ctx().live().isPresent() ? " (the tables are small and quiet: advice)"
                    : " (advice: run with --url to know whether the tables are big or busy)";
        }
        script.enter(first.statement());
        first.ctx().report(this, severity, null, message, first.table().name(), null,
                "SET lock_timeout = '5s'; at the top of the script (and retry the migration when it times out)",
                evidence);
    }
}
