package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.Ddl;

/**
 * <b>timestamp-without-time-zone</b>: a new {@code timestamp} column stores wall-clock time with no zone, so the
 * same instant reads differently depending on who wrote it, and comparisons with {@code now()} shift with the
 * session's TimeZone. Store instants as {@code timestamptz}:
 * <pre>
 * ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
 * </pre>
 * A convention, not a hazard: {@code info} by default, raised for teams that want it
 * ({@code severity: {timestamp-without-time-zone: warning}} in {@code .strata.yml}).
 */
public final class TimestampWithoutTimeZone extends MigrationRuleBase {

    public TimestampWithoutTimeZone() {
        super("timestamp-without-time-zone", Severity.INFO, "a new timestamp column without time zone");
    }

    @Override
    public void check(StatementContext ctx) {
        for (NewColumns.Added a : NewColumns.of(ctx)) {
            if (a.column().type() != null && a.column().type().isTimestampWithoutTimeZone()) {
                report(ctx, a.column().at(), a.table(), a.column().name());
            }
        }
        if (ctx.ddl() instanceof Ddl.AlterTable at) {
            for (AlterAction x : at.actions()) {
                if (x instanceof AlterAction.AlterType t && t.type() != null && t.type().isTimestampWithoutTimeZone()) {
                    report(ctx, x.at(), ctx.key(at.table()), t.column());
                }
            }
        }
    }

    private void report(StatementContext ctx, dev.strata.sql.SqlLexer.Token at, String table, String column) {
        ctx.report(this, severity(), at, table + "." + column + " is a timestamp without time zone: the "
                + "instant it means depends on the writer's TimeZone setting", table, column,
                "Declare " + column + " as timestamptz.", null);
    }
}
