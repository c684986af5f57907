package dev.strata.server;

import dev.strata.demo.DemoDatabase;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer that once killed a session, through the packaged jar over stdio: a generated 620 KB migration is
 * reviewed into an answer far below the 10 MiB the official TypeScript SDK accepts, its next page comes with
 * offset, and the server keeps serving.
 */
class AnswerBudgetIT {

    @Test
    @SuppressWarnings("unchecked")
    void aLargeMigrationGetsABoundedAnswerAndTheServerKeepsServing() throws Exception {
        DemoDatabase demo = DemoDatabase.shared();
        List<String> cmd = StrataProcess.command("--url", demo.url());
        ServerParameters params = ServerParameters.builder(cmd.get(0)).args(cmd.subList(1, cmd.size())).build();
        StdioClientTransport transport = new StdioClientTransport(params, StdioIT.JSON);
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(110)).build();
        try {
            client.initialize();
            StringBuilder sql = new StringBuilder();
            for (int i = 0; sql.length() < 620 * 1024; i++) {
                sql.append("ALTER TABLE orders ADD COLUMN note_").append(i).append(" timestamp;\n")
                        .append("CREATE INDEX orders_note_").append(i).append("_idx ON orders (note_").append(i)
                        .append(");\nUPDATE orders SET note_").append(i).append(" = now();\n");
            }
            CallToolResult first = client.callTool(new CallToolRequest("review_migration", Map.of("sql", sql.toString())));
            int bytes = StdioIT.JSON.writeValueAsString(first).getBytes(StandardCharsets.UTF_8).length;
            System.out.printf("review_migration of %d KB through stdio: answer of %d KB%n", sql.length() / 1024,
                    bytes / 1024);
            assertThat(first.isError()).isFalse();
            assertThat(bytes).isLessThan(3 * 1024 * 1024);
            Map<String, Object> content = (Map<String, Object>) first.structuredContent();
            assertThat(content).containsKeys("omitted", "next_offset", "findings", "statements");
            assertThat(((McpSchema.TextContent) first.content().get(0)).text()).startsWith("[answer cut to its size budget");

            CallToolResult second = client.callTool(new CallToolRequest("review_migration",
                    Map.of("sql", sql.toString(), "offset", content.get("next_offset"))));
            assertThat(second.isError()).isFalse();
            assertThat(((McpSchema.TextContent) second.content().get(0)).text())
                    .startsWith("[items from " + (((Number) content.get("next_offset")).intValue() + 1) + " on;");

            CallToolResult tooBig = client.callTool(new CallToolRequest("review_migration",
                    Map.of("sql", "SELECT 1;\n".repeat(210_000))));
            assertThat(tooBig.isError()).isTrue();

            CallToolResult still = client.callTool(new CallToolRequest("describe_table", Map.of("table", "orders")));
            assertThat(still.isError()).as("the server still serves").isFalse();
        } finally {
            client.closeGracefully();
        }
    }
}
