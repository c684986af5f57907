package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.ParseOutcome;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;

import java.util.Map;

/**
 * <b>invalid-statement</b> (Strata's addition to the contract): PostgreSQL itself rejects the statement while
 * analysing it — a type error, a function or operator that does not exist, a misplaced aggregate, a grouping error.
 * A fact, reported in PostgreSQL's own words; syntax errors, unknown relations and columns and ambiguous names are
 * reported by their own rules. Runs last, so a problem another rule already explained is not said twice.
 *
 * <pre>
 * bad:  SELECT customer_id, sum(amount) FROM payment
 * good: SELECT customer_id, sum(amount) FROM payment GROUP BY customer_id
 * </pre>
 */
public final class InvalidStatement extends RuleBase {

    public InvalidStatement() {
        super("invalid-statement", Severity.ERROR, "a statement PostgreSQL rejects while analysing it");
    }

    @Override
    public boolean needsModel() {
        return false;
    }

    @Override
    public void check(GuardContext context) {
        ParseOutcome outcome = context.parseOutcome();
        if (outcome == null || !outcome.rejectedByPostgres()) return;
        String state = outcome.postgresState();
        if (state == null || state.equals("42601") || state.equals("42P01") || state.equals("3F000")
                || state.equals("42703") || state.equals("42702")) {
            return;
        }
        // "operator does not exist: bigint = uuid" is what join-type-mismatch already explained with its fix.
        if ((state.equals("42883") || state.equals("42804")) && context.reported("join-type-mismatch")) return;
        context.report(this, "PostgreSQL rejects the statement: " + outcome.postgresError(), outcome.errorOffset(),
                null, null, "fix what PostgreSQL names at the position given", Map.of("sqlstate", state));
    }
}
