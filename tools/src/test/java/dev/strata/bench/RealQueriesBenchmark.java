package dev.strata.bench;

import dev.strata.RealQueries;
import dev.strata.db.Database;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.ParseCheck;
import dev.strata.guardrail.PgParseCheck;
import dev.strata.guardrail.QueryGuard;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.Validation;
import dev.strata.profile.ProfileCache;
import dev.strata.profile.ProfileOptions;
import dev.strata.query.ReadOnlyTransaction;
import dev.strata.schema.SchemaKnowledge;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The guardrail on the real-world query corpus ({@code ../shared/corpora/real-queries.json}): the share of valid
 * read-only queries that get an error and a warning (per source and overall), validate_sql's latency in process per
 * schema (the PostgreSQL round trip included), and pooled connections under 10,000 alternations of statements that
 * once desynchronised them ({@code $1} parameters, jsonb {@code ?}) with ordinary reads.
 * Run (PostgreSQL 17 binaries, as pagila's dump needs; the {@code bench} profile pins 15):
 * {@code mvn -q -pl tools test-compile exec:java -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false
 * -Dexec.mainClass=dev.strata.bench.RealQueriesBenchmark}.
 */
public final class RealQueriesBenchmark {

    public static void main(String[] args) throws Exception {
        precisionAndLatency();
        alternations(Integer.getInteger("bench.alternations", 10_000));
        System.exit(0);
    }

    static void precisionAndLatency() {
        Map<String, int[]> bySource = new TreeMap<>();
        int[] total = new int[3];
        for (RealQueries.Schema schema : RealQueries.schemas()) {
            Database db = RealQueries.database(schema);
            SchemaKnowledge k = SchemaKnowledge.load(db, List.of());
            QueryGuard guard = new QueryGuard(() -> k, db, new ProfileCache(db, ProfileOptions.defaults(), k::graph));
            String source = schema.id().contains("/") ? schema.id().substring(0, schema.id().indexOf('/')) : schema.id();
            int[] counts = bySource.computeIfAbsent(source, s -> new int[3]);
            List<String> reads = new ArrayList<>();
            for (RealQueries.Query q : schema.queries()) {
                Validation v = guard.validate(q.sql());
                if (!q.readOnly()) continue;
                reads.add(q.sql());
                boolean error = v.findings().stream().anyMatch(Finding::isError);
                boolean warning = !error && v.findings().stream().anyMatch(f -> f.severity() == Severity.WARNING);
                for (int[] c : List.of(counts, total)) {
                    c[0]++;
                    if (error) c[1]++;
                    if (warning) c[2]++;
                }
            }
            if (schema.id().equals("pagila-hw") || schema.id().equals("tpch") || schema.id().equals("pgexercises")) {
                latency(schema.id() + " (" + k.catalog().size() + " relations, " + reads.size() + " queries)", guard,
                        reads);
            }
        }
        bySource.forEach((s, c) -> report(s, c));
        report("all sources", total);
    }

    private static void report(String label, int[] c) {
        System.out.printf(Locale.ROOT, "%-14s %4d valid read-only queries: %3d with an error (%.1f %%), %3d with a "
                        + "warning and no error (%.1f %%)%n", label, c[0], c[1], 100.0 * c[1] / Math.max(1, c[0]), c[2],
                100.0 * c[2] / Math.max(1, c[0]));
    }

    static void latency(String label, QueryGuard guard, List<String> queries) {
        for (int i = 0; i < 2_000; i++) guard.validate(queries.get(i % queries.size()));
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long t = System.nanoTime();
            guard.validate(queries.get(i % queries.size()));
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "validate_sql in process, %s: median %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                label, ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.95)), ms.get((int) (ms.size() * 0.99)));
    }

    /**
     * The reproduction, many times: on one pool, a {@code $1} statement and a jsonb {@code ?} statement are
     * asked of PostgreSQL, then an ordinary read runs; any wrong answer or failure counts as a corrupted exchange.
     */
    static void alternations(int n) throws Exception {
        RealQueries.Schema pagila = RealQueries.schema("pagila-hw");
        Database db = RealQueries.database(pagila);
        PgParseCheck check = new PgParseCheck(db);
        int corrupted = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try {
                boolean ok = check.check("SELECT title AS output FROM film WHERE film_id = $1")
                        .map(ParseCheck.Verdict::accepted).orElse(false);
                ok &= check.check("SELECT '{\"a\": 1}'::jsonb ? 'a'").map(ParseCheck.Verdict::accepted).orElse(false);
                long films = ReadOnlyTransaction.run(db, Duration.ofSeconds(5), Duration.ofSeconds(1), c -> {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM film")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                if (!ok || films != 1000) corrupted++;
            } catch (RuntimeException e) {
                corrupted++;
            }
        }
        System.out.printf(Locale.ROOT, "%,d alternations ($1 statement, jsonb ?, plain read) on one pool: %d corrupted "
                + "exchanges, %.2f ms per alternation%n", n, corrupted, (System.nanoTime() - start) / 1e6 / n);
    }
}
