package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.TokenRule;
import dev.strata.guardrail.Severity;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.StatementClassifier;

import java.util.Map;

/**
 * <b>not-read-only</b>: a statement that writes, locks rows, changes settings or controls transactions — also
 * when it looks like a read: data-modifying CTEs, {@code SELECT … INTO}, {@code SELECT … FOR UPDATE},
 * {@code EXPLAIN ANALYZE} of a write, {@code COPY}, {@code DO}, {@code CALL}, {@code PREPARE}/{@code EXECUTE}.
 * Anything the classifier does not recognise counts as a write (fail closed); a statement that certainly does not
 * parse gets its syntax error instead (validate_sql's {@code read_only} is false for it all the same).
 *
 * <pre>
 * bad:  WITH gone AS (DELETE FROM sessions RETURNING *) SELECT count(*) FROM gone
 * good: SELECT count(*) FROM sessions WHERE expires_at &lt; now()
 * </pre>
 */
public final class NotReadOnly extends TokenRule {

    public NotReadOnly() {
        super("not-read-only", Severity.ERROR, "a statement that writes, locks, changes settings or controls "
                + "transactions");
    }

    @Override
    public void check(GuardContext context) {
        for (SqlStatement statement : context.statements()) {
            // A statement that does not parse gets its syntax error; whether it would write is unknowable.
            if (SyntaxError.certainlyUnparseable(context, statement)) continue;
            StatementClassifier.Classification c = StatementClassifier.classify(statement);
            if (c.readOnly()) continue;
            context.report(this, "not read-only: " + c.reason(), statement.start(), null, null,
                    "send a single SELECT (or VALUES, TABLE, WITH … SELECT); Strata runs reads only",
                    Map.of("statement_kind", c.kind().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }
}
