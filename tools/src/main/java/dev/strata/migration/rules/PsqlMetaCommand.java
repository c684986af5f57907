package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.ddl.Ddl;

/**
 * <b>psql-meta-command</b> (info; added id): a psql backslash command ({@code \set}, {@code \i}, {@code \connect})
 * is run by psql, not the server; review skips it and says so, since {@code \i other.sql} can hide a whole script.
 */
public final class PsqlMetaCommand extends MigrationRuleBase {

    public PsqlMetaCommand() {
        super("psql-meta-command", Severity.INFO, "a psql meta-command, skipped");
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.ddl() instanceof Ddl.PsqlMeta m) {
            String cmd = m.command().split("\\s+")[0];
            ctx.report(this, "psql meta-command " + cmd + " skipped: it runs in psql, not on the server", null, null,
                    cmd.equals("\\i") || cmd.equals("\\ir") || cmd.equals("\\include")
                            ? "Review the included file with strata check too." : null, null);
        }
    }
}
