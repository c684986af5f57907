package dev.strata.profile;

import dev.strata.catalog.Column;
import dev.strata.catalog.QualifiedName;
import dev.strata.catalog.Relation;
import dev.strata.catalog.RelationKind;
import dev.strata.db.Database;
import dev.strata.profile.detectors.ColumnDetector;
import dev.strata.query.ReadOnlyTransaction;
import dev.strata.relationships.RelationshipGraph;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads a table's data, cheapest source first: {@code pg_stats} (null fraction, n_distinct, most common values,
 * histogram bounds — free), then one bounded sample of all columns at once ({@code TABLESAMPLE SYSTEM … REPEATABLE}
 * so the same data gives the same profile), read whole only when the table is small. Everything runs in a READ ONLY
 * transaction under {@code statement_timeout}; values larger than 64 kB are counted by {@code pg_column_size}
 * (which does not detoast them) and never fetched, the rest are cut to 4,000 characters by the server. A query
 * that fails or times out leaves a partial profile that says so, never an exception.
 */
public final class Profiler {

    /** The step reports of a long profile (MCP progress notifications). */
    public interface Progress {
        Progress NONE = (done, total, message) -> {
        };

        void step(int done, int total, String message);
    }

    /**
     * A value whose estimated share is at least this may hold 1 % of the rows: pg_stats estimates from 30,000 rows
     * and a sample from 20,000, where a 1 % value's share has a standard error of about 0.07 %, so values down to
     * two standard errors below 1 % are listed too.
     */
    static final double FREQUENT = 0.0085;
    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("[+-]?\\d{1,18}");
    static final int VALUE_CHARS = 4000;
    static final int MAX_VALUE_BYTES = 65_536;
    /** Characters of distinct values one sample may hold in memory (about 64 MB). */
    static final long CHAR_BUDGET = 32_000_000L;
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(1);
    private static final Set<String> FIXED_WIDTH = Set.of("smallint", "integer", "bigint", "real", "double precision",
            "boolean", "date", "timestamp with time zone", "timestamp without time zone", "time without time zone",
            "uuid", "money", "oid");

    private final Database database;
    private final ProfileOptions options;

    public Profiler(Database database, ProfileOptions options) {
        this.database = database;
        this.options = options;
    }

    public ProfileOptions options() {
        return options;
    }

    record Stats(double nullFrac, double nDistinct, String[] mcv, double[] freqs, String[] hist) {
    }

    /** One column's values as sampled: distinct value → rows. */
    static final class ColumnValues {
        final Map<String, Integer> counts = new HashMap<>();
        int nulls;
        int oversized;
        int truncated;
    }

    /** How a profile says its pg_stats read failed (the cache must not keep it as "no statistics"). */
    static final String STATS_READ_FAILED = "pg_stats could not be read";

    record Sample(Map<String, ColumnValues> columns, int rows, boolean exact, String method, List<String> notes) {
    }

    /**
     * Profiles the table (or only {@code onlyColumns} when not null).
     *
     * @param statsOnly read {@code pg_stats} only (the guardrail's on-demand profile), with {@code timeout}
     */
    @SuppressWarnings("unchecked")
    public TableProfile profile(Relation r, RelationshipGraph graph, List<String> onlyColumns, Integer sampleRows,
                                boolean statsOnly, Duration timeout, Progress progress) {
        long start = System.nanoTime();
        int rowsWanted = sampleRows == null ? options.sampleRows() : Math.max(1, sampleRows);
        Duration limit = timeout == null ? options.statementTimeout() : timeout;
        List<Column> columns = r.columns().stream()
                .filter(c -> onlyColumns == null || onlyColumns.contains(c.name())).toList();
        List<String> partial = new ArrayList<>();
        int total = statsOnly ? 2 : 3 + columns.size();
        progress.step(0, total, "reading pg_stats of " + r.qualifiedName());

        Map<String, Stats> stats = Map.of();
        long modifications = -1;
        Map<String, Long> probes = Map.of();
        try {
            // Catalog views only: this never waits for a lock on the table itself.
            Object[] read = ReadOnlyTransaction.run(database, limit, LOCK_TIMEOUT, c -> new Object[]{
                    readStats(c, r), modifications(c, r)});
            @SuppressWarnings("unchecked") Map<String, Stats> s = (Map<String, Stats>) read[0];
            stats = s;
            modifications = (Long) read[1];
        } catch (SQLException | RuntimeException e) {
            partial.add(STATS_READ_FAILED + " (" + reason(e) + ")");
        }
        if (stats.isEmpty() && partial.isEmpty()) partial.add("pg_stats has no figures (the table was never analysed)");

        Sample sample = null;
        if (!statsOnly && !columns.isEmpty()) {
            progress.step(1, total, "sampling " + r.qualifiedName());
            try {
                Map<String, Long>[] probed = new Map[1];
                final Map<String, Stats> known = stats;
                sample = ReadOnlyTransaction.run(database, limit, LOCK_TIMEOUT, c -> {
                    Sample s = sample(c, r, columns, rowsWanted, known);
                    probed[0] = s.exact() ? Map.of() : probeZeroIds(c, r, columns);
                    return s;
                });
                probes = probed[0];
                partial.addAll(sample.notes());
            } catch (SQLException | RuntimeException e) {
                partial.add("the sample query failed (" + reason(e) + "); figures come from pg_stats only");
            }
        }
        List<ColumnProfile> profiles = new ArrayList<>();
        int done = 2;
        for (Column col : columns) {
            if (!statsOnly) progress.step(done++, total, "analysing " + col.name());
            profiles.add(column(r, col, stats.get(col.name()), sample, probes.get(col.name())));
        }
        List<TableFinding> findings = TableFindings.of(r, profiles, graph);
        progress.step(total, total, "done");
        String method = sample == null ? "pg_stats" : sample.method();
        return new TableProfile(r.qualifiedName(), r.rowsEstimate() < 0 ? null : r.rowsEstimate(), method,
                sample == null ? null : sample.rows(), (System.nanoTime() - start) / 1_000_000, profiles, findings,
                partial, modifications, System.nanoTime());
    }

    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        if (t instanceof SQLException s && "57014".equals(s.getSQLState())) return "statement timeout";
        if (t instanceof SQLException s && "55P03".equals(s.getSQLState())) return "lock timeout";
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.lines().findFirst().orElse(m);
        return m.length() > 160 ? m.substring(0, 159) + "…" : m;
    }

    // ------------------------------------------------------------------ SQL

    private static Map<String, Stats> readStats(Connection c, Relation r) throws SQLException {
        String sql = """
                SELECT attname, null_frac, n_distinct, most_common_vals::text::text[], most_common_freqs::float8[],
                       histogram_bounds::text::text[]
                FROM pg_catalog.pg_stats WHERE schemaname = ? AND tablename = ? ORDER BY inherited DESC
                """;
        Map<String, Stats> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.schema());
            ps.setString(2, r.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.putIfAbsent(rs.getString(1), new Stats(rs.getDouble(2), rs.getDouble(3), strings(rs.getArray(4)),
                            doubles(rs.getArray(5)), strings(rs.getArray(6))));
                }
            }
        }
        return out;
    }

    private static String[] strings(Array a) throws SQLException {
        if (a == null) return null;
        Object[] o = (Object[]) a.getArray();
        String[] s = new String[o.length];
        for (int i = 0; i < o.length; i++) s[i] = o[i] == null ? null : o[i].toString();
        return s;
    }

    private static double[] doubles(Array a) throws SQLException {
        if (a == null) return null;
        Object[] o = (Object[]) a.getArray();
        double[] d = new double[o.length];
        for (int i = 0; i < o.length; i++) d[i] = ((Number) o[i]).doubleValue();
        return d;
    }

    /** Rows written since statistics began: the cache compares it to decide when a profile is stale. */
    static long modifications(Connection c, Relation r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n_tup_ins + n_tup_upd + n_tup_del "
                + "FROM pg_catalog.pg_stat_user_tables WHERE relid = ?")) {
            ps.setLong(1, r.oid());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /**
     * Zero ids ({@code 0}, the all-zero uuid) found through the index, exactly: a single sentinel row among
     * 60,000 escapes any sample, and an index probe costs a fraction of a millisecond.
     */
    private static Map<String, Long> probeZeroIds(Connection c, Relation r, List<Column> columns) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        if (r.kind() != RelationKind.TABLE && r.kind() != RelationKind.PARTITIONED_TABLE) return out;
        for (Column col : columns) {
            String n = col.name().toLowerCase(Locale.ROOT);
            boolean idLike = n.equals("id") || n.endsWith("_id");
            String zero = col.baseType().equals("uuid") ? "'00000000-0000-0000-0000-000000000000'::uuid"
                    : Set.of("smallint", "integer", "bigint").contains(col.baseType()) ? "0" : null;
            if (!idLike || zero == null || !r.hasIndexLeadingWith(col.name())) continue;
            String q = QualifiedName.quote(col.name());
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT 1 FROM "
                    + QualifiedName.quote(r.schema(), r.name()) + " WHERE " + q + " = " + zero + " LIMIT 1000) z")) {
                if (rs.next() && rs.getLong(1) > 0) out.put(col.name(), rs.getLong(1));
            }
        }
        return out;
    }

    /**
     * Numbers, dates, booleans and uuids that pg_stats describes need no sample on a large table: their most common
     * values and histogram carry what the detectors look at (epoch zeros, outliers), and fetching 20,000 of them
     * costs more than the rest of the profile. Text and JSON are always sampled; everything is when the table is
     * read whole.
     */
    static boolean statsSuffice(Column col, Stats st) {
        if (st == null) return false;
        char cat = col.typeCategory();
        return (cat == 'N' || cat == 'D' || cat == 'B' || cat == 'U') && !col.baseType().startsWith("json");
    }

    private Sample sample(Connection c, Relation r, List<Column> all, int rowsWanted, Map<String, Stats> stats)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            // Values are read as text: make that text independent of the session (UTC timestamps, ISO dates).
            st.execute("SET LOCAL TimeZone = 'UTC'");
            st.execute("SET LOCAL DateStyle = 'ISO, MDY'");
        }
        boolean tableLike = r.kind() == RelationKind.TABLE || r.kind() == RelationKind.PARTITIONED_TABLE
                || r.kind() == RelationKind.MATERIALIZED_VIEW;
        long estimate = r.rowsEstimate();
        List<String> notes = new ArrayList<>();
        List<Column> columns = all;
        if (tableLike && estimate > rowsWanted) {
            columns = all.stream().filter(col -> !statsSuffice(col, stats.get(col.name()))).toList();
            if (columns.isEmpty()) columns = all.subList(0, 1);
            double pct = Math.max(0.0001, Math.min(100.0, 100.0 * rowsWanted / estimate));
            String sampling = String.format(Locale.ROOT, " TABLESAMPLE SYSTEM (%.6f) REPEATABLE (42)", pct);
            Sample s = read(c, r, columns, sampling, rowsWanted, "TABLESAMPLE SYSTEM", false);
            if (s.rows() >= Math.min(200, rowsWanted / 10)) return s;
            // The estimate promised far more rows than the pages hold (a stale or forged reltuples): the table is
            // smaller than it claims, so reading its first rows is cheap and bounded by the LIMIT anyway.
            notes.add("the estimate of " + estimate + " rows is not what the table holds: the block sample found "
                    + s.rows() + " rows, so the first rows were read instead");
        }
        Sample s = read(c, r, all, "", rowsWanted + 1, "first rows", true);
        notes.addAll(s.notes());
        boolean exact = s.rows() <= rowsWanted && !s.notes().stream().anyMatch(n -> n.contains("budget"));
        return new Sample(s.columns(), Math.min(s.rows(), rowsWanted), exact, exact ? "exact" : "first rows", notes);
    }

    private static Sample read(Connection c, Relation r, List<Column> columns, String sampling, int limit,
                               String method, boolean maybeExact) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        boolean[] bounded = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            String q = QualifiedName.quote(col.name());
            if (i > 0) sql.append(", ");
            bounded[i] = FIXED_WIDTH.contains(col.baseType());
            if (bounded[i]) {
                // Fixed-width types cannot hold a huge value: no size check, no cut.
                sql.append(q).append("::text, false");
            } else {
                sql.append("CASE WHEN pg_column_size(").append(q).append(") > ").append(MAX_VALUE_BYTES)
                        .append(" THEN NULL ELSE left(").append(q).append("::text, ").append(VALUE_CHARS + 1)
                        .append(") END, pg_column_size(").append(q).append(") > ").append(MAX_VALUE_BYTES);
            }
        }
        sql.append(" FROM ").append(QualifiedName.quote(r.schema(), r.name())).append(sampling).append(" LIMIT ")
                .append(limit);
        Map<String, ColumnValues> values = new LinkedHashMap<>();
        for (Column col : columns) values.put(col.name(), new ColumnValues());
        ColumnValues[] byIndex = values.values().toArray(new ColumnValues[0]);
        List<String> notes = new ArrayList<>();
        int rows = 0;
        long chars = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery(sql.toString())) {
                while (rs.next()) {
                    rows++;
                    for (int i = 0; i < byIndex.length; i++) {
                        ColumnValues cv = byIndex[i];
                        String v = rs.getString(2 * i + 1);
                        if (v == null) {
                            if (!bounded[i] && rs.getBoolean(2 * i + 2)) cv.oversized++;
                            else cv.nulls++;
                            continue;
                        }
                        if (v.length() > VALUE_CHARS) {
                            v = v.substring(0, VALUE_CHARS);
                            cv.truncated++;
                        }
                        Integer before = cv.counts.merge(v, 1, Integer::sum);
                        if (before == 1) chars += v.length();
                    }
                    if (chars > CHAR_BUDGET) {
                        notes.add("stopped after " + rows + " rows: the sampled values reached the memory budget");
                        break;
                    }
                }
            }
        }
        return new Sample(values, rows, false, method, notes);
    }

    // ------------------------------------------------------------------ one column

    private ColumnProfile column(Relation r, Column col, Stats st, Sample sample, Long zeroProbe) {
        ColumnValues cv = sample == null ? null : sample.columns().get(col.name());
        ValueSample vs;
        if (cv != null && sample.rows() > 0) {
            vs = fromSample(r, col, cv, sample, zeroProbe);
        } else if (st != null) {
            vs = withProbe(fromStats(r, col, st), col, zeroProbe, Math.max(r.rowsEstimate(), 1));
        } else {
            vs = new ValueSample(r, col, List.of(), 0, 0, 0, 0, "none");
        }
        boolean exact = sample != null && sample.exact() && cv != null;
        boolean masked = options.mask() && Masking.personal(col, vs);
        UnaryOperator<String> show = masked ? Masking::mask : UnaryOperator.identity();
        Map<String, String> sources = new LinkedHashMap<>();

        String topSource;
        List<ValueCount> top;
        if (!exact && st != null && st.mcv() != null) {
            top = new ArrayList<>();
            // The ten most common values, and every further one that may hold 1 % of the rows or more.
            for (int i = 0; i < st.mcv().length && (i < 10 || st.freqs()[i] >= FREQUENT); i++) {
                top.add(new ValueCount(show.apply(st.mcv()[i]), ColumnDetector.round(st.freqs()[i])));
            }
            topSource = "pg_stats";
        } else {
            List<ValueSample.Weighted> values = vs.values();
            top = new ArrayList<>();
            for (int i = 0; i < values.size() && (i < 10 || values.get(i).weight() >= FREQUENT); i++) {
                top.add(new ValueCount(show.apply(values.get(i).value()), ColumnDetector.round(values.get(i).weight())));
            }
            topSource = vs.source();
        }
        // A column whose values are all distinct has no "top" values worth showing.
        if (!top.isEmpty() && top.get(0).fraction() * Math.max(1, vs.rows()) <= 1.0 && vs.rows() > 1) top = List.of();
        sources.put("top_values", topSource);

        Double nullFraction;
        Long distinct;
        if (exact || st == null) {
            nullFraction = vs.source().equals("none") ? null : ColumnDetector.round(vs.nullShare());
            distinct = vs.source().equals("none") ? null : (long) vs.values().size();
            sources.put("null_fraction", vs.source());
            sources.put("distinct_estimate", vs.source());
        } else {
            nullFraction = ColumnDetector.round(st.nullFrac());
            double nd = st.nDistinct();
            distinct = nd >= 0 ? (long) nd : Math.round(-nd * Math.max(r.rowsEstimate(), 1));
            sources.put("null_fraction", "pg_stats");
            sources.put("distinct_estimate", "pg_stats");
        }

        String[] minMax = minMax(col, exact || st == null ? vs.values().stream().map(ValueSample.Weighted::value).toList()
                : statsValues(st));
        if (minMax != null) sources.put("min_max", exact || st == null ? vs.source() : "pg_stats");
        sources.put("detectors", vs.source());

        Map<String, Object> detectors = new LinkedHashMap<>();
        for (ColumnDetector d : ColumnDetector.ALL) {
            try {
                d.detect(vs, show).ifPresent(e -> detectors.put(d.name(), e));
            } catch (RuntimeException e) {
                // One detector's failure must not cost the whole profile.
            }
        }
        List<String> partial = new ArrayList<>();
        if (vs.oversized() > 0) partial.add(vs.oversized() + " values over " + MAX_VALUE_BYTES / 1024
                + " kB were counted, not read");
        if (vs.truncated() > 0) partial.add(vs.truncated() + " values were read only in part (first "
                + VALUE_CHARS + " characters)");
        if (vs.source().equals("none")) partial.add("no figures: neither pg_stats nor a sample");

        return new ColumnProfile(r.qualifiedName(), col.name(), col.type(), topSource, nullFraction, distinct, top,
                minMax == null ? null : show.apply(minMax[0]), minMax == null ? null : show.apply(minMax[1]),
                detectors, masked, sources, vs.rows() == 0 ? null : vs.rows(), partial,
                closedSet(vs, st, exact), casts(col, vs, show));
    }

    private static ValueSample fromSample(Relation r, Column col, ColumnValues cv, Sample sample, Long zeroProbe) {
        int rows = sample.rows();
        List<ValueSample.Weighted> values = new ArrayList<>(cv.counts.size());
        for (Map.Entry<String, Integer> e : cv.counts.entrySet()) {
            values.add(new ValueSample.Weighted(e.getKey(), (double) e.getValue() / rows));
        }
        if (zeroProbe != null && !sample.exact()) {
            String zero = col.baseType().equals("uuid") ? "00000000-0000-0000-0000-000000000000" : "0";
            if (!cv.counts.containsKey(zero)) {
                values.add(new ValueSample.Weighted(zero, (double) zeroProbe / Math.max(r.rowsEstimate(), rows)));
            }
        }
        values.sort(Comparator.comparingDouble(ValueSample.Weighted::weight).reversed()
                .thenComparing(ValueSample.Weighted::value));
        return new ValueSample(r, col, values, (double) cv.nulls / rows, rows, cv.oversized, cv.truncated,
                sample.exact() ? "exact" : "sample");
    }

    /** Adds the exact zero-id count found through the index when the values do not show it. */
    private static ValueSample withProbe(ValueSample vs, Column col, Long zeroProbe, long rows) {
        if (zeroProbe == null) return vs;
        String zero = col.baseType().equals("uuid") ? "00000000-0000-0000-0000-000000000000" : "0";
        if (vs.values().stream().anyMatch(w -> w.value().equals(zero))) return vs;
        List<ValueSample.Weighted> values = new ArrayList<>(vs.values());
        values.add(new ValueSample.Weighted(zero, (double) zeroProbe / rows));
        return new ValueSample(vs.table(), vs.column(), values, vs.nullShare(), vs.rows(), vs.oversized(),
                vs.truncated(), vs.source());
    }

    /** pg_stats as weighted values: each common value weighs its frequency, histogram bounds share the rest. */
    static ValueSample fromStats(Relation r, Column col, Stats st) {
        List<ValueSample.Weighted> values = new ArrayList<>();
        double used = st.nullFrac();
        if (st.mcv() != null) {
            for (int i = 0; i < st.mcv().length; i++) {
                if (st.mcv()[i] == null) continue;
                values.add(new ValueSample.Weighted(st.mcv()[i], st.freqs()[i]));
                used += st.freqs()[i];
            }
        }
        if (st.hist() != null && st.hist().length > 0) {
            double each = Math.max(0, 1 - used) / st.hist().length;
            for (String h : st.hist()) if (h != null) values.add(new ValueSample.Weighted(h, each));
        }
        values.sort(Comparator.comparingDouble(ValueSample.Weighted::weight).reversed());
        return new ValueSample(r, col, values, st.nullFrac(), 0, 0, 0, "pg_stats");
    }

    private static List<String> statsValues(Stats st) {
        List<String> all = new ArrayList<>();
        if (st.mcv() != null) all.addAll(List.of(st.mcv()));
        if (st.hist() != null) all.addAll(List.of(st.hist()));
        all.removeIf(java.util.Objects::isNull);
        return all;
    }

    private static String[] minMax(Column col, List<String> values) {
        if (values.isEmpty()) return null;
        String type = col.baseType();
        if (type.equals("json") || type.equals("jsonb") || type.equals("boolean") || type.equals("bytea")) return null;
        Comparator<String> order = Comparator.naturalOrder();
        if (col.typeCategory() == 'N') {
            order = (a, b) -> {
                try {
                    return new BigDecimal(a).compareTo(new BigDecimal(b));
                } catch (NumberFormatException e) {
                    return a.compareTo(b);
                }
            };
        }
        String min = values.get(0);
        String max = min;
        for (String v : values) {
            if (order.compare(v, min) < 0) min = v;
            if (order.compare(v, max) > 0) max = v;
        }
        return new String[]{min, max};
    }

    /** The complete set of values, when the profile can vouch for it. */
    private static Set<String> closedSet(ValueSample vs, Stats st, boolean exact) {
        if (exact) return vs.values().size() <= 200 ? values(vs) : null;
        if (st != null && st.mcv() != null && st.hist() == null) {
            double covered = st.nullFrac();
            for (double f : st.freqs()) covered += f;
            if (covered >= 0.995) return new LinkedHashSet<>(List.of(st.mcv()));
        }
        if (vs.source().equals("sample") && vs.rows() >= 1000 && vs.values().size() <= 30) return values(vs);
        return null;
    }

    private static Set<String> values(ValueSample vs) {
        Set<String> s = new LinkedHashSet<>();
        for (ValueSample.Weighted w : vs.values()) s.add(w.value());
        return s;
    }

    /** How the text values fare under the casts assistants write: ::date, ::jsonb, ::integer. */
    private static Map<String, ColumnProfile.CastCheck> casts(Column col, ValueSample vs, UnaryOperator<String> show) {
        if (col.typeCategory() != 'S' || vs.isEmpty()) return Map.of();
        Map<String, ColumnProfile.CastCheck> out = new LinkedHashMap<>();
        double all = vs.nonNullShare();
        double[] fail = new double[3];
        List<List<String>> failing = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (ValueSample.Weighted w : vs.values()) {
            String v = w.value();
            boolean[] ok = {DateFormats.castsToDate(v), isJson(v), INTEGER.matcher(v.strip()).matches()};
            for (int i = 0; i < 3; i++) {
                if (ok[i]) continue;
                fail[i] += w.weight();
                if (failing.get(i).size() < 3) failing.get(i).add(show.apply(v.length() > 60 ? v.substring(0, 60) + "…" : v));
            }
        }
        String[] names = {"date", "json", "integer"};
        for (int i = 0; i < 3; i++) {
            out.put(names[i], new ColumnProfile.CastCheck(all == 0 ? 0 : ColumnDetector.round(fail[i] / all),
                    List.copyOf(failing.get(i)), vs.source()));
        }
        return out;
    }

    private static boolean isJson(String v) {
        String s = v.strip();
        if (s.isEmpty()) return false;
        char c = s.charAt(0);
        if (c != '{' && c != '[' && c != '"' && c != '-' && !Character.isDigit(c) && !s.equals("true")
                && !s.equals("false") && !s.equals("null")) {
            return false;
        }
        return JsonShapes.isJson(s);
    }
}
