package dev.strata.profile;

import dev.strata.catalog.Relation;
import dev.strata.db.Database;
import dev.strata.query.ReadOnlyTransaction;
import dev.strata.relationships.RelationshipGraph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;


/**
 * Profiles, kept until the table changes enough: {@code pg_stat_user_tables} counts the rows inserted, updated
 * and deleted, and a profile is dropped once that count has moved by more than 10 % of the table (at least 100
 * rows) since it was taken. The counter is looked at most every {@link #CHECK_EVERY} per table, so a busy
 * validation path pays for it rarely. {@link #invalidate} drops a table's profiles on request.
 *
 * <p>The guardrail reads through {@link #forGuard}: a cached sampled profile when there is one, otherwise a
 * {@code pg_stats}-only profile of the table, read once under {@link ProfileOptions#guardBudget()} (one catalog
 * query, about a millisecond) and cached like the others.
 */
public final class ProfileCache implements ProfileSource {

    static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    static final Duration STATS_TTL = Duration.ofMinutes(5);

    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private Duration checkEvery = CHECK_EVERY;
    private Duration retryAfter = RETRY_AFTER;

    private record Entry(TableProfile profile, boolean statsOnly, Integer sampleRows, long checkedAt, Relation relation) {
    }

    private final Database database;
    private final Profiler profiler;
    private final Supplier<RelationshipGraph> graph;
    private final Map<String, Entry> tables = new ConcurrentHashMap<>();
    private final Map<String, Entry> columns = new ConcurrentHashMap<>();
    private final Map<String, Entry> statsOnly = new ConcurrentHashMap<>();
    /** When a table's pg_stats read last failed (System.nanoTime), until a read succeeds. */
    private final Map<String, Long> failedReads = new ConcurrentHashMap<>();

    /** @param graph the current relationship graph (polymorphic targets in table findings); may supply null */
    public ProfileCache(Database database, ProfileOptions options, Supplier<RelationshipGraph> graph) {
        this.database = database;
        this.profiler = new Profiler(database, options);
        this.graph = graph;
    }

    public ProfileOptions options() {
        return profiler.options();
    }

    /** The table's profile: cached when still fresh, else read now (and cached). */
    public TableProfile table(Relation r, Integer sampleRows, boolean refresh, Profiler.Progress progress) {
        String key = r.qualifiedName();
        Entry e = tables.get(key);
        if (!refresh && e != null && sameRows(e, sampleRows) && fresh(key, e, tables)) return e.profile();
        TableProfile p = profiler.profile(r, graph.get(), null, sampleRows, false, null, progress);
        if (statsReadFailed(p)) return p;
        tables.put(key, new Entry(p, false, sampleRows, System.nanoTime(), r));
        statsOnly.remove(key);
        columns.keySet().removeIf(k -> k.startsWith(key + "\u0000"));
        return p;
    }

    /** One column's profile: from the cached table profile, or read for that column alone. */
    public ColumnProfile column(Relation r, String column, Integer sampleRows, boolean refresh) {
        String tableKey = r.qualifiedName();
        Entry t = tables.get(tableKey);
        if (!refresh && t != null && sameRows(t, sampleRows) && fresh(tableKey, t, tables)) {
            Optional<ColumnProfile> c = t.profile().column(column);
            if (c.isPresent()) return c.get();
        }
        String key = tableKey + "\u0000" + column;
        Entry e = columns.get(key);
        if (!refresh && e != null && sameRows(e, sampleRows) && fresh(key, e, columns)) {
            return e.profile().columns().get(0);
        }
        TableProfile p = profiler.profile(r, graph.get(), List.of(column), sampleRows, false, null, Profiler.Progress.NONE);
        if (!statsReadFailed(p)) columns.put(key, new Entry(p, false, sampleRows, System.nanoTime(), r));
        return withTableNotes(p.columns().get(0), p);
    }

    /** A column profile carries the table-level notes (a sample that timed out) that concern it too. */
    private static ColumnProfile withTableNotes(ColumnProfile c, TableProfile t) {
        if (t.partial().isEmpty()) return c;
        List<String> partial = new java.util.ArrayList<>(t.partial());
        partial.addAll(c.partial());
        return new ColumnProfile(c.table(), c.column(), c.type(), c.source(), c.nullFraction(), c.distinctEstimate(),
                c.topValues(), c.min(), c.max(), c.detectors(), c.masked(), c.sources(), c.rowsSampled(), partial,
                c.values(), c.casts());
    }

    @Override
    public Optional<ColumnProfile> forGuard(Relation r, String column) {
        String key = r.qualifiedName();
        Entry t = tables.get(key);
        if (t != null && fresh(key, t, tables)) return t.profile().column(column);
        Entry c = columns.get(key + "\u0000" + column);
        if (c != null && fresh(key + "\u0000" + column, c, columns)) return Optional.of(c.profile().columns().get(0));
        Entry s = statsOnly.get(key);
        // pg_stats changes only when the table is analysed: reread it now and then, not per validation.
        if (s == null || System.nanoTime() - s.checkedAt() > STATS_TTL.toNanos()) {
            Long failed = failedReads.get(key);
            // A read that just failed is not retried on every validation, nor remembered as "no statistics".
            if (failed != null && System.nanoTime() - failed < retryAfter.toNanos()) return Optional.empty();
            TableProfile p = profiler.profile(r, graph.get(), null, null, true, profiler.options().guardBudget(),
                    Profiler.Progress.NONE);
            if (statsReadFailed(p)) {
                failedReads.put(key, System.nanoTime());
                return Optional.empty();
            }
            failedReads.remove(key);
            s = new Entry(p, true, null, System.nanoTime(), r);
            statsOnly.put(key, s);
        }
        return s.profile().column(column);
    }

    /**
     * Whether the profile's {@code pg_stats} read failed (a timeout, a lost connection): such a profile is answered
     * once but never cached, since it would say "no statistics" about a table that may well have them.
     */
    static boolean statsReadFailed(TableProfile p) {
        return p.partial().stream().anyMatch(n -> n.startsWith(Profiler.STATS_READ_FAILED));
    }

    /** How long the guardrail leaves a table alone after its pg_stats read failed (tests shorten it). */
    ProfileCache retryAfter(Duration d) {
        this.retryAfter = d;
        return this;
    }

    /** How often the write counter is looked at (tests shorten it). */
    ProfileCache checkEvery(Duration d) {
        this.checkEvery = d;
        return this;
    }

    /** Drops every profile of the table (or of all tables when {@code table} is null). */
    public void invalidate(String qualifiedTable) {
        if (qualifiedTable == null) {
            tables.clear();
            columns.clear();
            statsOnly.clear();
            return;
        }
        tables.remove(qualifiedTable);
        statsOnly.remove(qualifiedTable);
        columns.keySet().removeIf(k -> k.startsWith(qualifiedTable + "\u0000"));
    }

    private static boolean sameRows(Entry e, Integer sampleRows) {
        return sampleRows == null || sampleRows.equals(e.sampleRows());
    }

    /** Still describes the table? Checks the write counter at most every {@link #CHECK_EVERY}. */
    private boolean fresh(String key, Entry e, Map<String, Entry> map) {
        long now = System.nanoTime();
        if (now - e.checkedAt() < checkEvery.toNanos()) return true;
        TableProfile p = e.profile();
        long current;
        try {
            Relation r = e.relation();
            current = ReadOnlyTransaction.run(database, Duration.ofMillis(500), Duration.ofMillis(200),
                    c -> Profiler.modifications(c, r));
        } catch (Exception ex) {
            return true;
        }
        long threshold = Math.max(100, (p.rowsEstimate() == null ? 0 : p.rowsEstimate()) / 10);
        if (p.modifications() >= 0 && current >= 0 && Math.abs(current - p.modifications()) > threshold) {
            map.remove(key);
            return false;
        }
        map.put(key, new Entry(e.profile(), e.statsOnly(), e.sampleRows(), now, e.relation()));
        return true;
    }
}
