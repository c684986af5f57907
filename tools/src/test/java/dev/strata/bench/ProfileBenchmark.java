package dev.strata.bench;

import dev.strata.catalog.Relation;
import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.guardrail.PgParseCheck;
import dev.strata.guardrail.QueryGuard;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.ProfileCache;
import dev.strata.profile.ProfileOptions;
import dev.strata.profile.Profiler;
import dev.strata.profile.TableProfile;
import dev.strata.profile.ValueCount;
import dev.strata.schema.SchemaKnowledge;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Profiles: {@code profile_table} on the demo's largest table (orders, 250,000 rows) with a cold cache, and
 * {@code profile_column} on a generated 10,000,000-row table with the recall of its top values against an exact
 * GROUP BY (every value holding at least 1 % of the rows), timed side by side with that exact query. Then
 * {@code validate_sql} in process with the data-aware rules on cached profiles. Run with
 * {@code mvn -q -pl tools -Pbench test-compile exec:java -Dbench.main=dev.strata.bench.ProfileBenchmark}.
 * Over stdio: {@code server/src/test/java/dev/strata/server/bench/ProfileStdioBenchmark.java}.
 */
public final class ProfileBenchmark {

    static final int RUNS = Integer.getInteger("bench.runs", 7);
    static final long BIG_ROWS = Long.getLong("bench.rows", 10_000_000L);
    /** Shares in basis points of the 18 frequent categories; the remaining 3.03 % spread over 50,000 rare ones. */
    static final int[] HEAD_BP = {3000, 1500, 1000, 800, 600, 500, 400, 300, 250, 200, 180, 160, 140, 130, 120, 110,
            105, 102};

    public static void main(String[] args) throws Exception {
        DemoDatabase demo = DemoDatabase.shared();
        try (Database db = Database.connect(ConnectionSettings.parse(demo.url()))) {
            SchemaKnowledge k = SchemaKnowledge.load(db, List.of());
            Relation orders = k.catalog().resolve("public.orders").orElseThrow();
            List<Double> ms = new ArrayList<>();
            TableProfile p = null;
            for (int i = 0; i < RUNS; i++) {
                ProfileCache cache = new ProfileCache(db, ProfileOptions.defaults(), k::graph);
                long t = System.nanoTime();
                p = cache.table(orders, null, false, Profiler.Progress.NONE);
                ms.add((System.nanoTime() - t) / 1e6);
            }
            System.out.printf(Locale.ROOT, "profile_table public.orders (%d rows, %d columns), cold cache: first %.0f ms "
                            + "(cold JVM), median %.0f ms (min %.0f, max %.0f) over %d runs; %s, %d rows read, %d findings%n",
                    orders.rowsEstimate(), orders.columns().size(), ms.get(0), median(ms.subList(1, ms.size())),
                    Collections.min(ms), Collections.max(ms), RUNS, p.sampleMethod(), p.rowsSampled(),
                    p.findings().size());

            // validate_sql in process on cached profiles: the data-aware corpus cases (every table profiled first)
            ProfileCache cache = new ProfileCache(db, ProfileOptions.defaults(), k::graph);
            for (Relation r : k.catalog().relations()) {
                if (r.kind().storesRows()) cache.table(r, null, false, Profiler.Progress.NONE);
            }
            QueryGuard guard = new QueryGuard(() -> k, new PgParseCheck(db), cache);
            List<String> queries = new ArrayList<>();
            queries.addAll(GuardBenchmark.cases("/dev/strata/guardrail/corpus-wrong.sql"));
            queries.addAll(GuardBenchmark.cases("/dev/strata/guardrail/corpus-right.sql"));
            for (int i = 0; i < 20_000; i++) guard.validate(queries.get(i % queries.size()));
            List<Double> v = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                long t = System.nanoTime();
                guard.validate(queries.get(i % queries.size()));
                v.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(v);
            System.out.printf(Locale.ROOT, "validate_sql in process with data-aware rules on cached profiles (%d corpus "
                            + "queries): median %.2f ms, p99 %.2f ms%n", queries.size(), v.get(v.size() / 2),
                    v.get((int) (v.size() * 0.99)));
        }

        demo.execute("postgres", "DROP DATABASE IF EXISTS bench_profile");
        demo.execute("postgres", "CREATE DATABASE bench_profile");
        String url = "postgres://postgres@localhost:" + demo.port() + "/bench_profile";
        long g0 = System.nanoTime();
        StringBuilder bounds = new StringBuilder();
        int acc = 0;
        for (int bp : HEAD_BP) {
            acc += bp;
            bounds.append(bounds.length() == 0 ? "" : ",").append(acc);
        }
        demo.execute("bench_profile", """
                SET synchronous_commit = off;
                CREATE TABLE big (id bigint, category text, status smallint, amount integer, note text)
                    WITH (autovacuum_enabled = false);
                INSERT INTO big
                SELECT g,
                       CASE WHEN width_bucket(h, ARRAY[%s]) < %d THEN 'cat-' || lpad(width_bucket(h, ARRAY[%s])::text, 2, '0')
                            ELSE 'rare-' || (g %% 50000) END,
                       (g %% 3)::smallint,
                       (g * 7919) %% 100000,
                       md5(g::text)
                FROM (SELECT g, ((g * 2654435761) %% 10000)::int AS h FROM generate_series(1::bigint, %d) g) s;
                ANALYZE big;
                """.formatted(bounds, HEAD_BP.length, bounds, BIG_ROWS));
        System.out.printf(Locale.ROOT, "generated %,d rows in %.1f s%n", BIG_ROWS, (System.nanoTime() - g0) / 1e9);
        try (Database db = Database.connect(ConnectionSettings.parse(url))) {
            SchemaKnowledge k = SchemaKnowledge.load(db, List.of());
            Relation big = k.catalog().resolve("public.big").orElseThrow();
            List<Double> ms = new ArrayList<>();
            ColumnProfile c = null;
            for (int i = 0; i < 5; i++) {
                ProfileCache cache = new ProfileCache(db, ProfileOptions.defaults(), k::graph);
                long t = System.nanoTime();
                c = cache.column(big, "category", null, false);
                ms.add((System.nanoTime() - t) / 1e6);
            }
            Set<String> exact = new HashSet<>();
            List<Double> exactMs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                exact.clear();
                long t = System.nanoTime();
                try (Connection conn = db.connection(); Statement st = conn.createStatement()) {
                    st.execute("SET statement_timeout = 0");
                    try (ResultSet rs = st.executeQuery("SELECT category FROM big GROUP BY category "
                            + "HAVING count(*) >= 0.01 * (SELECT count(*) FROM big)")) {
                        while (rs.next()) exact.add(rs.getString(1));
                    }
                }
                exactMs.add((System.nanoTime() - t) / 1e6);
            }
            Set<String> found = new HashSet<>();
            for (ValueCount v : c.topValues()) found.add(v.value());
            long hit = exact.stream().filter(found::contains).count();
            System.out.printf(Locale.ROOT, "profile_column big.category (%,d rows estimated), cold cache: first %.0f ms, "
                            + "median %.0f ms (max %.0f) over 5 runs; source %s, %d top values%n", big.rowsEstimate(),
                    ms.get(0), median(ms), Collections.max(ms), c.source(), c.topValues().size());
            System.out.printf(Locale.ROOT, "top-value recall against the exact GROUP BY (values >= 1 %%): %d of %d = %.3f; "
                            + "the exact query takes %.0f ms (median of 3)%n", hit, exact.size(),
                    exact.isEmpty() ? 1.0 : (double) hit / exact.size(), median(exactMs));
        }
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
