package dev.strata.query;

import dev.strata.catalog.QualifiedName;
import dev.strata.db.Database;
import dev.strata.db.DatabaseUnavailableException;
import dev.strata.schema.ToolException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs one statement that the guardrail already judged read-only, with defence in depth on the server side:
 * a READ ONLY transaction that is always rolled back; {@code statement_timeout}, {@code lock_timeout} and
 * {@code idle_in_transaction_session_timeout} set LOCAL to it; a cursor (fetch size) so rows stream instead of
 * loading; row and byte caps checked while streaming; variable-length values cut by PostgreSQL itself
 * ({@code left(…)} in a wrapping query) so a huge value never reaches this JVM whole.
 *
 * <p>The caller must pass exactly one statement: the PostgreSQL driver splits multi-statement strings on its
 * own, so statement counting belongs to Strata's lexer, before this class.
 */
public final class QueryRunner {

    private static final int FETCH_SIZE = 200;
    /** Types whose values have no useful size bound; they are cut to {@code maxValueChars}. */
    private static final Set<String> UNBOUNDED = Set.of("text", "varchar", "bpchar", "json", "jsonb", "xml", "bytea",
            "name", "unknown", "tsvector", "citext");

    private final Database database;

    public QueryRunner(Database database) {
        this.database = database;
    }

    /** Runs {@code sql}, a single SELECT-shaped statement (SELECT, VALUES, TABLE, WITH … SELECT). */
    public QueryResult run(String sql, QueryLimits limits) {
        long start = System.nanoTime();
        try {
            return ReadOnlyTransaction.run(database, limits.statementTimeout(), limits.lockTimeout(), c -> {
                String body = stripTrailingSemicolon(sql);
                List<QueryResult.ResultColumn> columns = describe(c, body);
                boolean[] cut = unbounded(columns);
                String wrapped = wrap(body, cut, limits.maxValueChars());
                return stream(c, wrapped, columns, cut, limits, start);
            });
        } catch (SQLException e) {
            throw translate(e, limits);
        }
    }

    /**
     * Runs one validated write (only when the operator started Strata with --allow-writes): same timeouts, in its
     * own transaction, committed. RETURNING rows come back like query rows; otherwise the count of affected rows.
     */
    public QueryResult write(String sql, QueryLimits limits) {
        long start = System.nanoTime();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            boolean committed = false;
            try {
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL statement_timeout = " + limits.statementTimeout().toMillis());
                    st.execute("SET LOCAL lock_timeout = " + limits.lockTimeout().toMillis());
                    st.setMaxRows(limits.maxRows());
                    List<QueryResult.ResultColumn> columns = List.of(new QueryResult.ResultColumn("rows_affected",
                            "int8"));
                    List<List<Object>> rows = new ArrayList<>();
                    if (st.execute(stripTrailingSemicolon(sql))) {
                        try (ResultSet rs = st.getResultSet()) {
                            ResultSetMetaData md = rs.getMetaData();
                            columns = new ArrayList<>();
                            for (int i = 1; i <= md.getColumnCount(); i++) {
                                columns.add(new QueryResult.ResultColumn(md.getColumnLabel(i),
                                        typeName(md.getColumnTypeName(i))));
                            }
                            while (rs.next()) {
                                List<Object> row = new ArrayList<>();
                                for (int i = 1; i <= md.getColumnCount(); i++) row.add(value(rs, md, i));
                                rows.add(row);
                            }
                        }
                    } else {
                        rows.add(List.of((long) st.getUpdateCount()));
                    }
                    c.commit();
                    committed = true;
                    return new QueryResult(columns, rows, rows.size(), null, 0,
                            (System.nanoTime() - start) / 1_000_000);
                }
            } finally {
                if (!committed) {
                    try {
                        c.rollback();
                    } catch (SQLException ignored) {
                        // the pool replaces a broken connection
                    }
                }
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // as above
                }
            }
        } catch (SQLException e) {
            throw translate(e, limits);
        }
    }

    /**
     * Column names and types without executing: the driver's Describe of an unnamed prepared statement (nothing is
     * planned or run). Only for statements the driver can describe safely: a jsonb {@code ?} is escaped so it is
     * not taken for a placeholder, and a statement with {@code $n} parameters is refused, since describing
     * parameters the driver did not create makes it fail mid-protocol.
     */
    private static List<QueryResult.ResultColumn> describe(Connection c, String sql) throws SQLException {
        String prepared = PgProtocol.forPrepare(sql);
        if (prepared == null) {
            throw new ToolException("the statement has $n parameters or cannot be sent as one statement; run_query "
                    + "runs one complete query: write literal values in place of the parameters");
        }
        try (PreparedStatement ps = c.prepareStatement(prepared)) {
            ResultSetMetaData md = ps.getMetaData();
            if (md == null) throw new ToolException("the statement returns no rows; run_query runs queries only");
            List<QueryResult.ResultColumn> out = new ArrayList<>(md.getColumnCount());
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(new QueryResult.ResultColumn(md.getColumnLabel(i), typeName(md.getColumnTypeName(i))));
            }
            return out;
        }
    }

    /** The driver calls integer columns with a sequence default "serial"; PostgreSQL's own name is wanted. */
    private static String typeName(String driverName) {
        return switch (driverName) {
            case "serial" -> "int4";
            case "bigserial" -> "int8";
            case "smallserial" -> "int2";
            default -> driverName;
        };
    }

    /**
     * {@code SELECT c1, left(c2::text, N), <was it cut> … FROM (sql) AS q(c1, c2, …)}: positional aliases
     * make duplicate column names harmless; only unbounded types are cut.
     */
    static String wrap(String sql, boolean[] unbounded, int maxChars) {
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < unbounded.length; i++) {
            String alias = "c" + (i + 1);
            if (i > 0) {
                select.append(", ");
                aliases.append(", ");
            }
            aliases.append(alias);
            if (unbounded[i]) {
                // octet_length is read from the value's header; length() would count every character of a
                // 200 MB value. A value was cut exactly when its bytes exceed those of its kept prefix.
                select.append("left(").append(alias).append("::text, ").append(maxChars).append("), octet_length(")
                        .append(alias).append("::text) > octet_length(left(").append(alias).append("::text, ")
                        .append(maxChars).append("))");
            } else {
                select.append(alias);
            }
        }
        if (unbounded.length == 0) select.append("1");
        // OFFSET 0 keeps PostgreSQL from inlining the query into the outer select, which would evaluate an
        // expensive column (a 200 MB repeat()) once per reference.
        return select + " FROM (SELECT * FROM (" + sql + "\n) AS " + QualifiedName.quote("strata_inner")
                + " OFFSET 0) AS " + QualifiedName.quote("strata_q")
                + (unbounded.length == 0 ? "" : "(" + aliases + ")");
    }

    /** Which columns hold values of unbounded size (text, json, bytea, arrays…) and so are cut. */
    static boolean[] unbounded(List<QueryResult.ResultColumn> columns) {
        boolean[] out = new boolean[columns.size()];
        for (int i = 0; i < out.length; i++) {
            String type = columns.get(i).type().toLowerCase(Locale.ROOT).replace("\"", "");
            out[i] = UNBOUNDED.contains(type) || type.startsWith("_");
        }
        return out;
    }

    private static QueryResult stream(Connection c, String wrapped, List<QueryResult.ResultColumn> columns,
                                      boolean[] unbounded, QueryLimits limits, long start) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        String truncated = null;
        int cut = 0;
        long bytes = 0;
        if (!PgProtocol.sentWhole(wrapped)) {
            throw new ToolException("the statement cannot be sent to PostgreSQL as one statement; send one query");
        }
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            st.setFetchSize(FETCH_SIZE);
            // Client-side backstop in case the server-side timeout cannot fire (a stuck network).
            st.setQueryTimeout((int) Math.max(1, limits.statementTimeout().toSeconds() + 2));
            try (ResultSet rs = st.executeQuery(wrapped)) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    if (rows.size() >= limits.maxRows()) {
                        truncated = "max_rows";
                        break;
                    }
                    List<Object> row = new ArrayList<>(columns.size());
                    long rowBytes = 0;
                    int index = 1;
                    for (int i = 0; i < columns.size(); i++) {
                        Object value = value(rs, md, index);
                        if (unbounded[i]) {
                            if (rs.getBoolean(index + 1)) {
                                cut++;
                                value = value + "…[cut]";
                            }
                            index += 2;
                        } else {
                            index += 1;
                        }
                        rowBytes += value == null ? 4 : value.toString().length() + 2;
                        row.add(value);
                    }
                    if (bytes + rowBytes > limits.maxResultBytes() && !rows.isEmpty()) {
                        truncated = "max_result_bytes";
                        break;
                    }
                    bytes += rowBytes;
                    rows.add(row);
                }
                st.cancel();
            }
        }
        return new QueryResult(columns, rows, rows.size(), truncated, cut, (System.nanoTime() - start) / 1_000_000);
    }

    /** JSON-friendly values: numbers and booleans as themselves, everything else as PostgreSQL's text form. */
    private static Object value(ResultSet rs, ResultSetMetaData md, int index) throws SQLException {
        return switch (md.getColumnType(index)) {
            case Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long v = rs.getLong(index);
                yield rs.wasNull() ? null : v;
            }
            case Types.REAL, Types.DOUBLE, Types.FLOAT -> {
                double v = rs.getDouble(index);
                yield rs.wasNull() || Double.isNaN(v) || Double.isInfinite(v) ? rs.getString(index) : v;
            }
            case Types.NUMERIC, Types.DECIMAL -> rs.getBigDecimal(index);
            case Types.BOOLEAN, Types.BIT -> {
                boolean v = rs.getBoolean(index);
                yield rs.wasNull() ? null : v;
            }
            default -> rs.getString(index);
        };
    }

    private static String stripTrailingSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
        return s;
    }

    private static RuntimeException translate(SQLException e, QueryLimits limits) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("57014")) {
            return new ToolException("the query was cancelled after the statement timeout of "
                    + limits.statementTimeout().toMillis() + " ms; add a selective WHERE, a LIMIT, or check "
                    + "explain_query for a sequential scan");
        }
        if (state.equals("55P03")) {
            return new ToolException("the query waited longer than the lock timeout of "
                    + limits.lockTimeout().toMillis() + " ms for a lock; retry later");
        }
        if (state.equals("25006")) {
            return new ToolException("refused by PostgreSQL: the statement tries to write in a read-only "
                    + "transaction");
        }
        if (Database.isConnectionFailure(e)) {
            return new DatabaseUnavailableException("lost the database connection (" + Database.rootMessage(e)
                    + "); Strata reconnects by itself, try again shortly", e);
        }
        return new ToolException("PostgreSQL rejected the query: " + Database.rootMessage(e)
                + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"));
    }
}
