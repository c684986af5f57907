package dev.strata.query;

import dev.strata.db.Database;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.QueryGuard;
import dev.strata.guardrail.Validation;
import dev.strata.schema.SchemaKnowledge;

import java.util.List;
import java.util.function.Supplier;

/**
 * validate_sql and run_query in plain Java: every statement goes through the guardrail first; run_query refuses
 * on any error finding and on anything not read-only (unless writes were allowed at start-up, and even then one
 * statement, validated).
 */
public final class QueryService {

    private final QueryGuard guard;
    private final QueryRunner runner;
    private final ExplainAnalyzer explainer;
    private final QueryLimits limits;
    private final boolean allowWrites;

    public QueryService(Supplier<SchemaKnowledge> knowledge, Database database, QueryLimits limits,
                        boolean allowWrites) {
        this(knowledge, database, limits, allowWrites, null);
    }

    /** @param profiles the cached data profiles the data-aware rules read, or null (those rules stay silent) */
    public QueryService(Supplier<SchemaKnowledge> knowledge, Database database, QueryLimits limits,
                        boolean allowWrites, dev.strata.profile.ProfileSource profiles) {
        this.guard = new QueryGuard(knowledge, database, profiles);
        this.runner = new QueryRunner(database);
        this.explainer = new ExplainAnalyzer(database, limits.statementTimeout(), limits.lockTimeout());
        this.limits = limits;
        this.allowWrites = allowWrites;
    }

    public Validation validate(String sql) {
        return guard.validate(sql);
    }

    /** Either the rows, or the refusal with the findings that caused it. */
    public sealed interface Outcome permits Ran, Refused, Explained {
    }

    public record Ran(QueryResult result, List<Finding> findings) implements Outcome {
    }

    public record Refused(String reason, Validation validation) implements Outcome {
    }

    public Outcome run(String sql, Integer maxRows) {
        Validation v = guard.validate(sql);
        // With --allow-writes, being a write is no longer an error by itself; everything else still is.
        boolean blocked = v.findings().stream()
                .anyMatch(f -> f.isError() && !(allowWrites && f.rule().equals("not-read-only")));
        if (blocked) {
            return new Refused("refused: the statement has error findings", v);
        }
        String parameter = firstParameter(sql);
        if (parameter != null) {
            return new Refused("refused: the statement has the parameter " + parameter + " and run_query has no "
                    + "value to bind to it; write the value into the statement as a literal", v);
        }
        QueryLimits effective = maxRows == null ? limits : limits.withMaxRows(Math.min(maxRows, limits.maxRows()));
        if (!v.readOnly() && !onlyFunctionsMayWrite(sql, v)) {
            if (!allowWrites) return new Refused("refused: the statement is not read-only", v);
            return new Ran(runner.write(sql, effective), v.findings());
        }
        // Read-only by its syntax; a user-defined function it calls may try to write, and the READ ONLY
        // transaction refuses that at run time.
        return new Ran(runner.run(sql, effective), v.findings());
    }

    /** The plan of a statement the guardrail lets through as read-only; refused like run_query otherwise. */
    public Outcome explain(String sql) {
        Validation v = guard.validate(sql);
        if (!v.ok()) return new Refused("refused: the statement has error findings", v);
        if (!v.readOnly()) return new Refused("refused: explain_query explains read-only statements only", v);
        String parameter = firstParameter(sql);
        if (parameter != null) {
            return new Refused("refused: the statement has the parameter " + parameter + "; write a literal value "
                    + "in its place to see the plan", v);
        }
        return new Explained(explainer.explain(sql), v.findings());
    }

    /**
     * A single statement that is read-only by its syntax and only calls functions that may write
     * (volatile-function): it runs, in the READ ONLY transaction every read runs in.
     */
    private static boolean onlyFunctionsMayWrite(String sql, Validation v) {
        return v.findings().stream().anyMatch(f -> f.rule().equals("volatile-function"))
                && v.findings().stream().noneMatch(f -> f.rule().equals("not-read-only")
                || f.rule().equals("multiple-statements"))
                && dev.strata.sql.StatementClassifier.classify(sql).readOnly();
    }

    /** The first {@code $n} parameter of the statement, or null: statements with parameters cannot run as they are. */
    private static String firstParameter(String sql) {
        for (dev.strata.sql.SqlLexer.Token t : dev.strata.sql.SqlLexer.tokenize(sql)) {
            if (t.kind() == dev.strata.sql.SqlLexer.TokenKind.PARAM) return t.text();
        }
        return null;
    }

    public record Explained(ExplainResult plan, List<Finding> findings) implements Outcome {
    }

}
