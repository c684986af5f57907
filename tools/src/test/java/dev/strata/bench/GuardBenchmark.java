package dev.strata.bench;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.guardrail.PgParseCheck;
import dev.strata.guardrail.QueryGuard;
import dev.strata.schema.SchemaKnowledge;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * validate_sql in process: median latency per statement and single-thread throughput, on the demo catalog with
 * the guardrail corpus (realistic 5–30 line assistant queries), and on a generated 5,000-table catalog.
 * Run: {@code mvn -q -pl tools -Pbench test-compile exec:java -Dbench.main=dev.strata.bench.GuardBenchmark}.
 */
public final class GuardBenchmark {

    public static void main(String[] args) throws Exception {
        DemoDatabase demo = DemoDatabase.shared();
        try (Database db = Database.connect(ConnectionSettings.parse(demo.url()))) {
            SchemaKnowledge knowledge = SchemaKnowledge.load(db, List.of());
            List<String> corpus = new ArrayList<>();
            corpus.addAll(cases("/dev/strata/guardrail/corpus-right.sql"));
            corpus.addAll(cases("/dev/strata/guardrail/corpus-wrong.sql"));
            measure("demo catalog, " + corpus.size() + " corpus queries", new QueryGuard(() -> knowledge,
                    new PgParseCheck(db)), corpus);
            parseOnly(corpus);
        }
        demo.execute("postgres", "CREATE DATABASE bench5000");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + demo.port()
                + "/bench5000?user=postgres"); Statement st = c.createStatement()) {
            for (int chunk = 0; chunk < 10; chunk++) {
                st.execute(CatalogBenchmark.generator(500).replace("0..499", (chunk * 500) + ".." + (chunk * 500 + 499))
                        .replace("i > 0", "i > 0"));
            }
            st.execute("ANALYZE");
        }
        try (Database db = Database.connect(ConnectionSettings.parse("postgres://postgres@localhost:" + demo.port()
                + "/bench5000"))) {
            SchemaKnowledge knowledge = SchemaKnowledge.load(db, List.of());
            List<String> queries = new ArrayList<>();
            for (int i = 1; i < 4000; i += 37) {
                queries.add("""
                        SELECT a.id, a.code, b.name, sum(b.amount) AS total
                        FROM t%d a
                        JOIN t%d b ON b.parent_id = a.id
                        WHERE a.flag AND b.created_at > now() - interval '30 days'
                          AND EXISTS (SELECT 1 FROM t%d c WHERE c.parent_id = b.id)
                        GROUP BY a.id, a.code, b.name
                        ORDER BY total DESC
                        LIMIT 20""".formatted(i, i + 1, i + 2));
            }
            measure("5,000-table catalog, " + queries.size() + " three-table queries",
                    new QueryGuard(() -> knowledge, new PgParseCheck(db)), queries);
        }
    }

    /** JSqlParser alone on the same statements, to show what share of the time is the parser's. */
    static void parseOnly(List<String> queries) {
        int n = 0;
        for (int i = 0; i < 20_000; i++) tryParse(queries.get(i % queries.size()));
        long start = System.nanoTime();
        while (System.nanoTime() - start < 5_000_000_000L) tryParse(queries.get(n++ % queries.size()));
        System.out.printf(Locale.ROOT, "JSqlParser alone on the same queries: %.0f parses/s on one thread%n",
                n / ((System.nanoTime() - start) / 1e9));
    }

    private static void tryParse(String sql) {
        try {
            net.sf.jsqlparser.parser.CCJSqlParserUtil.newParser(sql).Statement();
        } catch (Exception | Error e) {
            // counted like a parse
        }
    }

    static void measure(String label, QueryGuard guard, List<String> queries) {
        for (int i = 0; i < 20_000; i++) guard.validate(queries.get(i % queries.size()));
        List<Double> ms = new ArrayList<>();
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < 10_000_000_000L) {
            long t = System.nanoTime();
            guard.validate(queries.get(n++ % queries.size()));
            ms.add((System.nanoTime() - t) / 1e6);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "validate_sql, %s: median %.3f ms, p99 %.3f ms, %.0f validations/s on one thread%n",
                label, ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.99)), n / seconds);
    }

    static List<String> cases(String resource) throws Exception {
        String text;
        try (InputStream in = GuardBenchmark.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split("(?m)^-- case:.*$")) {
            String sql = part.lines().filter(l -> !l.startsWith("-- expect:") && !l.startsWith("-- why:"))
                    .reduce("", (a, b) -> a + b + "\n").strip();
            if (!sql.isEmpty() && !sql.startsWith("--")) out.add(sql);
        }
        return out;
    }
}
