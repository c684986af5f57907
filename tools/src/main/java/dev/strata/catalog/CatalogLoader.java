package dev.strata.catalog;

import dev.strata.db.Database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the catalog from {@code pg_catalog} in six bulk queries, whatever the number of tables: relations,
 * columns, constraints, indexes, triggers and the session facts. {@code information_schema} is avoided on
 * purpose: it hides constraints and columns from roles that only hold SELECT, which is exactly the role a
 * read-only assistant connects with.
 */
public final class CatalogLoader {

    /** The relations Strata describes; {@code ?} is the optional schema filter. */
    private static final String RELATIONS_CTE = """
            WITH rel AS (
              SELECT c.oid FROM pg_catalog.pg_class c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r','v','m','p','f')
                AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
                AND (cardinality(?::text[]) = 0 OR n.nspname = ANY(?::text[]))
            )
            """;

    private static final String RELATIONS = RELATIONS_CTE + """
            SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltuples::float8,
                   CASE WHEN c.relkind IN ('r','m') THEN pg_catalog.pg_total_relation_size(c.oid) ELSE -1 END,
                   d.description, c.relispartition,
                   CASE WHEN c.relkind IN ('v','m') THEN pg_catalog.pg_get_viewdef(c.oid, true) END
            FROM rel JOIN pg_catalog.pg_class c ON c.oid = rel.oid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_description d
              ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
            """;

    private static final String COLUMNS = RELATIONS_CTE + """
            SELECT a.attrelid, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
                   t.typcategory, a.attnotnull, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid),
                   d.description, a.attidentity, a.attgenerated
            FROM rel JOIN pg_catalog.pg_attribute a ON a.attrelid = rel.oid
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            LEFT JOIN pg_catalog.pg_description d
              ON d.objoid = a.attrelid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """;

    private static final String CONSTRAINTS = RELATIONS_CTE + """
            SELECT con.conrelid, con.conname, con.contype, con.conkey::int[], con.convalidated,
                   pg_catalog.pg_get_constraintdef(con.oid, true),
                   fn.nspname, fc.relname,
                   CASE WHEN con.contype = 'f' THEN ARRAY(
                     SELECT fa.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                     JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = k.attnum
                     ORDER BY k.ord) END,
                   con.confdeltype, con.confupdtype
            FROM rel JOIN pg_catalog.pg_constraint con ON con.conrelid = rel.oid
            LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
            LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
            WHERE con.contype IN ('p','u','f','c','x')
            ORDER BY con.conrelid, con.conname
            """;

    private static final String INDEXES = RELATIONS_CTE + """
            SELECT i.indrelid, ic.relname, i.indisunique, i.indisprimary, i.indisvalid, am.amname,
                   pg_catalog.pg_get_expr(i.indpred, i.indrelid), pg_catalog.pg_get_indexdef(i.indexrelid),
                   ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
                         FROM generate_series(1, i.indnkeyatts) AS k)
            FROM rel JOIN pg_catalog.pg_index i ON i.indrelid = rel.oid
            JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_catalog.pg_am am ON am.oid = ic.relam
            ORDER BY i.indrelid, ic.relname
            """;

    private static final String TRIGGERS = RELATIONS_CTE + """
            SELECT t.tgrelid, t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled <> 'D'
            FROM rel JOIN pg_catalog.pg_trigger t ON t.tgrelid = rel.oid
            WHERE NOT t.tgisinternal
            ORDER BY t.tgrelid, t.tgname
            """;

    private static final String SESSION = """
            SELECT current_setting('server_version_num')::int, current_setting('server_version'),
                   current_database(), current_user, current_schemas(false)
            """;

    private final List<String> schemas;

    /** @param schemas schemas to load; empty means every non-system schema */
    public CatalogLoader(List<String> schemas) {
        this.schemas = List.copyOf(schemas);
    }

    public Catalog load(Database database) {
        try (Connection connection = database.connection()) {
            return load(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog failed: " + Database.rootMessage(e), e);
        }
    }

    public Catalog load(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        // One REPEATABLE READ transaction: all six queries see the same catalog even if DDL runs meanwhile.
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            ServerInfo server = session(connection);
            Map<Long, Builder> builders = relations(connection);
            columns(connection, builders);
            constraints(connection, builders);
            indexes(connection, builders);
            triggers(connection, builders);
            connection.commit();
            List<Relation> relations = new ArrayList<>(builders.size());
            for (Builder b : builders.values()) relations.add(b.build());
            return new Catalog(server, relations, Instant.now());
        } finally {
            try {
                connection.rollback();
            } finally {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private ServerInfo session(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SESSION); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new ServerInfo(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    strings(rs.getArray(5)));
        }
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        Array filter = connection.createArrayOf("text", schemas.toArray());
        ps.setArray(1, filter);
        ps.setArray(2, filter);
        ps.setFetchSize(5000);
        return ps;
    }

    private Map<Long, Builder> relations(Connection connection) throws SQLException {
        Map<Long, Builder> builders = new HashMap<>();
        try (PreparedStatement ps = prepare(connection, RELATIONS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Builder b = new Builder();
                b.oid = rs.getLong(1);
                b.schema = rs.getString(2);
                b.name = rs.getString(3);
                b.kind = RelationKind.of(rs.getString(4).charAt(0));
                b.rowsEstimate = Math.round(rs.getDouble(5));
                b.sizeBytes = rs.getLong(6);
                b.comment = rs.getString(7);
                b.partition = rs.getBoolean(8);
                b.viewDefinition = rs.getString(9);
                builders.put(b.oid, b);
            }
        }
        return builders;
    }

    private void columns(Connection connection, Map<Long, Builder> builders) throws SQLException {
        try (PreparedStatement ps = prepare(connection, COLUMNS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Builder b = builders.get(rs.getLong(1));
                if (b == null) continue;
                int attnum = rs.getInt(2);
                String generated = rs.getString(10);
                String expression = rs.getString(7);
                boolean isGenerated = generated != null && !generated.isEmpty();
                Column c = new Column(rs.getString(3), attnum, rs.getString(4), rs.getString(5).charAt(0),
                        !rs.getBoolean(6), isGenerated ? null : expression, rs.getString(8),
                        rs.getString(9), generated, isGenerated ? expression : null);
                b.columns.add(c);
                b.attnames.put(attnum, c.name());
            }
        }
    }

    private void constraints(Connection connection, Map<Long, Builder> builders) throws SQLException {
        try (PreparedStatement ps = prepare(connection, CONSTRAINTS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Builder b = builders.get(rs.getLong(1));
                if (b == null) continue;
                String name = rs.getString(2);
                char type = rs.getString(3).charAt(0);
                List<String> columns = b.names(rs.getArray(4));
                boolean validated = rs.getBoolean(5);
                String definition = rs.getString(6);
                switch (type) {
                    case 'p', 'u' -> b.keys.add(new Key(name, columns, type == 'p'));
                    case 'f' -> b.foreignKeys.add(new ForeignKey(name, columns, rs.getString(7), rs.getString(8),
                            strings(rs.getArray(9)), ForeignKey.action(rs.getString(10)),
                            ForeignKey.action(rs.getString(11)), validated, definition));
                    default -> b.checks.add(new CheckConstraint(name, definition, validated));
                }
            }
        }
    }

    private void indexes(Connection connection, Map<Long, Builder> builders) throws SQLException {
        try (PreparedStatement ps = prepare(connection, INDEXES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Builder b = builders.get(rs.getLong(1));
                if (b == null) continue;
                List<String> columns = strings(rs.getArray(9)).stream().map(CatalogLoader::unquote).toList();
                b.indexes.add(new Index(rs.getString(2), columns, rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
    }

    private void triggers(Connection connection, Map<Long, Builder> builders) throws SQLException {
        try (PreparedStatement ps = prepare(connection, TRIGGERS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Builder b = builders.get(rs.getLong(1));
                if (b == null) continue;
                b.triggers.add(new Trigger(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
            }
        }
    }

    /** pg_get_indexdef quotes mixed-case column names; the catalog stores them bare. */
    private static String unquote(String column) {
        if (column.length() > 1 && column.startsWith("\"") && column.endsWith("\"")
                && column.indexOf('"', 1) == column.length() - 1) {
            return column.substring(1, column.length() - 1);
        }
        return column;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) out.add(v == null ? null : v.toString());
        return out;
    }

    /** Mutable accumulator for one relation while the bulk queries stream in. */
    private static final class Builder {
        long oid;
        String schema;
        String name;
        RelationKind kind;
        String comment;
        long rowsEstimate;
        long sizeBytes;
        boolean partition;
        String viewDefinition;
        final List<Column> columns = new ArrayList<>();
        final Map<Integer, String> attnames = new HashMap<>();
        final List<Key> keys = new ArrayList<>(1);
        final List<ForeignKey> foreignKeys = new ArrayList<>(2);
        final List<CheckConstraint> checks = new ArrayList<>(0);
        final List<Index> indexes = new ArrayList<>(2);
        final List<Trigger> triggers = new ArrayList<>(0);

        List<String> names(Array attnums) throws SQLException {
            if (attnums == null) return List.of();
            Integer[] nums = (Integer[]) attnums.getArray();
            return Arrays.stream(nums).map(n -> attnames.getOrDefault(n, "#" + n)).toList();
        }

        Relation build() {
            return new Relation(oid, schema, name, kind, comment, rowsEstimate, sizeBytes, partition,
                    viewDefinition, columns, keys, foreignKeys, checks, indexes, triggers);
        }
    }
}
