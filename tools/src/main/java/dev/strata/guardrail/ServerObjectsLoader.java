package dev.strata.guardrail;

import dev.strata.db.Database;
import dev.strata.guardrail.model.ServerObjects;
import dev.strata.query.ReadOnlyTransaction;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads {@link ServerObjects} in three catalog queries (a few milliseconds, once per catalog): the columns of every
 * {@code pg_catalog} and {@code information_schema} relation, the user's sequences, and the functions the guardrail
 * needs to know about (every user-defined one for its volatility; every one that returns rows or a row type, for
 * the columns a call in FROM yields).
 */
public final class ServerObjectsLoader {

    private static final String SYSTEM_RELATIONS = """
            SELECT n.nspname, c.relname, array_agg(a.attname::text ORDER BY a.attnum)
              FROM pg_catalog.pg_class c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             WHERE n.nspname IN ('pg_catalog', 'information_schema') AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
             GROUP BY 1, 2""";

    private static final String SEQUENCES = """
            SELECT n.nspname, c.relname
              FROM pg_catalog.pg_class c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind = 'S' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'""";

    private static final String FUNCTIONS = """
            SELECT n.nspname, p.proname, p.provolatile, p.proretset,
                   CASE WHEN p.proargmodes IS NOT NULL THEN
                     (SELECT array_agg(coalesce(p.proargnames[i], '') ORDER BY i)
                        FROM generate_subscripts(p.proargmodes, 1) AS i
                       WHERE p.proargmodes[i] IN ('o', 'b', 't')) END,
                   CASE WHEN t.typtype = 'c' THEN
                     (SELECT rn.nspname || '.' || rc.relname FROM pg_catalog.pg_class rc
                        JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace WHERE rc.oid = t.typrelid) END,
                   p.prorettype = 'pg_catalog.record'::pg_catalog.regtype AND p.proargmodes IS NULL
              FROM pg_catalog.pg_proc p
              JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
              JOIN pg_catalog.pg_type t ON t.oid = p.prorettype
             WHERE (n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%')
                OR p.proretset OR t.typtype = 'c' OR p.prorettype = 'pg_catalog.record'::pg_catalog.regtype""";

    private ServerObjectsLoader() {
    }

    /** The server's objects, or {@link ServerObjects#NONE} when they cannot be read right now. */
    public static ServerObjects load(Database database) {
        try {
            return ReadOnlyTransaction.run(database, Duration.ofSeconds(10), Duration.ofSeconds(1),
                    ServerObjectsLoader::read);
        } catch (SQLException | RuntimeException e) {
            return ServerObjects.NONE;
        }
    }

    static ServerObjects read(Connection c) throws SQLException {
        List<ServerObjects.SystemRelation> relations = new ArrayList<>();
        List<String> sequences = new ArrayList<>();
        List<ServerObjects.Function> functions = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(SYSTEM_RELATIONS)) {
                while (rs.next()) {
                    relations.add(new ServerObjects.SystemRelation(rs.getString(1), rs.getString(2),
                            strings(rs.getArray(3))));
                }
            }
            try (ResultSet rs = st.executeQuery(SEQUENCES)) {
                while (rs.next()) sequences.add(rs.getString(1) + "." + rs.getString(2));
            }
            try (ResultSet rs = st.executeQuery(FUNCTIONS)) {
                while (rs.next()) {
                    List<String> outs = rs.getArray(5) == null ? null : strings(rs.getArray(5));
                    if (outs != null && (outs.isEmpty() || outs.contains(""))) outs = null;
                    functions.add(new ServerObjects.Function(rs.getString(1), rs.getString(2),
                            rs.getString(3).charAt(0), rs.getBoolean(4), outs, rs.getString(6), rs.getBoolean(7)));
                }
            }
        }
        return new ServerObjects(true, relations, sequences, functions);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }
}
