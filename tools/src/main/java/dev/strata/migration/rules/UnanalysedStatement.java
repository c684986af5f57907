package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.ddl.Ddl;

/**
 * <b>unanalysed-statement</b> (info, so nothing passes silently): a statement Strata's recogniser does not
 * understand, a DO block in a language other than PL/pgSQL, or dynamic SQL that is only built at run time. Nothing
 * about its locks or data effects is known; review it by hand. The same id reports, as a warning, a file whose
 * review did not finish within {@code file_time_limit_ms}, and (as info) a statement on which a rule of Strata's
 * own failed. Invalid SQL is {@code syntax-error} when a database can be asked.
 */
public final class UnanalysedStatement extends MigrationRuleBase {

    private static final java.util.regex.Pattern DYNAMIC_EXECUTE =
            java.util.regex.Pattern.compile("(?s).*\\bexecute\\s+(?!')[^;]*;.*");

    public UnanalysedStatement() {
        super("unanalysed-statement", Severity.INFO, "a statement Strata could not analyse");
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.ddl() instanceof Ddl.Unrecognised u) {
            ctx.report(this, u.label() + ": not analysed (" + u.reason() + "); its locks and effects are unknown",
                    null, null, "Review this statement by hand.", null);
        } else if (ctx.ddl() instanceof Ddl.DoBlock d) {
            if (!d.language().equals("plpgsql")) {
                ctx.report(this, "DO block in " + d.language() + ": not analysed", null, null,
                        "Review this block by hand.", null);
            } else if (DYNAMIC_EXECUTE.matcher(d.body().toLowerCase(java.util.Locale.ROOT)).matches()) {
                ctx.report(this, "DO block builds SQL at run time (EXECUTE of an expression): that SQL is not "
                        + "analysed", null, null, "Write the statements out, or review the generated SQL by hand.", null);
            }
        }
    }
}
