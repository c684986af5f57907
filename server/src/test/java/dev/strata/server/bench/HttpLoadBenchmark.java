package dev.strata.server.bench;

import dev.strata.demo.DemoDatabase;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load over streamable HTTP with a PostgreSQL restart in the middle (BENCHMARKS.md, "HTTP under load"): SESSIONS
 * concurrent MCP sessions (the Java SDK client) each make CALLS mixed tool calls against the packaged jar serving
 * the demo database; when 40 % of all calls are done, PostgreSQL is stopped for OUTAGE and started again on the same
 * port and data. It reports whether every call was answered (a result, an error result or a JSON-RPC error: not a
 * timeout or a broken connection), calls that errored during the outage, whether every session still answers
 * afterwards, the server's heap after GC before, during and after, and the most connections Strata held open on
 * PostgreSQL (sampled every 50 ms from pg_stat_activity) against its pool size. Not a test: nothing is asserted.
 * Run: {@code bash e2e/node/bench/run-load.sh} (or the StartupBenchmark classpath with this main class).
 */
public final class HttpLoadBenchmark {

    static final int SESSIONS = Integer.getInteger("bench.sessions", 50);
    static final int CALLS = Integer.getInteger("bench.calls", 200);
    static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("bench.outageSeconds", 3));
    static final int POOL_SIZE = 4; // dev.strata.db.Database
    static final JacksonMcpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.builder().build());

    public static void main(String[] args) throws Exception {
        Path target = Path.of(System.getProperty("strata.target", "target"));
        String jar = target.resolve("strata-server.jar").toAbsolutePath().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path data = Files.createTempDirectory("strata-load-pg");
        int pgPort = freePort();
        EmbeddedPostgres.Builder pgBuilder = EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(data)
                .setCleanDataDirectory(false).setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "off");
        EmbeddedPostgres pg = pgBuilder.start();
        String admin = "jdbc:postgresql://localhost:" + pgPort + "/";
        try (Connection c = DriverManager.getConnection(admin + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DemoDatabase.DATABASE);
        }
        try (Connection c = DriverManager.getConnection(admin + DemoDatabase.DATABASE, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(DemoDatabase.script());
        }
        int port = freePort();
        Process server = new ProcessBuilder(java, "-jar", jar, "--url", "postgres://postgres@localhost:" + pgPort
                + "/" + DemoDatabase.DATABASE, "--http", "--port", String.valueOf(port))
                .redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String pid = String.valueOf(server.pid());
        try {
            awaitPort(port);
            run(port, pid, pgBuilder, pg, admin);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static void run(int port, String pid, EmbeddedPostgres.Builder pgBuilder, EmbeddedPostgres firstPg, String admin)
            throws Exception {
        AtomicInteger maxConnections = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> sampleConnections(admin, maxConnections, sampling), "pg-sampler");
        sampler.setDaemon(true);
        sampler.start();

        String heapBefore = StartupBenchmark.usedHeap(pid);
        List<McpSyncClient> clients = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            McpSyncClient c = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                    .endpoint("/mcp").jsonMapper(JSON).build()).requestTimeout(Duration.ofSeconds(60)).build();
            c.initialize();
            clients.add(c);
        }
        int total = SESSIONS * CALLS;
        AtomicInteger done = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger toolErrors = new AtomicInteger();
        AtomicInteger protocolErrors = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger outageErrors = new AtomicInteger();
        AtomicBoolean outage = new AtomicBoolean();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch restartAt = new CountDownLatch(1);
        AtomicLong outageMs = new AtomicLong();
        String[] heapDuring = {"?"};
        String[] heapWarm = {"?"};
        CountDownLatch warm = new CountDownLatch(1);
        Thread warmHeap = new Thread(() -> {
            try {
                warm.await();
                heapWarm[0] = StartupBenchmark.usedHeap(pid);
            } catch (Exception e) {
                failures.add("heap: " + e);
            }
        }, "heap-warm");
        warmHeap.start();

        Thread restarter = new Thread(() -> {
            try {
                restartAt.await();
                long t0 = System.nanoTime();
                outage.set(true);
                firstPg.close(); // stops PostgreSQL; the data directory stays
                Thread.sleep(OUTAGE.toMillis());
                EmbeddedPostgres again = pgBuilder.start();
                outage.set(false);
                outageMs.set((System.nanoTime() - t0) / 1_000_000);
                heapDuring[0] = StartupBenchmark.usedHeap(pid);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        again.close();
                    } catch (Exception ignored) {
                        // exiting anyway
                    }
                }));
            } catch (Exception e) {
                failures.add("restart: " + e);
            }
        }, "pg-restart");
        restarter.start();

        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        long start = System.nanoTime();
        List<Future<?>> sessions = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            McpSyncClient client = clients.get(s);
            int session = s;
            sessions.add(pool.submit(() -> {
                for (int i = 0; i < CALLS; i++) {
                    McpSchema.CallToolRequest call = call(session, i);
                    long t = System.nanoTime();
                    boolean duringOutage = outage.get();
                    try {
                        McpSchema.CallToolResult r = client.callTool(call);
                        latencies.add((System.nanoTime() - t) / 1e6);
                        if (Boolean.TRUE.equals(r.isError())) {
                            toolErrors.incrementAndGet();
                            if (duringOutage || outage.get()) outageErrors.incrementAndGet();
                        } else {
                            ok.incrementAndGet();
                        }
                    } catch (io.modelcontextprotocol.spec.McpError e) {
                        protocolErrors.incrementAndGet();
                        if (duringOutage || outage.get()) outageErrors.incrementAndGet();
                    } catch (RuntimeException e) {
                        unanswered.incrementAndGet();
                        failures.add(call.name() + ": " + e);
                    }
                    int n = done.incrementAndGet();
                    if (n == total / 5) warm.countDown();
                    if (n == total * 2 / 5) restartAt.countDown();
                }
            }));
        }
        for (Future<?> f : sessions) f.get(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        restarter.join(60_000);
        int alive = 0;
        for (McpSyncClient c : clients) {
            try {
                c.ping();
                if (!Boolean.TRUE.equals(c.callTool(new McpSchema.CallToolRequest("describe_table",
                        Map.of("table", "orders"))).isError())) {
                    alive++;
                }
            } catch (RuntimeException e) {
                failures.add("after the run: " + e);
            }
        }
        for (McpSyncClient c : clients) c.closeGracefully();
        pool.shutdown();
        Thread.sleep(1_000);
        String heapAfter = StartupBenchmark.usedHeap(pid);
        sampling.set(false);

        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "HTTP load: %d sessions × %d calls = %d calls in %.1f s (%.0f calls/s)%n",
                SESSIONS, CALLS, total, seconds, total / seconds);
        System.out.printf(Locale.ROOT, "  answered %d of %d: %d results, %d error results, %d JSON-RPC errors; "
                        + "unanswered (timeout, broken connection): %d%n", total - unanswered.get(), total, ok.get(),
                toolErrors.get(), protocolErrors.get(), unanswered.get());
        System.out.printf(Locale.ROOT, "  PostgreSQL restart after %d calls: down and back in %d ms; %d calls "
                + "errored while it was down%n", total * 2 / 5, outageMs.get(), outageErrors.get());
        System.out.printf(Locale.ROOT, "  latency median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.0f ms%n",
                StartupBenchmark.pct(sorted, 0.5), StartupBenchmark.pct(sorted, 0.95),
                StartupBenchmark.pct(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
        System.out.printf(Locale.ROOT, "  sessions answering afterwards: %d of %d%n", alive, SESSIONS);
        warmHeap.join(30_000);
        System.out.printf(Locale.ROOT, "  server heap after GC: idle before the run %s; under load: at 20 %% of the "
                + "calls %s, right after the restart %s; at the end, sessions closed %s%n", heapBefore, heapWarm[0],
                heapDuring[0], heapAfter);
        System.out.printf(Locale.ROOT, "  most connections Strata held on PostgreSQL: %d (pool size %d)%n",
                maxConnections.get(), POOL_SIZE);
        failures.stream().limit(10).forEach(f -> System.out.println("  failure: " + f));
    }

    /** A mix of what assistants call: schema lookups, validation, small queries, a cached profile. */
    static McpSchema.CallToolRequest call(int session, int i) {
        String[] tables = {"orders", "users", "accounts", "billing.invoices", "comments"};
        String table = tables[(session + i) % tables.length];
        return switch (i % 8) {
            case 0, 1 -> new McpSchema.CallToolRequest("describe_table", Map.of("table", table));
            case 2 -> new McpSchema.CallToolRequest("list_tables", Map.of("limit", 20));
            case 3 -> new McpSchema.CallToolRequest("search_schema", Map.of("query", "invoice"));
            case 4 -> new McpSchema.CallToolRequest("validate_sql", Map.of("sql",
                    "SELECT o.id, u.email FROM orders o JOIN users u ON u.id = o.user_id WHERE o.state = 2 LIMIT 10"));
            case 5 -> new McpSchema.CallToolRequest("run_query", Map.of("sql",
                    "SELECT id, state FROM orders WHERE id % 1000 = " + (i % 1000) + " ORDER BY id LIMIT 5"));
            case 6 -> new McpSchema.CallToolRequest("find_join_path", Map.of("from", "orders", "to", "accounts"));
            default -> new McpSchema.CallToolRequest("profile_column", Map.of("table", "orders", "column", "state"));
        };
    }

    static void sampleConnections(String admin, AtomicInteger max, AtomicBoolean sampling) {
        while (sampling.get()) {
            try (Connection c = DriverManager.getConnection(admin + "postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                while (sampling.get()) {
                    try (ResultSet r = s.executeQuery(
                            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'strata'")) {
                        r.next();
                        max.accumulateAndGet(r.getInt(1), Math::max);
                    }
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                try {
                    Thread.sleep(200); // PostgreSQL is down: try again
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void awaitPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (Exception e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("server did not listen on " + port);
    }
}
