package dev.strata.server.bench;

import dev.strata.demo.DemoDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Start-up and latency of the packaged jar over stdio, as an MCP client sees them: time from process start to the
 * {@code initialize} answer and to the first {@code describe_table} answer, with and without the build's
 * class-data-sharing archive; then {@code describe_table} latency once warm, the size of {@code tools/list} and of
 * a 10-column description. With {@code -Dbench.url=…} (e.g. the 5,000-table database of CatalogBenchmark) it also
 * reports the server's heap once that catalog is loaded. Run: {@code mvn -q -pl server -Pbench test-compile
 * exec:java} after {@code mvn -q package -DskipTests}.
 */
public final class StartupBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int STARTS = Integer.getInteger("bench.starts", 9);

    public static void main(String[] args) throws Exception {
        Path target = Path.of(System.getProperty("strata.target", "target"));
        String jar = target.resolve("strata-server.jar").toAbsolutePath().toString();
        String jsa = target.resolve("strata.jsa").toAbsolutePath().toString();
        String url = DemoDatabase.shared().url();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<String> plain = List.of(java, "-jar", jar, "--url", url);
        List<String> cds = List.of(java, "-XX:SharedArchiveFile=" + jsa, "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-jar", jar, "--url", url);
        String describe = "{\"name\":\"describe_table\",\"arguments\":{\"table\":\"orders\"}}";
        List<Contender> contenders = new ArrayList<>();
        // What the README's client snippets run: the launcher (JDK 25 + AOT cache when the build made one).
        Path launcher = target.resolve("strata");
        if (Files.isExecutable(launcher)) {
            contenders.add(new Contender("README snippet: server/target/strata --url … ("
                    + (Files.exists(target.resolve("strata.aot")) ? "JDK 25 + AOT cache" : "CDS archive") + ")",
                    List.of(launcher.toAbsolutePath().toString(), "--url", url), describe));
        }
        contenders.add(new Contender("java -jar (JDK " + Runtime.version().feature() + ", no archive)", plain,
                describe));
        if (Files.exists(Path.of(jsa))) {
            contenders.add(new Contender("java -jar with the CDS archive (JDK " + Runtime.version().feature() + ")",
                    cds, describe));
        }
        // DBHub (npm @bytebase/dbhub on Node.js 22): -Dbench.dbhub=e2e/node/bench after npm install there.
        String dbhub = System.getProperty("bench.dbhub");
        if (dbhub != null) {
            Path dir = Path.of(dbhub).toAbsolutePath();
            contenders.add(new Contender("DBHub " + dbhubVersion(dir) + " (Node.js 22), search_objects table full",
                    List.of(dir.resolve("node_modules/node/bin/node").toString(),
                            dir.resolve("node_modules/@bytebase/dbhub/dist/index.js").toString(), "--transport",
                            "stdio", "--dsn", url + "?sslmode=disable"),
                    "{\"name\":\"search_objects\",\"arguments\":{\"object_type\":\"table\",\"pattern\":"
                            + "\"orders\",\"detail_level\":\"full\"}}"));
        }
        startUps(contenders);
        if (Boolean.getBoolean("bench.startupOnly")) return;

        try (Session s = new Session(cds)) {
            s.initialize();
            JsonNode tools = s.request("tools/list", "{}");
            System.out.printf(Locale.ROOT, "tools/list answer: %d bytes%n",
                    JSON.writeValueAsString(tools).getBytes(StandardCharsets.UTF_8).length);
            JsonNode regions = s.request("tools/call", "{\"name\":\"describe_table\",\"arguments\":{\"table\":\"orders\"}}");
            System.out.printf(Locale.ROOT, "describe_table orders (11 columns): structuredContent %d bytes, text %d chars%n",
                    JSON.writeValueAsString(regions.path("result").path("structuredContent")).length(),
                    regions.path("result").path("content").path(0).path("text").asString().length());
            for (int i = 0; i < 300; i++) describe(s, i);
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                long t = System.nanoTime();
                describe(s, i);
                ms.add((System.nanoTime() - t) / 1e6);
            }
            System.out.printf(Locale.ROOT, "describe_table over stdio, warm: median %.2f ms, p95 %.2f ms, p99 %.2f ms (500 calls)%n",
                    pct(ms, 0.5), pct(ms, 0.95), pct(ms, 0.99));
            String[] queries = {
                    "SELECT u.email, count(o.id) FROM users u JOIN orders o ON o.user_id = u.id WHERE u.deleted_at IS NULL GROUP BY u.email ORDER BY 2 DESC LIMIT 10",
                    "SELECT c.body FROM comments c JOIN orders o ON o.id = c.commentable_id WHERE o.state = 4",
                    "WITH t AS (SELECT account_id, sum(total_cents) AS s FROM orders GROUP BY 1) SELECT a.name, t.s FROM t JOIN accounts a ON a.id = t.account_id ORDER BY t.s DESC LIMIT 5"};
            for (int i = 0; i < 300; i++) validate(s, queries[i % queries.length]);
            List<Double> vms = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                long t = System.nanoTime();
                validate(s, queries[i % queries.length]);
                vms.add((System.nanoTime() - t) / 1e6);
            }
            System.out.printf(Locale.ROOT, "validate_sql over stdio, warm: median %.2f ms, p95 %.2f ms, p99 %.2f ms (500 calls)%n",
                    pct(vms, 0.5), pct(vms, 0.95), pct(vms, 0.99));

            // Heap before and after results that would not fit if they were loaded whole.
            String pid = String.valueOf(s.process.pid());
            String before = usedHeap(pid);
            long t0 = System.nanoTime();
            JsonNode rows = s.request("tools/call", "{\"name\":\"run_query\",\"arguments\":{\"sql\":"
                    + "\"SELECT g, md5(g::text) FROM generate_series(1, 600000) g\"}}");
            long t1 = System.nanoTime();
            JsonNode big = s.request("tools/call", "{\"name\":\"run_query\",\"arguments\":{\"sql\":"
                    + "\"SELECT repeat('x', 200 * 1024 * 1024) AS big\"}}");
            long t2 = System.nanoTime();
            JsonNode sleep = s.request("tools/call", "{\"name\":\"run_query\",\"arguments\":{\"sql\":"
                    + "\"SELECT count(*) FROM orders a, orders b\"}}");
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "run_query 600,000 rows: %d rows back, truncated=%s, %.0f ms; 200 MB value: "
                            + "%d chars back, %.0f ms; a 62-billion-row count: isError=%s after %.1f s (statement timeout 10 s)%n",
                    rows.path("result").path("structuredContent").path("row_count").asInt(),
                    rows.path("result").path("structuredContent").path("truncated").asString(), (t1 - t0) / 1e6,
                    big.path("result").path("structuredContent").path("rows").path(0).path(0).asString().length(),
                    (t2 - t1) / 1e6, sleep.path("result").path("isError").asBoolean(), (t3 - t2) / 1e9);
            System.out.println("server heap used before: " + before + ", after: " + usedHeap(pid));
        }

        String big = System.getProperty("bench.url");
        if (big != null) {
            try (Session s = new Session(List.of(java, "-jar", jar, "--url", big))) {
                s.initialize();
                long t = System.nanoTime();
                JsonNode r = s.request("tools/call", "{\"name\":\"describe_table\",\"arguments\":{\"table\":\"t1\"}}");
                System.out.printf(Locale.ROOT, "large catalog: first describe_table after %.0f ms (isError=%s)%n",
                        (System.nanoTime() - t) / 1e6, r.path("result").path("isError").asBoolean());
                String pid = String.valueOf(s.process.pid());
                run("jcmd", pid, "GC.run");
                String heap = run("jcmd", pid, "GC.heap_info");
                System.out.println("large catalog: server heap after GC:\n" + heap.strip());
            }
        }
    }

    static String usedHeap(String pid) throws Exception {
        run("jcmd", pid, "GC.run");
        String info = run("jcmd", pid, "GC.heap_info");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+K)").matcher(info);
        return m.find() ? m.group(1) : "?";
    }

    static void validate(Session s, String sql) throws Exception {
        s.request("tools/call", "{\"name\":\"validate_sql\",\"arguments\":{\"sql\":" + JSON.writeValueAsString(sql) + "}}");
    }

    static void describe(Session s, int i) throws Exception {
        String[] tables = {"orders", "users", "accounts", "billing.invoices", "comments"};
        s.request("tools/call", "{\"name\":\"describe_table\",\"arguments\":{\"table\":\"" + tables[i % 5] + "\"}}");
    }

    /** A server and the first call a client makes to learn a table. */
    record Contender(String label, List<String> command, String firstCall) {
    }

    /**
     * Starts each contender in turn, {@code STARTS} rounds, interleaved so that machine load hits all alike; a
     * first round warms the file cache and is not counted.
     */
    static void startUps(List<Contender> contenders) throws Exception {
        Map<Contender, List<Double>> init = new java.util.LinkedHashMap<>();
        Map<Contender, List<Double>> first = new java.util.LinkedHashMap<>();
        for (Contender c : contenders) {
            init.put(c, new ArrayList<>());
            first.put(c, new ArrayList<>());
        }
        for (int round = 0; round <= STARTS; round++) {
            for (Contender c : contenders) {
                long start = System.nanoTime();
                try (Session s = new Session(c.command())) {
                    s.initialize();
                    double i = (System.nanoTime() - start) / 1e6;
                    JsonNode r = s.request("tools/call", c.firstCall());
                    double f = (System.nanoTime() - start) / 1e6;
                    if (r.path("result").path("isError").asBoolean() || r.has("error")) {
                        throw new IllegalStateException(c.label() + ": first call failed: " + r);
                    }
                    if (round > 0) {
                        init.get(c).add(i);
                        first.get(c).add(f);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "start-up over stdio, spawn → answer, median of %d interleaved starts "
                + "(min–max):%n", STARTS);
        for (Contender c : contenders) {
            System.out.printf(Locale.ROOT, "  %-70s initialize %5.0f ms (%.0f–%.0f)   first table %5.0f ms (%.0f–%.0f)%n",
                    c.label(), pct(init.get(c), 0.5), Collections.min(init.get(c)), Collections.max(init.get(c)),
                    pct(first.get(c), 0.5), Collections.min(first.get(c)), Collections.max(first.get(c)));
        }
    }

    static String dbhubVersion(Path dir) {
        try {
            return JSON.readTree(Files.readString(dir.resolve("node_modules/@bytebase/dbhub/package.json")))
                    .path("version").asString();
        } catch (Exception e) {
            return "?";
        }
    }

    static double pct(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** A raw JSON-RPC session over the process's stdin/stdout: no client library between us and the clock. */
    static final class Session implements AutoCloseable {
        final Process process;
        final OutputStream in;
        final BufferedReader out;
        int id;

        Session(List<String> command) throws Exception {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            in = process.getOutputStream();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        void initialize() throws Exception {
            request("initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}");
            send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        }

        JsonNode request(String method, String params) throws Exception {
            int myId = ++id;
            send("{\"jsonrpc\":\"2.0\",\"id\":" + myId + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
            while (true) {
                String line = out.readLine();
                if (line == null) throw new IllegalStateException("server closed stdout");
                JsonNode node = JSON.readTree(line);
                if (node.path("id").asInt(-1) == myId) return node;
            }
        }

        void send(String line) throws Exception {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        @Override
        public void close() throws Exception {
            in.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
