package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.ParseOutcome;
import dev.strata.guardrail.TokenRule;
import dev.strata.guardrail.Severity;

/**
 * <b>unsupported-syntax</b> (Strata's addition to the contract): PostgreSQL accepts the statement but Strata's
 * parser cannot read it, so the semantic checks (names, joins, soft delete, polymorphic filters) cannot vouch for
 * it. Security fails closed: run_query refuses what it cannot analyse.
 *
 * <pre>
 * bad:  a construct outside Strata's parser
 * good: the same question in plainer SQL (a CTE or subquery instead of the exotic form)
 * </pre>
 */
public final class UnsupportedSyntax extends TokenRule {

    public UnsupportedSyntax() {
        super("unsupported-syntax", Severity.ERROR, "valid PostgreSQL that Strata cannot analyse");
    }

    @Override
    public void check(GuardContext context) {
        ParseOutcome outcome = context.parseOutcome();
        if (outcome == null || outcome.parsed()) return;
        if (outcome.postgres() == ParseOutcome.Postgres.ACCEPTED) {
            context.reportAt(this, "PostgreSQL accepts this statement but Strata cannot analyse it ("
                            + outcome.parserError() + "), so it cannot check names, joins and filters",
                    outcome.errorOffset(), "rewrite the construct at this position in plainer SQL (a CTE or subquery)");
        } else if (outcome.postgres() == ParseOutcome.Postgres.NOT_ASKABLE) {
            context.reportAt(this, "Strata cannot analyse this statement (" + outcome.parserError() + ")",
                    outcome.errorOffset(), "rewrite the construct at this position in plainer SQL");
        }
    }
}
