package dev.strata.server;

import dev.strata.demo.DemoDatabase;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP transports at the protocol level, with a raw HTTP client: JSON-RPC errors instead of Java exceptions,
 * an event stream that answers at once with resumable event ids, capabilities that match each transport, a
 * prompt shutdown with a client connected and a port in use.
 */
class HttpProtocolIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String DB = "http_protocol_it";
    static DemoDatabase demo;
    static StrataProcess streamable;
    static StrataProcess stateless;
    static int streamablePort;
    static int statelessPort;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoDatabase.shared();
        demo.execute("postgres", "DROP DATABASE IF EXISTS " + DB);
        demo.execute("postgres", "CREATE DATABASE " + DB);
        demo.execute(DB, "CREATE TABLE things (thing_id bigint PRIMARY KEY, name text)");
        String url = "postgres://postgres@localhost:" + demo.port() + "/" + DB;
        streamablePort = StrataProcess.freePort();
        statelessPort = StrataProcess.freePort();
        streamable = StrataProcess.start("--url", url, "--http", "--port", String.valueOf(streamablePort),
                "--poll-interval", "300ms");
        stateless = StrataProcess.start("--url", url, "--http", "--stateless", "--port",
                String.valueOf(statelessPort));
        streamable.awaitPort(streamablePort, Duration.ofSeconds(60));
        stateless.awaitPort(statelessPort, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        if (streamable != null) streamable.close();
        if (stateless != null) stateless.close();
    }

    static HttpResponse<String> post(int port, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String initialize(int port, String protocolVersion) throws Exception {
        HttpResponse<String> r = post(port, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"" + protocolVersion + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\","
                + "\"version\":\"1\"}}}", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        post(port, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                Map.of("Mcp-Session-Id", r.headers().firstValue("Mcp-Session-Id").orElse("")));
        return r.headers().firstValue("Mcp-Session-Id").orElse(null);
    }

    /** The JSON-RPC message of a plain JSON answer, or of the last event of an event-stream answer. */
    static JsonNode message(HttpResponse<String> r) {
        String body = r.body();
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            String last = body.lines().filter(l -> l.startsWith("data: ") && l.length() > 6).reduce((a, b) -> b)
                    .orElseThrow();
            body = last.substring(6);
        }
        return JSON.readTree(body);
    }

    static void assertNoJavaInside(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("stackTrace")
                .doesNotContainPattern("\\b(?:java|tools|io|org|reactor|dev)\\.[a-z]+\\.[A-Za-z.]+");
    }

    // ------------------------------------------------------------------ item 3: errors are JSON-RPC

    @Test
    void statelessErrorsAreJsonRpcErrorsWithoutJavaInside() throws Exception {
        HttpResponse<String> unknown = post(statelessPort, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"no/such\"}",
                Map.of());
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(message(unknown).path("error").path("code").asInt()).isEqualTo(-32601);
        assertThat(message(unknown).path("id").asInt()).isEqualTo(7);
        assertNoJavaInside(unknown.body());

        HttpResponse<String> malformed = post(statelessPort, "{\"jsonrpc\":\"2.0\",\"id\":", Map.of());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(message(malformed).path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(message(malformed).has("id")).isTrue();
        assertNoJavaInside(malformed.body());

        HttpResponse<String> batch = post(statelessPort, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]",
                Map.of());
        assertThat(batch.statusCode()).isEqualTo(400);
        assertThat(message(batch).path("error").path("code").asInt()).isEqualTo(-32600);
        assertNoJavaInside(batch.body());

        HttpResponse<String> badParams = post(statelessPort, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\","
                + "\"params\":{\"name\":[1,2],\"arguments\":\"x\"}}", Map.of());
        assertThat(message(badParams).path("error").isMissingNode()).isFalse();
        assertNoJavaInside(badParams.body());

        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statelessPort
                + "/mcp")).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
    }

    @Test
    void streamableErrorsAreJsonRpcErrorsWithoutJavaInside() throws Exception {
        String session = initialize(streamablePort, "2025-06-18");
        Map<String, String> h = Map.of("Mcp-Session-Id", session);
        HttpResponse<String> unknown = post(streamablePort, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"no/such\"}", h);
        assertThat(message(unknown).path("error").path("code").asInt()).isEqualTo(-32601);
        assertNoJavaInside(unknown.body());
        HttpResponse<String> malformed = post(streamablePort, "not json", h);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(message(malformed).path("error").path("code").asInt()).isEqualTo(-32700);
        HttpResponse<String> batch = post(streamablePort, "[]", h);
        assertThat(message(batch).path("error").path("code").asInt()).isEqualTo(-32600);
        HttpResponse<String> badParams = post(streamablePort, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":"
                + "\"resources/read\",\"params\":{\"uri\":{\"not\":\"a string\"}}}", h);
        assertThat(message(badParams).path("error").isMissingNode()).as(badParams.body()).isFalse();
        assertNoJavaInside(badParams.body());
        HttpResponse<String> noSession = post(streamablePort, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}",
                Map.of());
        assertThat(noSession.statusCode()).isEqualTo(400);
        assertThat(message(noSession).path("error").path("code").asInt()).isEqualTo(-32600);
    }

    // ------------------------------------------------------------------ item 4: event streams

    @Test
    void getOpensTheStreamAtOnceAndMissedEventsAreReplayedWithLastEventId() throws Exception {
        String session = initialize(streamablePort, "2025-11-25");
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + streamablePort + "/mcp"))
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session).GET().build();
        long t0 = System.nanoTime();
        CompletableFuture<HttpResponse<InputStream>> opening = HTTP.sendAsync(get,
                HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> open = opening.get(3, TimeUnit.SECONDS); // headers, before any event
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(ms).as("headers of GET /mcp").isLessThan(3_000);
        BufferedReader events = new BufferedReader(new InputStreamReader(open.body(), StandardCharsets.UTF_8));
        String primingId = nextId(events);
        assertThat(primingId).as("a 2025-11-25 client gets an event id at once").isNotBlank();
        open.body().close();

        // While the client is away, the schema changes: the notification waits in the stream for it.
        demo.execute(DB, "CREATE TABLE gadgets_" + System.nanoTime() % 100000 + " (gadget_id bigint PRIMARY KEY)");
        Thread.sleep(2_500);
        HttpResponse<InputStream> resumed = HTTP.send(HttpRequest.newBuilder(get.uri())
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session)
                .header("Last-Event-ID", primingId).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader replay = new BufferedReader(new InputStreamReader(resumed.body(), StandardCharsets.UTF_8));
        List<String> ids = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        String line;
        while ((line = replay.readLine()) != null && methods.size() < 2) {
            if (line.startsWith("id: ")) ids.add(line.substring(4));
            if (line.startsWith("data: {")) methods.add(JSON.readTree(line.substring(6)).path("method").asString());
        }
        resumed.body().close();
        assertThat(methods).as("replayed after Last-Event-ID").contains("notifications/resources/list_changed");
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(session).doesNotContain(primingId);
    }

    @Test
    void eventIdsAreUniqueWithinASession() throws Exception {
        String session = initialize(streamablePort, "2025-06-18");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = post(streamablePort, "{\"jsonrpc\":\"2.0\",\"id\":" + (10 + i) + ",\"method\":"
                    + "\"tools/call\",\"params\":{\"name\":\"list_tables\",\"arguments\":{},\"_meta\":{}}}",
                    Map.of("Mcp-Session-Id", session));
            r.body().lines().filter(l -> l.startsWith("id: ")).forEach(l -> ids.add(l.substring(4)));
        }
        assertThat(ids).hasSize(3).doesNotHaveDuplicates().doesNotContain(session);
    }

    // ------------------------------------------------------------------ item 5: capabilities per transport

    @Test
    void eachTransportAdvertisesWhatItDoes() throws Exception {
        McpSyncClient sessions = HttpIT.client(streamablePort, null);
        sessions.initialize();
        McpSchema.ServerCapabilities s = sessions.getServerCapabilities();
        assertThat(s.resources().subscribe()).isTrue();
        assertThat(s.resources().listChanged()).isTrue();
        assertThat(s.logging()).isNotNull();
        assertThat(s.tools().listChanged()).isFalse();
        assertThat(s.prompts().listChanged()).isFalse();
        sessions.closeGracefully();

        McpSyncClient noSessions = HttpIT.client(statelessPort, null);
        noSessions.initialize();
        McpSchema.ServerCapabilities n = noSessions.getServerCapabilities();
        assertThat(n.resources().subscribe()).as("stateless cannot notify").isNotEqualTo(Boolean.TRUE);
        assertThat(n.resources().listChanged()).isNotEqualTo(Boolean.TRUE);
        assertThat(n.logging()).as("stateless sends no log notifications").isNull();
        assertThat(n.tools()).isNotNull();
        assertThat(n.completions()).isNotNull();
        noSessions.closeGracefully();
    }

    @Test
    void resourceSubscriptionsWorkOverStreamableHttp() throws Exception {
        java.util.concurrent.BlockingQueue<String> updated = new java.util.concurrent.LinkedBlockingQueue<>();
        McpSyncClient client = io.modelcontextprotocol.client.McpClient.sync(
                        io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport
                                .builder("http://127.0.0.1:" + streamablePort).endpoint("/mcp").jsonMapper(HttpIT.JSON)
                                .build())
                .requestTimeout(Duration.ofSeconds(60))
                .resourcesUpdateConsumer(contents -> contents.forEach(c -> updated.add(c.uri()))).build();
        client.initialize();
        client.callTool(new McpSchema.CallToolRequest("describe_table", Map.of("table", "things")));
        client.subscribeResource(new McpSchema.SubscribeRequest("strata://table/public/things"));
        Thread.sleep(1_000);
        demo.execute(DB, "ALTER TABLE things ADD COLUMN c_" + System.nanoTime() % 100000 + " text");
        String got = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && !"strata://table/public/things".equals(got)) {
            got = updated.poll(200, TimeUnit.MILLISECONDS);
        }
        client.closeGracefully();
        assertThat(got).as("resources/updated over streamable HTTP").isEqualTo("strata://table/public/things");
    }

    // ------------------------------------------------------------------ item 6: lifecycle over HTTP

    @Test
    void stopsWithinTwoSecondsWithAClientConnected() throws Exception {
        int port = StrataProcess.freePort();
        try (StrataProcess server = StrataProcess.start("--url", DemoDatabase.shared().url(), "--http", "--port",
                String.valueOf(port), "--poll-interval", "0")) {
            server.awaitPort(port, Duration.ofSeconds(60));
            String session = initialize(port, "2025-06-18");
            HttpResponse<InputStream> open = HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + port + "/mcp")).header("Accept", "text/event-stream").header("Mcp-Session-Id", session)
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream()).get(5, TimeUnit.SECONDS);
            assertThat(open.statusCode()).isEqualTo(200);
            long t0 = System.nanoTime();
            server.process.destroy(); // SIGTERM, as docker stop sends
            assertThat(server.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("--http shutdown with an open event stream: %d ms%n", ms);
            assertThat(ms).as("shutdown with an open GET /mcp").isLessThan(2_000);
        }
    }

    @Test
    void aPortInUseIsOneLineNamingThePortOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            Process p = new ProcessBuilder(StrataProcess.command("--url", DemoDatabase.shared().url(), "--http",
                    "--port", String.valueOf(taken.getLocalPort()))).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.exitValue()).isEqualTo(2);
            assertThat(out.lines().filter(l -> !l.contains("warning")).toList()).hasSize(1);
            assertThat(out).contains("--port").contains(String.valueOf(taken.getLocalPort()))
                    .doesNotContain("Exception");
        }
    }

    static String nextId(BufferedReader events) throws Exception {
        String line;
        while ((line = events.readLine()) != null) {
            if (line.startsWith("id: ")) return line.substring(4);
        }
        return null;
    }
}
