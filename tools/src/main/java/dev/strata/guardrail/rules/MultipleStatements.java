package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.TokenRule;
import dev.strata.guardrail.Severity;

import java.util.Map;

/**
 * <b>multiple-statements</b>: more than one statement where one is expected. The PostgreSQL driver splits a
 * string on semicolons and runs every part, so {@code SELECT 1; COMMIT; DROP TABLE t} would escape a read-only
 * transaction. Counted by Strata's own lexer (comments, quoted identifiers, escape and dollar-quoted strings).
 *
 * <pre>
 * bad:  SELECT count(*) FROM orders; SELECT count(*) FROM users
 * good: SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM users) AS users
 * </pre>
 */
public final class MultipleStatements extends TokenRule {

    public MultipleStatements() {
        super("multiple-statements", Severity.ERROR, "more than one statement where one is expected");
    }

    @Override
    public void check(GuardContext context) {
        int count = context.statements().size();
        if (count < 2) return;
        var second = context.statements().get(1);
        context.report(this, count + " statements; only one is run at a time, and a second statement is how "
                        + "read-only guards get broken", second.start(), null, null,
                "send one statement per call (combine reads with subqueries or UNION ALL)",
                Map.of("statements", count));
    }
}
