package dev.strata.query;

import dev.strata.schema.ToolException;
import dev.strata.sql.SqlLexer;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;
import org.postgresql.util.PSQLException;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * What is safe to send through the PostgreSQL JDBC driver, and what a failure says about the connection.
 *
 * <p>Strata sends text an assistant wrote only through plain {@link java.sql.Statement}s with escape processing
 * off: the driver then neither rewrites {@code ?} (the jsonb operator) into a placeholder nor describes
 * parameters it does not know ({@code $1}), which is how a {@code PreparedStatement} once threw mid-protocol and
 * left pooled connections out of step. The driver still splits text at {@code ;} on its own, so
 * {@link #sentWhole} asks the driver's own parser, with the flags a plain statement uses, whether the text goes
 * out as exactly one statement, unchanged.
 */
public final class PgProtocol {

    /**
     * SQLSTATE classes that speak about the session or the server, not about the statement: connection
     * exceptions, invalid transaction state, transaction rollback, insufficient resources, object not in
     * prerequisite state (lock timeouts), operator intervention (cancel, shutdown), system and internal errors.
     */
    private static final Set<String> NOT_ABOUT_THE_STATEMENT = Set.of("08", "25", "40", "53", "55", "57", "58",
            "XX");

    private PgProtocol() {
    }

    /** Whether a plain statement with escape processing off sends {@code sql} as one statement, byte for byte. */
    public static boolean sentWhole(String sql) {
        try {
            List<NativeQuery> parts = Parser.parseJdbcSql(sql, true, false, true, false, false);
            return parts.size() == 1 && parts.get(0).bindPositions.length == 0
                    && parts.get(0).nativeSql.strip().equals(sql.strip());
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a batch Strata composed goes out as exactly {@code parts} statements with part {@code index} being
     * {@code expected} unchanged: the text an assistant wrote inside it ends nothing early and swallows nothing.
     */
    public static boolean splitsInto(String batch, int parts, int index, String expected) {
        try {
            List<NativeQuery> split = Parser.parseJdbcSql(batch, true, false, true, false, false);
            return split.size() == parts && split.get(index).nativeSql.strip().equals(expected.strip())
                    && split.stream().allMatch(q -> q.bindPositions.length == 0);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The statement for the driver's {@code prepareStatement}, which reads every {@code ?} as a placeholder: each
     * {@code ?} of an operator ({@code ?}, {@code ?|}, {@code ?&}, {@code @?} of jsonb; geometric ones) is doubled,
     * the driver's escape for a literal one. Null when the statement has {@code $n} parameters (the driver cannot
     * describe parameters it did not create) or would not reach PostgreSQL as one statement, unchanged.
     */
    public static String forPrepare(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int at = 0;
        for (SqlLexer.Token t : SqlLexer.tokenize(sql)) {
            if (t.kind() == SqlLexer.TokenKind.PARAM || t.isError()) return null;
            if (t.kind() != SqlLexer.TokenKind.OPERATOR || t.text().indexOf('?') < 0) continue;
            out.append(sql, at, t.start()).append(t.text().replace("?", "??"));
            at = t.end();
        }
        String escaped = out.append(sql, at, sql.length()).toString();
        try {
            List<NativeQuery> parts = Parser.parseJdbcSql(escaped, true, true, true, false, false);
            return parts.size() == 1 && parts.get(0).bindPositions.length == 0
                    && parts.get(0).nativeSql.strip().equals(sql.strip()) ? escaped : null;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /** An error PostgreSQL itself returned about the statement (its syntax, names, types): a verdict, a fact. */
    public static boolean isStatementError(Throwable e) {
        if (!(e instanceof PSQLException p) || p.getServerErrorMessage() == null) return false;
        String state = p.getSQLState();
        return state != null && state.length() == 5 && !NOT_ABOUT_THE_STATEMENT.contains(state.substring(0, 2));
    }

    /**
     * Whether the connection that raised {@code e} may be out of step with its server and must be evicted rather
     * than reused: anything but an ordinary error response (which the driver reads to the end) or Strata's own
     * refusal. Errs towards eviction: a spare reconnect costs milliseconds, a desynchronised connection poisons
     * every later statement on it.
     */
    public static boolean mayBeOutOfStep(Throwable e) {
        if (e instanceof ToolException) return false;
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            String state = p.getSQLState();
            return state == null || state.startsWith("08");
        }
        return true;
    }
}
