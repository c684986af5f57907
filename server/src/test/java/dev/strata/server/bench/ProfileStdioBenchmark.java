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
            for (String table : TABLES) {
                long u = System.nanoTime();
                s.request("tools/call", "{\"name\":\"profile_table\",\"arguments\":{\"table\":\"" + table + "\"}}");
                System.out.printf(Locale.ROOT, "  profile_table %s: %.0f ms%n", table, (System.nanoTime() - u) / 1e6);
            }
            List<String> queries = dataAware();
            for (int i = 0; i < 300; i++) StartupBenchmark.validate(s, queries.get(i % queries.size()));
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                long v = System.nanoTime();
                StartupBenchmark.validate(s, queries.get(i % queries.size()));
                ms.add((System.nanoTime() - v) / 1e6);
            }
            System.out.printf(Locale.ROOT, "validate_sql over stdio with data-aware rules on cached profiles (%d queries): "
                            + "median %.2f ms, p95 %.2f ms, p99 %.2f ms (1,000 calls)%n", queries.size(),
                    StartupBenchmark.pct(ms, 0.5), StartupBenchmark.pct(ms, 0.95), StartupBenchmark.pct(ms, 0.99));
        }
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
