package dev.strata.server;

import dev.strata.demo.DemoDatabase;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real jar over streamable and stateless HTTP, driven by the MCP Java SDK client and a raw HTTP client. */
class HttpIT {

    static final JacksonMcpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.builder().build());
    static final String INIT = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    static McpSyncClient client(int port, String token) {
        HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + port).endpoint("/mcp").jsonMapper(JSON);
        if (token != null) {
            transport.requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token));
        }
        return McpClient.sync(transport.build()).requestTimeout(Duration.ofSeconds(60)).build();
    }

    static HttpResponse<String> post(int port, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INIT));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertServes(McpSyncClient client) {
        client.initialize();
        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).hasSize(10).contains("review_migration", "schema_diff");
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("describe_table",
                Map.of("table", "billing.invoices")));
        assertThat(r.isError()).isFalse();
        assertThat(r.structuredContent().toString()).contains("invoices");
        McpSchema.CallToolResult bad = client.callTool(new McpSchema.CallToolRequest("describe_table",
                Map.of("table", "nope")));
        assertThat(bad.isError()).isTrue();
    }

    @Test
    void streamableHttpWithBearerTokenAndOriginCheck() throws Exception {
        int port = StrataProcess.freePort();
        try (StrataProcess server = StrataProcess.start("--url", DemoDatabase.shared().url(), "--http",
                "--port", String.valueOf(port), "--auth-token", "t0ken")) {
            server.awaitPort(port, Duration.ofSeconds(60));
            McpSyncClient client = client(port, "t0ken");
            assertServes(client);
            client.closeGracefully();

            assertThat(post(port, Map.of()).statusCode()).as("no token").isEqualTo(401);
            assertThat(post(port, Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
            assertThat(post(port, Map.of("Authorization", "Bearer t0ken", "Origin", "https://evil.example"))
                    .statusCode()).as("foreign origin").isEqualTo(403);
            assertThat(post(port, Map.of("Authorization", "Bearer t0ken", "Origin", "http://localhost:6274"))
                    .statusCode()).as("loopback origin").isEqualTo(200);
        }
    }

    @Test
    void statelessHttpServesWithoutSessions() throws Exception {
        int port = StrataProcess.freePort();
        try (StrataProcess server = StrataProcess.start("--url", DemoDatabase.shared().url(), "--http", "--stateless",
                "--port", String.valueOf(port))) {
            server.awaitPort(port, Duration.ofSeconds(60));
            McpSyncClient client = client(port, null);
            assertServes(client);
            client.closeGracefully();
            HttpResponse<String> raw = post(port, Map.of());
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.headers().firstValue("Mcp-Session-Id")).as("stateless: no session").isEmpty();
        }
    }
}
