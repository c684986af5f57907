package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.ParseOutcome;
import dev.strata.guardrail.TokenRule;
import dev.strata.guardrail.Severity;

/**
 * <b>unsupported-syntax</b> (advice): valid PostgreSQL — or at least not rejected by it — that Strata's parser
 * cannot read, so the checks that need the statement's tree (names, joins, filters, data) were not run; the rules
 * that need no tree (read-only classification, dangerous functions, restricted objects, function volatility) did
 * run. The finding names the construct. Never a reason to refuse: PostgreSQL's own rejection is a
 * {@code syntax-error} (or the error PostgreSQL gives), and run_query's READ ONLY transaction still holds.
 *
 * <pre>
 * info: SELECT (p).* FROM (SELECT ROW(1, 2) AS p) s      -- a composite value expanded with (…).*
 * good: SELECT (p).f1, (p).f2 FROM (SELECT ROW(1, 2) AS p) s
 * </pre>
 */
public final class UnsupportedSyntax extends TokenRule {

    public UnsupportedSyntax() {
        super("unsupported-syntax", Severity.INFO, "PostgreSQL that Strata cannot analyse");
    }

    @Override
    public void check(GuardContext context) {
        ParseOutcome outcome = context.parseOutcome();
        if (outcome == null || outcome.parsed() || outcome.rejectedByPostgres()) return;
        if (SyntaxError.certainlyUnparseable(context, context.statements().get(0))) return;
        String postgres = switch (outcome.postgres()) {
            case ACCEPTED -> "PostgreSQL accepts the statement";
            case NOT_ASKABLE -> "PostgreSQL cannot be asked about this kind of statement without running it";
            default -> "PostgreSQL could not be asked";
        };
        context.reportAt(this, "Strata's parser cannot read " + outcome.construct() + "; " + postgres
                        + ", so names, joins and filters were not checked (the read-only and function checks were)",
                outcome.errorOffset(), "if you want those checks, write the construct in plainer SQL (a CTE or "
                        + "subquery)");
    }
}
