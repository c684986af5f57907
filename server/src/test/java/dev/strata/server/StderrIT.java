package dev.strata.server;

import dev.strata.demo.DemoDatabase;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person watching the server's stderr sees: warnings that mean something, one line per event. */
class StderrIT {

    static McpSyncClient client(StringBuffer stderr, String... args) {
        List<String> cmd = StrataProcess.command(args);
        ServerParameters params = ServerParameters.builder(cmd.get(0)).args(cmd.subList(1, cmd.size())).build();
        StdioClientTransport transport = new StdioClientTransport(params, StdioIT.JSON);
        transport.setStdErrorHandler(line -> stderr.append(line).append('\n'));
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(90)).build();
        client.initialize();
        return client;
    }

    @Test
    void theDemoDoesNotWarnAboutItsOwnSuperuser() throws Exception {
        StringBuffer stderr = new StringBuffer();
        McpSyncClient client = client(stderr, "demo");
        try {
            assertThat(client.callTool(new CallToolRequest("list_tables", Map.of())).isError()).isFalse();
            assertThat(client.callTool(new CallToolRequest("describe_table", Map.of("table", "orders"))).isError())
                    .isFalse();
            Thread.sleep(1_000); // the role check runs right after the first catalog load
        } finally {
            client.closeGracefully();
        }
        assertThat(stderr.toString()).contains("demo database ready").doesNotContain("superuser");
    }

    @Test
    void aDroppedConnectionIsOneLinePerEventNotAStackTrace() throws Exception {
        DemoDatabase demo = DemoDatabase.shared();
        StringBuffer stderr = new StringBuffer();
        McpSyncClient client = client(stderr, "--url", demo.url() + "?application_name=strata-drop-test");
        try {
            assertThat(client.callTool(new CallToolRequest("describe_table", Map.of("table", "orders"))).isError())
                    .isFalse();
            CompletableFuture<CallToolResult> slow = CompletableFuture.supplyAsync(() -> client.callTool(
                    new CallToolRequest("run_query", Map.of("sql", "SELECT count(*) FROM generate_series(1, 80000000)"))));
            // terminate the server's connections while the query runs
            for (int i = 0; i < 50 && !slow.isDone(); i++) {
                Thread.sleep(200);
                demo.execute("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE application_name = 'strata-drop-test' AND query LIKE '%generate_series%'");
            }
            CallToolResult dropped = slow.get(60, TimeUnit.SECONDS);
            assertThat(dropped.isError()).isTrue();
            CallToolResult after = null;
            for (int i = 0; i < 20; i++) {
                after = client.callTool(new CallToolRequest("run_query", Map.of("sql", "SELECT 1")));
                if (!after.isError()) break;
                Thread.sleep(250);
            }
            assertThat(after.isError()).as("served again").isFalse();
        } finally {
            client.closeGracefully();
        }
        String err = stderr.toString();
        assertThat(err).contains("marked as broken");
        assertThat(err.lines()).noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by:")
                || l.matches("\\s+\\.\\.\\. \\d+ more"));
    }
}
