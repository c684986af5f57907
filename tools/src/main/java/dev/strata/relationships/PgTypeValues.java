package dev.strata.relationships;

import dev.strata.catalog.QualifiedName;
import dev.strata.db.Database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads discriminator values from the database, cheapest source first: {@code pg_stats} (free, exact enough
 * for the handful of values a type column holds), else the first 100,000 rows under a 2 s statement timeout.
 * A failure yields "unknown", never an exception: relationships must load even if one table is unreadable.
 */
public final class PgTypeValues implements TypeValueSource {

    private static final int SAMPLE_ROWS = 100_000;

    /** All samples of one graph build together may take this long; beyond it values stay unknown. */
    static final long SAMPLE_BUDGET_NANOS = 2_000_000_000L;

    private final Database database;
    private final long deadline;

    public PgTypeValues(Database database) {
        this.database = database;
        this.deadline = System.nanoTime() + SAMPLE_BUDGET_NANOS;
    }

    @Override
    public ObservedValues values(String schema, String table, String column) {
        try (Connection c = database.connection()) {
            ObservedValues stats = fromStats(c, schema, table, column);
            if (!stats.fractions().isEmpty()) return stats;
            if (System.nanoTime() > deadline) return ObservedValues.none();
            ObservedValues sample = fromSample(c, schema, table, column);
            return sample.fractions().isEmpty() ? fromEnumLabels(c, schema, table, column) : sample;
        } catch (SQLException | RuntimeException e) {
            return ObservedValues.none();
        }
    }

    private static ObservedValues fromStats(Connection c, String schema, String table, String column)
            throws SQLException {
        String sql = """
                SELECT most_common_vals::text::text[], most_common_freqs, null_frac
                FROM pg_catalog.pg_stats WHERE schemaname = ? AND tablename = ? AND attname = ?
                """;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getArray(1) == null) return ObservedValues.none();
                Object[] values = (Object[]) rs.getArray(1).getArray();
                Array freqArray = rs.getArray(2);
                Object[] freqs = (Object[]) freqArray.getArray();
                Map<String, Double> fractions = new LinkedHashMap<>();
                for (int i = 0; i < values.length; i++) {
                    fractions.put(String.valueOf(values[i]), ((Number) freqs[i]).doubleValue());
                }
                return new ObservedValues(PolymorphicDetector.ordered(fractions), "pg_stats");
            }
        }
    }

    /** An enum discriminator on an empty table still says which tables it can name: its labels. */
    private static ObservedValues fromEnumLabels(Connection c, String schema, String table, String column)
            throws SQLException {
        String sql = """
                SELECT e.enumlabel FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class r ON r.oid = a.attrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace
                JOIN pg_catalog.pg_enum e ON e.enumtypid = a.atttypid
                WHERE n.nspname = ? AND r.relname = ? AND a.attname = ? ORDER BY e.enumsortorder
                """;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            ps.setString(3, column);
            Map<String, Double> labels = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) labels.put(rs.getString(1), 0.0);
            }
            return labels.isEmpty() ? ObservedValues.none() : new ObservedValues(labels, "enum labels (no rows)");
        }
    }

    private ObservedValues fromSample(Connection c, String schema, String table, String column)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            long left = Math.max(1, Math.min(2000, (deadline - System.nanoTime()) / 1_000_000));
            st.execute("SET LOCAL statement_timeout = " + left);
            st.execute("SET LOCAL lock_timeout = 100");
            st.execute("SET TRANSACTION READ ONLY");
            String col = QualifiedName.quote(column);
            String sql = "SELECT " + col + "::text, count(*) FROM (SELECT " + col + " FROM "
                    + QualifiedName.quote(schema, table) + " LIMIT " + SAMPLE_ROWS + ") s WHERE " + col
                    + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 50";
            Map<String, Long> counts = new LinkedHashMap<>();
            long total = 0;
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                    total += rs.getLong(2);
                }
            }
            Map<String, Double> fractions = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                fractions.put(e.getKey(), total == 0 ? 0 : (double) e.getValue() / total);
            }
            return new ObservedValues(fractions, "sample");
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }
}
