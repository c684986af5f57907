package dev.strata.server.bench;

import dev.strata.demo.DemoDatabase;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * validate_sql over stdio on real schemas and their real queries ({@code ../shared/corpora/real-queries.json}): the
 * server jar against pagila (with its data) and TPC-H, each loaded into its own database on the embedded
 * PostgreSQL, and — for the schema-size dependence — pagila beside 5,000 generated tables. Every call is a full
 * validation: PostgreSQL's own parse and analysis (one round trip), Strata's parser and model, every rule.
 * Run with {@code mvn -q package -DskipTests && mvn -q -pl server -Pbench test-compile exec:java
 * -Dbench.main=dev.strata.server.bench.GuardStdioBenchmark}.
 */
public final class GuardStdioBenchmark {

    private static final Pattern COPY = Pattern.compile("(?im)^COPY\\s[^;]*\\sFROM\\s+stdin;\\s*$");

    public static void main(String[] args) throws Exception {
        Path corpus = corpora().resolve("real-queries.json");
        JsonNode root = JsonMapper.builder().build().readTree(corpus.toFile());
        String jar = Path.of(System.getProperty("strata.target", "target")).resolve("strata-server.jar")
                .toAbsolutePath().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        DemoDatabase server = DemoDatabase.shared();
        for (JsonNode c : root.get("cases")) {
            String id = c.get("id").asText();
            if (!id.equals("pagila-hw") && !id.equals("tpch")) continue;
            String db = "bench_" + id.replace('-', '_');
            load(server, db, c.get("setup"), 0);
            run(java, jar, server, db, id + " (" + tables(server, db) + " tables)", reads(c));
            if (id.equals("pagila-hw")) {
                String big = db + "_5000";
                load(server, big, c.get("setup"), 5000);
                run(java, jar, server, big, id + " beside 5,000 generated tables (" + tables(server, big)
                        + " tables)", reads(c));
            }
        }
        System.exit(0);
    }

    static void run(String java, String jar, DemoDatabase server, String db, String label, List<String> queries)
            throws Exception {
        String url = "postgres://postgres@localhost:" + server.port() + "/" + db;
        try (StartupBenchmark.Session s = new StartupBenchmark.Session(List.of(java, "-jar", jar, "--url", url))) {
            s.initialize();
            for (int i = 0; i < 1_000; i++) StartupBenchmark.validate(s, queries.get(i % queries.size()));
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                long t = System.nanoTime();
                StartupBenchmark.validate(s, queries.get(i % queries.size()));
                ms.add((System.nanoTime() - t) / 1e6);
            }
            System.out.printf(Locale.ROOT, "validate_sql over stdio, %s, %d real queries: median %.2f ms, p95 %.2f ms, "
                            + "p99 %.2f ms (3,000 calls)%n", label, queries.size(), StartupBenchmark.pct(ms, 0.5),
                    StartupBenchmark.pct(ms, 0.95), StartupBenchmark.pct(ms, 0.99));
        }
    }

    static List<String> reads(JsonNode c) {
        List<String> out = new ArrayList<>();
        for (JsonNode q : c.get("queries")) if (q.get("read_only").asBoolean()) out.add(q.get("sql").asText());
        return out;
    }

    /** The setup scripts, one session each (pg_dump empties search_path), COPY data through the COPY API. */
    static void load(DemoDatabase server, String db, JsonNode setup, int extraTables) throws Exception {
        server.execute("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        server.execute("postgres", "CREATE DATABASE " + db);
        String url = "jdbc:postgresql://localhost:" + server.port() + "/" + db + "?user=postgres";
        for (JsonNode script : setup) {
            String sql = script.get("sql").asText().replaceAll("(?im)^SET\\s+transaction_timeout\\s*=[^;]*;", "")
                    .replaceAll("(?im)^\\s*ALTER\\s+DATABASE\\s[^;]*;", "");
            try (Connection c = DriverManager.getConnection(url)) {
                Matcher m = COPY.matcher(sql);
                int at = 0;
                while (m.find(at)) {
                    execute(c, sql.substring(at, m.start()));
                    int data = sql.indexOf('\n', m.end() - 1) + 1;
                    int end = sql.indexOf("\n\\.", data - 1);
                    String copy = m.group().strip();
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy.substring(0, copy.length() - 1),
                            new StringReader(end < data ? "" : sql.substring(data, end + 1)));
                    int next = sql.indexOf('\n', end + 1);
                    at = next < 0 ? sql.length() : next + 1;
                }
                execute(c, sql.substring(at));
            }
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            if (extraTables > 0) {
                st.execute("CREATE SCHEMA generated");
                st.execute("DO $$ BEGIN FOR i IN 1.." + extraTables + " LOOP EXECUTE format('CREATE TABLE "
                        + "generated.t%s (id bigint PRIMARY KEY, parent_id bigint, code text, amount numeric, "
                        + "created_at timestamptz)', i); END LOOP; END $$");
            }
            st.execute("ANALYZE");
        }
    }

    private static void execute(Connection c, String sql) throws Exception {
        if (sql.isBlank()) return;
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static long tables(DemoDatabase server, String db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/" + db
                + "?user=postgres"); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE c.relkind IN ('r','p','v','m') AND n.nspname NOT IN ('pg_catalog','information_schema')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code -Dstrata.corpora=DIR}, else {@code shared/corpora} beside the checkout. */
    static Path corpora() {
        String configured = System.getProperty("strata.corpora");
        if (configured != null) return Path.of(configured);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) return dir.resolveSibling("shared").resolve("corpora");
        }
        throw new IllegalStateException("real-world corpora not found; pass -Dstrata.corpora=DIR");
    }
}
