package dev.strata.schema;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import dev.strata.catalog.RelationKind;
import dev.strata.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which tables carry a soft-delete column, and whether any row actually sets it. A column that exists but is
 * never written is noise: filtering on it changes nothing and warning about it trains people to ignore
 * warnings. Figures come from {@code pg_stats} in one query for the whole catalog (free); tables never analysed
 * report the usage as unknown.
 *
 * <p>Soft delete means some rows are marked and others are not: a {@code deleted_at} declared NOT NULL (an archive
 * of deleted rows records when each was deleted) or set on every row is not soft delete, and "never written" is
 * concluded only from at least {@link #MIN_ROWS_FOR_NEVER} rows, never from a handful.
 */
public final class SoftDeleteUsage {

    static final Set<String> TIMESTAMP_NAMES = Set.of("deleted_at", "deleted_on", "deleted_date", "removed_at",
            "archived_at", "deletedat", "date_deleted");
    static final Set<String> FLAG_NAMES = Set.of("is_deleted", "deleted", "is_removed", "removed", "is_archived",
            "deleted_flag", "del_flag", "isdeleted");

    /** Fewer rows than this say nothing about a column nobody writes. */
    public static final long MIN_ROWS_FOR_NEVER = 1000;

    /**
     * @param markedFraction share of rows marked deleted (0..1), null when unknown
     * @param source         where the figure came from: pg_stats, or unknown
     * @param rows           the table's row estimate the figure stands on, -1 when unknown
     */
    public record Usage(String column, String style, String filter, Double markedFraction, String source,
                        long rows) {
        public Usage(String column, String style, String filter, Double markedFraction, String source) {
            this(column, style, filter, markedFraction, source, -1);
        }

        /** Rows are actually soft-deleted (or we cannot tell, in which case assume they are). */
        public boolean used() {
            return !neverWritten();
        }

        /** No row sets the column, and there are enough rows to say so. */
        public boolean neverWritten() {
            return markedFraction != null && markedFraction == 0 && rows >= MIN_ROWS_FOR_NEVER;
        }
    }

    private final Map<String, Usage> byTable;

    private SoftDeleteUsage(Map<String, Usage> byTable) {
        this.byTable = Map.copyOf(byTable);
    }

    public static SoftDeleteUsage none() {
        return new SoftDeleteUsage(Map.of());
    }

    public Optional<Usage> of(String qualifiedTable) {
        return Optional.ofNullable(byTable.get(qualifiedTable));
    }

    /**
     * The soft-delete column of a table, judged from names and types alone. A deletion timestamp that must be set
     * (NOT NULL) is an archive's record of when rows were deleted, not a soft-delete marker.
     */
    public static Optional<Column> candidate(Relation table) {
        for (Column c : table.columns()) {
            String n = c.name().toLowerCase(Locale.ROOT);
            if (TIMESTAMP_NAMES.contains(n) && c.typeCategory() == 'D' && c.nullable()) return Optional.of(c);
        }
        for (Column c : table.columns()) {
            String n = c.name().toLowerCase(Locale.ROOT);
            if (FLAG_NAMES.contains(n) && (c.typeCategory() == 'B' || c.typeCategory() == 'N')) return Optional.of(c);
        }
        return Optional.empty();
    }

    public static SoftDeleteUsage load(Catalog catalog, Database database) {
        Map<String, Column> candidates = new HashMap<>();
        for (Relation r : catalog.relations()) {
            if (r.kind() == RelationKind.TABLE || r.kind() == RelationKind.PARTITIONED_TABLE) {
                candidate(r).ifPresent(c -> candidates.put(r.qualifiedName(), c));
            }
        }
        Map<String, Usage> usage = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        for (Relation r : catalog.relations()) rows.put(r.qualifiedName(), r.rowsEstimate());
        Map<String, double[]> stats = new HashMap<>();
        if (!candidates.isEmpty() && database != null) {
            try (Connection c = database.connection()) {
                stats = readStats(c, candidates);
            } catch (SQLException | RuntimeException e) {
                // Figures stay unknown; soft-delete columns are still reported.
            }
        }
        for (Map.Entry<String, Column> e : candidates.entrySet()) {
            Column col = e.getValue();
            boolean timestamp = col.typeCategory() == 'D';
            String quoted = dev.strata.catalog.QualifiedName.quoteIfNeeded(col.name());
            String filter = timestamp ? quoted + " IS NULL"
                    : (col.typeCategory() == 'B' ? "NOT " + quoted : quoted + " = 0");
            double[] s = stats.get(e.getKey() + "." + col.name());
            Double marked = s == null ? null : round(s[0]);
            // Every row marked: the table is an archive of deleted rows, not a table with soft delete.
            if (marked != null && marked >= 0.9999) continue;
            usage.put(e.getKey(), new Usage(col.name(), timestamp ? "timestamp" : "flag", filter, marked,
                    s == null ? "unknown" : "pg_stats", rows.getOrDefault(e.getKey(), -1L)));
        }
        return new SoftDeleteUsage(usage);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** Reads null_frac (timestamps) or the share of true / non-zero values (flags) per candidate column. */
    private static Map<String, double[]> readStats(Connection c, Map<String, Column> candidates) throws SQLException {
        String sql = """
                SELECT schemaname || '.' || tablename || '.' || attname, null_frac,
                       most_common_vals::text::text[], most_common_freqs
                FROM pg_catalog.pg_stats WHERE attname = ANY(?)
                """;
        Map<String, double[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", candidates.values().stream().map(Column::name).distinct()
                    .toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    String table = key.substring(0, key.lastIndexOf('.'));
                    Column col = candidates.get(table);
                    if (col == null || !key.endsWith("." + col.name())) continue;
                    double nullFrac = rs.getDouble(2);
                    double marked;
                    if (col.typeCategory() == 'D') {
                        marked = 1.0 - nullFrac;
                    } else {
                        marked = 0;
                        if (rs.getArray(3) != null) {
                            Object[] vals = (Object[]) rs.getArray(3).getArray();
                            Object[] freqs = (Object[]) rs.getArray(4).getArray();
                            for (int i = 0; i < vals.length; i++) {
                                String v = String.valueOf(vals[i]);
                                if (!v.equals("false") && !v.equals("f") && !v.equals("0")) {
                                    marked += ((Number) freqs[i]).doubleValue();
                                }
                            }
                        }
                    }
                    out.put(key, new double[]{marked});
                }
            }
        }
        return out;
    }
}
