package dev.strata.catalog;

import dev.strata.db.Database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads the catalog from {@code pg_catalog} in a fixed number of bulk queries, whatever the number of tables.
 * {@code information_schema} is avoided on purpose: it hides constraints and columns from roles that only hold
 * SELECT, which is exactly the role a read-only assistant connects with.
 *
 * <p>Speed (5,000 tables must load in well under a second): the queries call as few deparsing functions as
 * possible ({@code format_type} once per distinct type, {@code pg_get_expr} only for defaults and predicates,
 * {@code pg_get_expr} rather than the slower {@code pg_get_constraintdef} for checks), sizes come from {@code relpages} instead of a file-system
 * walk per relation, and with a pool the queries run on three connections that share one exported snapshot, so
 * the result is as consistent as a single transaction.
 */
public final class CatalogLoader {

    /** The relations Strata describes; {@code ?} is the optional schema filter (twice). */
    private static final String REL = """
            WITH rel AS (
              SELECT c.oid FROM pg_catalog.pg_class c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r','v','m','p','f')
                AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
                AND (cardinality(?::text[]) = 0 OR n.nspname = ANY(?::text[]))
            )
            """;

    private static final String RELATIONS = REL + """
            SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltuples::float8,
                   CASE WHEN c.relkind IN ('r','m') THEN (c.relpages::int8 + COALESCE(t.relpages, 0)
                     + COALESCE((SELECT sum(ic.relpages) FROM pg_catalog.pg_index i
                                 JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid), 0))
                     * current_setting('block_size')::int8 ELSE -1 END,
                   c.relispartition,
                   CASE WHEN c.relkind IN ('v','m') THEN pg_catalog.pg_get_viewdef(c.oid, true) END
            FROM rel JOIN pg_catalog.pg_class c ON c.oid = rel.oid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_class t ON t.oid = c.reltoastrelid
            """;

    private static final String COMMENTS = REL + """
            SELECT d.objoid, d.objsubid, d.description
            FROM rel JOIN pg_catalog.pg_description d ON d.objoid = rel.oid
            WHERE d.classoid = 'pg_catalog.pg_class'::regclass
            """;

    private static final String COLUMNS = REL + """
            SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.atttypmod, a.attnotnull, a.attidentity,
                   a.attgenerated
            FROM rel JOIN pg_catalog.pg_attribute a ON a.attrelid = rel.oid
            WHERE a.attnum > 0 AND NOT a.attisdropped
            """;

    /**
     * format_type once per distinct (type, modifier) pair instead of once per column. Over all of pg_attribute:
     * a hash aggregate without the join is cheaper, and a few system types too many cost nothing.
     */
    private static final String TYPES = """
            SELECT s.atttypid, s.atttypmod, pg_catalog.format_type(s.atttypid, s.atttypmod), t.typcategory
            FROM (SELECT DISTINCT a.atttypid, a.atttypmod FROM pg_catalog.pg_attribute a WHERE a.attnum > 0) s
            JOIN pg_catalog.pg_type t ON t.oid = s.atttypid
            """;

    /** Defaults cannot refer to columns, so they deparse without opening the table (relation 0). */
    private static final String DEFAULTS = REL + """
            SELECT ad.adrelid, ad.adnum,
                   pg_catalog.pg_get_expr(ad.adbin, CASE WHEN a.attgenerated <> '' THEN ad.adrelid ELSE 0 END)
            FROM rel JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = rel.oid
            JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
            """;

    private static final String CONSTRAINTS = REL + """
            SELECT con.conrelid, con.conname, con.contype, con.conkey::int[], con.convalidated,
                   CASE con.contype WHEN 'c' THEN 'CHECK (' || pg_catalog.pg_get_expr(con.conbin, con.conrelid) || ')'
                     WHEN 'x' THEN pg_catalog.pg_get_constraintdef(con.oid, true) END,
                   con.confrelid, con.confkey::int[], con.confdeltype, con.confupdtype
            FROM rel JOIN pg_catalog.pg_constraint con ON con.conrelid = rel.oid
            WHERE con.contype IN ('p','u','f','c','x')
            """;

    /** Plain index columns come from indkey; only expression indexes need pg_get_indexdef. */
    private static final String INDEXES = REL + """
            SELECT i.indrelid, ic.relname, i.indisunique, i.indisprimary, i.indisvalid, am.amname,
                   CASE WHEN i.indpred IS NOT NULL THEN pg_catalog.pg_get_expr(i.indpred, i.indrelid) END,
                   i.indkey::int2[]::int[], i.indnkeyatts,
                   CASE WHEN i.indexprs IS NOT NULL THEN ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
                         FROM generate_series(1, i.indnkeyatts) AS k) END
            FROM rel JOIN pg_catalog.pg_index i ON i.indrelid = rel.oid
            JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_catalog.pg_am am ON am.oid = ic.relam
            """;

    private static final String TRIGGERS = REL + """
            SELECT t.tgrelid, t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled <> 'D'
            FROM rel JOIN pg_catalog.pg_trigger t ON t.tgrelid = rel.oid
            WHERE NOT t.tgisinternal
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

    /** Loads through the pool, three queries streams at a time on one shared snapshot. */
    public Catalog load(Database database) {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "strata-catalog-query");
            t.setDaemon(true);
            return t;
        });
        try (Connection lead = database.connection()) {
            Raw raw = new Raw();
            begin(lead);
            String snapshot;
            try (Statement st = lead.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            // Three streams of roughly equal cost (measured on 5,000 tables): columns alone; defaults and
            // constraints; everything else on the lead connection.
            CompletableFuture<Void> columns = CompletableFuture.runAsync(() -> onSnapshot(database, snapshot,
                    c -> readColumns(c, raw)), pool);
            CompletableFuture<Void> constraints = CompletableFuture.runAsync(() -> onSnapshot(database, snapshot, c -> {
                readDefaults(c, raw);
                readConstraints(c, raw);
            }), pool);
            ServerInfo server = session(lead);
            readRelations(lead, raw);
            readComments(lead, raw);
            readTypes(lead, raw);
            readIndexes(lead, raw);
            readTriggers(lead, raw);
            columns.join();
            constraints.join();
            end(lead);
            return raw.assemble(server);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog failed: " + Database.rootMessage(e), e);
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            throw new IllegalStateException("reading the catalog failed: " + Database.rootMessage(cause), cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Loads on one connection, one query after another (tests and single-connection callers). */
    public Catalog load(Connection connection) throws SQLException {
        begin(connection);
        try {
            Raw raw = new Raw();
            ServerInfo server = session(connection);
            readRelations(connection, raw);
            readComments(connection, raw);
            readTypes(connection, raw);
            readColumns(connection, raw);
            readDefaults(connection, raw);
            readConstraints(connection, raw);
            readIndexes(connection, raw);
            readTriggers(connection, raw);
            return raw.assemble(server);
        } finally {
            end(connection);
        }
    }

    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    private static void onSnapshot(Database database, String snapshot, SqlWork work) {
        try (Connection c = database.connection()) {
            begin(c);
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
            }
            try {
                work.run(c);
            } finally {
                end(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog failed: " + Database.rootMessage(e), e);
        }
    }

    /** REPEATABLE READ, read only: every query sees the same catalog even if DDL runs meanwhile. */
    private static void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
    }

    private static void end(Connection c) throws SQLException {
        c.rollback();
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
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
        if (sql.startsWith(REL)) {
            Array filter = connection.createArrayOf("text", schemas.toArray());
            ps.setArray(1, filter);
            ps.setArray(2, filter);
        }
        ps.setFetchSize(10_000);
        return ps;
    }

    private void readRelations(Connection c, Raw raw) throws SQLException {
        try (PreparedStatement ps = prepare(c, RELATIONS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                RelationRow r = new RelationRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        RelationKind.of(rs.getString(4).charAt(0)), Math.round(rs.getDouble(5)), rs.getLong(6),
                        rs.getBoolean(7), rs.getString(8));
                raw.relations.add(r);
            }
        }
    }

    private void readComments(Connection c, Raw raw) throws SQLException {
        try (PreparedStatement ps = prepare(c, COMMENTS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) raw.comments.put(key(rs.getLong(1), rs.getInt(2)), rs.getString(3));
        }
    }

    private void readTypes(Connection c, Raw raw) throws SQLException {
        try (PreparedStatement ps = prepare(c, TYPES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                raw.types.put(new TypeKey(rs.getLong(1), rs.getInt(2)), new String[]{rs.getString(3), rs.getString(4)});
            }
        }
    }

    private void readColumns(Connection c, Raw raw) throws SQLException {
        try (PreparedStatement ps = prepare(c, COLUMNS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                raw.columns.add(new ColumnRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
                        rs.getInt(5), rs.getBoolean(6), rs.getString(7), rs.getString(8)));
            }
        }
    }

    private void readDefaults(Connection c, Raw raw) throws SQLException {
        try (PreparedStatement ps = prepare(c, DEFAULTS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) raw.defaults.put(key(rs.getLong(1), rs.getInt(2)), rs.getString(3));
        }
    }

    private void readConstraints(Connection c, Raw raw) throws SQLException {
        try (PreparedStatement ps = prepare(c, CONSTRAINTS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                raw.constraints.add(new ConstraintRow(rs.getLong(1), rs.getString(2), rs.getString(3).charAt(0),
                        ints(rs.getArray(4)), rs.getBoolean(5), rs.getString(6), rs.getLong(7), ints(rs.getArray(8)),
                        rs.getString(9), rs.getString(10)));
            }
        }
    }

    private void readIndexes(Connection c, Raw raw) throws SQLException {
        try (PreparedStatement ps = prepare(c, INDEXES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                raw.indexes.add(new IndexRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getString(6), rs.getString(7), ints(rs.getArray(8)), rs.getInt(9),
                        rs.getArray(10) == null ? null : strings(rs.getArray(10))));
            }
        }
    }

    private void readTriggers(Connection c, Raw raw) throws SQLException {
        try (PreparedStatement ps = prepare(c, TRIGGERS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                raw.triggers.add(new TriggerRow(rs.getLong(1), new Trigger(rs.getString(2), rs.getString(3),
                        rs.getBoolean(4))));
            }
        }
    }

    /** Key for (relation oid, attribute number): oids fit in 32 bits, attribute numbers in 16. */
    private static long key(long oid, int sub) {
        return (oid << 16) | (sub & 0xffffL);
    }

    private record TypeKey(long oid, int typmod) {
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) out.add(v == null ? null : v.toString());
        return out;
    }

    private static int[] ints(Array array) throws SQLException {
        if (array == null) return new int[0];
        Object[] values = (Object[]) array.getArray();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) out[i] = ((Number) values[i]).intValue();
        return out;
    }

    /** pg_get_indexdef quotes mixed-case column names; the catalog stores them bare. */
    private static String unquote(String column) {
        if (column.length() > 1 && column.startsWith("\"") && column.endsWith("\"")
                && column.indexOf('"', 1) == column.length() - 1) {
            return column.substring(1, column.length() - 1);
        }
        return column;
    }

    private record RelationRow(long oid, String schema, String name, RelationKind kind, long rows, long size,
                               boolean partition, String viewDefinition) {
    }

    private record ColumnRow(long relid, int attnum, String name, long typeOid, int typmod, boolean notNull,
                             String identity, String generated) {
    }

    private record ConstraintRow(long relid, String name, char type, int[] columns, boolean validated,
                                 String definition, long targetOid, int[] targetColumns, String onDelete,
                                 String onUpdate) {
    }

    private record IndexRow(long relid, String name, boolean unique, boolean primary, boolean valid, String method,
                            String predicate, int[] attnums, int keyColumns, List<String> expressions) {
    }

    private record TriggerRow(long relid, Trigger trigger) {
    }

    /** The rows of every query, joined into relations once all of them are in (they may arrive in any order). */
    private static final class Raw {
        // Each collection is filled by exactly one stream and read only after all streams joined.
        final List<RelationRow> relations = new ArrayList<>();
        final Map<Long, String> comments = new HashMap<>();
        final Map<TypeKey, String[]> types = new HashMap<>();
        final Map<Long, String> defaults = new HashMap<>();
        final List<ColumnRow> columns = new ArrayList<>();
        final List<ConstraintRow> constraints = new ArrayList<>();
        final List<IndexRow> indexes = new ArrayList<>();
        final List<TriggerRow> triggers = new ArrayList<>();

        Catalog assemble(ServerInfo server) {
            Map<Long, Builder> builders = new HashMap<>(relations.size() * 2);
            for (RelationRow r : relations) builders.put(r.oid(), new Builder(r, comments.get(key(r.oid(), 0))));
            for (ColumnRow c : columns) {
                Builder b = builders.get(c.relid());
                if (b == null) continue;
                String[] type = types.getOrDefault(new TypeKey(c.typeOid(), c.typmod()), new String[]{"unknown", "X"});
                boolean isGenerated = c.generated() != null && !c.generated().isEmpty();
                String expression = defaults.get(key(c.relid(), c.attnum()));
                b.columns.add(new Column(c.name(), c.attnum(), type[0], type[1].charAt(0), !c.notNull(),
                        isGenerated ? null : expression, comments.get(key(c.relid(), c.attnum())), c.identity(),
                        c.generated(), isGenerated ? expression : null));
                b.attnames.put(c.attnum(), c.name());
            }
            Map<Long, Builder> byOid = builders;
            for (ConstraintRow c : constraints) {
                Builder b = byOid.get(c.relid());
                if (b == null) continue;
                List<String> cols = b.names(c.columns());
                switch (c.type()) {
                    case 'p', 'u' -> b.keys.add(new Key(c.name(), cols, c.type() == 'p'));
                    case 'f' -> {
                        Builder target = byOid.get(c.targetOid());
                        // A target outside the loaded schemas keeps its oid-less placeholder names.
                        String schema = target == null ? "?" : target.row.schema();
                        String table = target == null ? "oid:" + c.targetOid() : target.row.name();
                        List<String> targetCols = target == null ? List.of() : target.names(c.targetColumns());
                        b.foreignKeys.add(new ForeignKey(c.name(), cols, schema, table, targetCols,
                                ForeignKey.action(c.onDelete()), ForeignKey.action(c.onUpdate()), c.validated()));
                    }
                    default -> b.checks.add(new CheckConstraint(c.name(), c.definition(), c.validated()));
                }
            }
            for (IndexRow i : indexes) {
                Builder b = byOid.get(i.relid());
                if (b == null) continue;
                List<String> cols = new ArrayList<>(i.keyColumns());
                for (int k = 0; k < i.keyColumns() && k < i.attnums().length; k++) {
                    int attnum = i.attnums()[k];
                    cols.add(attnum != 0 ? b.attnames.getOrDefault(attnum, "#" + attnum)
                            : (i.expressions() == null ? "?" : unquote(i.expressions().get(k))));
                }
                b.indexes.add(new Index(i.name(), cols, i.unique(), i.primary(), i.valid(), i.method(),
                        i.predicate()));
            }
            for (TriggerRow t : triggers) {
                Builder b = byOid.get(t.relid());
                if (b != null) b.triggers.add(t.trigger());
            }
            // Queries return rows unordered (sorting 100,000 names server-side cost more than the rest).
            List<Relation> out = new ArrayList<>(builders.size());
            for (Builder b : builders.values()) out.add(b.build());
            return new Catalog(server, out, Instant.now());
        }
    }

    /** Mutable accumulator for one relation while the rows are joined. */
    private static final class Builder {
        final RelationRow row;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        final Map<Integer, String> attnames = new HashMap<>();
        final List<Key> keys = new ArrayList<>(1);
        final List<ForeignKey> foreignKeys = new ArrayList<>(2);
        final List<CheckConstraint> checks = new ArrayList<>(0);
        final List<Index> indexes = new ArrayList<>(2);
        final List<Trigger> triggers = new ArrayList<>(0);

        Builder(RelationRow row, String comment) {
            this.row = row;
            this.comment = comment;
        }

        List<String> names(int[] attnums) {
            List<String> out = new ArrayList<>(attnums.length);
            for (int n : attnums) out.add(attnames.getOrDefault(n, "#" + n));
            return out;
        }

        Relation build() {
            columns.sort(java.util.Comparator.comparingInt(Column::position));
            foreignKeys.sort(java.util.Comparator.comparing(ForeignKey::name));
            keys.sort(java.util.Comparator.comparing(Key::name));
            checks.sort(java.util.Comparator.comparing(CheckConstraint::name));
            indexes.sort(java.util.Comparator.comparing(Index::name));
            triggers.sort(java.util.Comparator.comparing(Trigger::name));
            return new Relation(row.oid(), row.schema(), row.name(), row.kind(), comment, row.rows(), row.size(),
                    row.partition(), row.viewDefinition(), columns, keys, foreignKeys, checks, indexes, triggers);
        }
    }
}
