package dev.strata.server.bench;

import dev.strata.demo.DemoDatabase;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Profiles over stdio: {@code profile_table} of orders as the first call after {@code initialize} (cold cache,
 * cold JVM), then {@code validate_sql} with the data-aware rules on cached profiles — the 30 data-aware wrong
 * queries and their 14 correct counterparts of the corpus — after every table they read was profiled once. Run with
 * {@code mvn -q package -DskipTests && mvn -q -pl server -Pbench test-compile exec:java
 * -Dbench.main=dev.strata.server.bench.ProfileStdioBenchmark}.
 */
public final class ProfileStdioBenchmark {

    static final String[] TABLES = {"orders", "users", "accounts", "comments", "attachments", "events",
            "webhook_deliveries", "billing.invoices", "billing.payments", "legacy.order_archive"};

    public static void main(String[] args) throws Exception {
        Path target = Path.of(System.getProperty("strata.target", "target"));
        String jar = target.resolve("strata-server.jar").toAbsolutePath().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String url = DemoDatabase.shared().url();
        try (StartupBenchmark.Session s = new StartupBenchmark.Session(List.of(java, "-jar", jar, "--url", url))) {
            s.initialize();
            long t = System.nanoTime();
            JsonNode first = s.request("tools/call", "{\"name\":\"profile_table\",\"arguments\":{\"table\":\"orders\"}}");
            System.out.printf(Locale.ROOT, "profile_table orders over stdio, first call after initialize: %.0f ms "
                            + "(server-side elapsed_ms %d, isError=%s)%n", (System.nanoTime() - t) / 1e6,
                    first.path("result").path("structuredContent").path("elapsed_ms").asLong(),
                    first.path("result").path("isError").asBoolean());
            // The same machine and moment, without cached sample profiles: the start-up benchmark's three queries,
            // and the data-aware queries on the pg_stats profiles the guardrail loads on demand.
            String[] plain = {
                    "SELECT u.email, count(o.id) FROM users u JOIN orders o ON o.user_id = u.id WHERE u.deleted_at IS NULL GROUP BY u.email ORDER BY 2 DESC LIMIT 10",
                    "SELECT c.body FROM comments c JOIN orders o ON o.id = c.commentable_id WHERE o.state = 4",
                    "WITH t AS (SELECT account_id, sum(total_cents) AS s FROM orders GROUP BY 1) SELECT a.name, t.s FROM t JOIN accounts a ON a.id = t.account_id ORDER BY t.s DESC LIMIT 5"};
            measure(s, List.of(plain), "baseline: the start-up benchmark's 3 queries");
            measure(s, dataAware(), "data-aware queries on pg_stats profiles only (before profile_table)");
            for (String table : TABLES) {
                long u = System.nanoTime();
                s.request("tools/call", "{\"name\":\"profile_table\",\"arguments\":{\"table\":\"" + table + "\"}}");
                System.out.printf(Locale.ROOT, "  profile_table %s: %.0f ms%n", table, (System.nanoTime() - u) / 1e6);
            }
            List<String> queries = dataAware();
            for (int i = 0; i < 300; i++) StartupBenchmark.validate(s, queries.get(i % queries.size()));
            List<Double> ms = new ArrayList<>();
            java.util.Map<Integer, List<Double>> perQuery = new java.util.TreeMap<>();
            for (int i = 0; i < 1000; i++) {
                long v = System.nanoTime();
                StartupBenchmark.validate(s, queries.get(i % queries.size()));
                double d = (System.nanoTime() - v) / 1e6;
                ms.add(d);
                perQuery.computeIfAbsent(i % queries.size(), k -> new ArrayList<>()).add(d);
            }
            perQuery.entrySet().stream()
                    .sorted((a, b) -> Double.compare(StartupBenchmark.pct(b.getValue(), 0.5), StartupBenchmark.pct(a.getValue(), 0.5)))
                    .limit(Integer.getInteger("bench.slowest", 0))
                    .forEach(e -> System.out.printf(Locale.ROOT, "  slowest: %.2f ms median: %s%n",
                            StartupBenchmark.pct(e.getValue(), 0.5), queries.get(e.getKey()).replace('\n', ' ')));
            System.out.printf(Locale.ROOT, "validate_sql over stdio with data-aware rules on cached profiles (%d queries): "
                            + "median %.2f ms, p95 %.2f ms, p99 %.2f ms (1,000 calls)%n", queries.size(),
                    StartupBenchmark.pct(ms, 0.5), StartupBenchmark.pct(ms, 0.95), StartupBenchmark.pct(ms, 0.99));
        }
    }

    static void measure(StartupBenchmark.Session s, List<String> queries, String label) throws Exception {
        for (int i = 0; i < 300; i++) StartupBenchmark.validate(s, queries.get(i % queries.size()));
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long v = System.nanoTime();
            StartupBenchmark.validate(s, queries.get(i % queries.size()));
            ms.add((System.nanoTime() - v) / 1e6);
        }
        System.out.printf(Locale.ROOT, "validate_sql over stdio, %s: median %.2f ms, p95 %.2f ms, p99 %.2f ms "
                + "(1,000 calls)%n", label, StartupBenchmark.pct(ms, 0.5), StartupBenchmark.pct(ms, 0.95),
                StartupBenchmark.pct(ms, 0.99));
    }

    /** The corpus cases after the "Data-aware" banner of both corpus files. */
    static List<String> dataAware() throws Exception {
        List<String> out = new ArrayList<>();
        for (String name : List.of("corpus-wrong.sql", "corpus-right.sql")) {
            Path file = Path.of(System.getProperty("strata.target", "target")).resolve(
                    "../../tools/src/test/resources/dev/strata/guardrail/" + name).normalize();
            String text;
            try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            text = text.substring(text.indexOf("-- Data-aware"));
            for (String part : text.split("(?m)^-- case:.*$")) {
                String sql = part.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
                if (!sql.isEmpty()) out.add(sql);
            }
        }
        return out;
    }
}
