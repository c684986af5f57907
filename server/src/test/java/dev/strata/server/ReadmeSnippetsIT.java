package dev.strata.server;

import dev.strata.demo.DemoDatabase;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's client snippets as a user pastes them: the launcher {@code server/target/strata} with the read-only
 * role of the README's "A read-only role" section (created with that section's SQL), its password in
 * {@code DATABASE_URL} as the Claude Code snippet passes it.
 */
class ReadmeSnippetsIT {

    static final Path README = Path.of("..", "README.md");

    @Test
    void theClaudeCodeSnippetReachesTheReadOnlyRoleOfTheReadme() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String roleSection = readme.substring(readme.indexOf("### A read-only role"));
        String sql = roleSection.substring(roleSection.indexOf("```sql") + 6, roleSection.indexOf("```", roleSection.indexOf("```sql") + 6));
        Matcher role = Pattern.compile("CREATE ROLE (\\w+)").matcher(sql);
        assertThat(role.find()).isTrue();
        String roleName = role.group(1);

        String registering = readme.substring(readme.indexOf("**Claude Code**"), readme.indexOf("**Claude Desktop**"));
        Matcher url = Pattern.compile("DATABASE_URL='postgres://(\\w+):(\\w+)@localhost:5432/(\\w+)'").matcher(registering);
        assertThat(url.find()).as("Claude Code snippet passes DATABASE_URL with a password").isTrue();
        assertThat(url.group(1)).as("the snippet's role is the read-only section's").isEqualTo(roleName);
        assertThat(registering).contains("/path/to/strata/server/target/strata");

        DemoDatabase demo = DemoDatabase.shared();
        String password = "Readme-pw-7";
        demo.execute(DemoDatabase.DATABASE, "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
                + roleName + "') THEN EXECUTE 'DROP OWNED BY " + roleName + " CASCADE'; EXECUTE 'DROP ROLE "
                + roleName + "'; END IF; END $$");
        demo.execute(DemoDatabase.DATABASE, sql.replace("shop", DemoDatabase.DATABASE).replace("'…'", "'" + password + "'"));

        Path launcher = Path.of(StrataProcess.jar()).toAbsolutePath().getParent().resolve("strata");
        assertThat(Files.isExecutable(launcher)).as("mvn package leaves the launcher").isTrue();
        String databaseUrl = "postgres://" + roleName + ":" + password + "@localhost:" + demo.port() + "/"
                + DemoDatabase.DATABASE;
        StringBuffer stderr = new StringBuffer();
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder(launcher.toString())
                .env(Map.of("DATABASE_URL", databaseUrl, "PATH", System.getenv("PATH"))).build(), StdioIT.JSON);
        transport.setStdErrorHandler(line -> stderr.append(line).append('\n'));
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        try {
            client.initialize();
            McpSchema.CallToolResult described = client.callTool(new McpSchema.CallToolRequest("describe_table",
                    Map.of("table", "billing.invoices")));
            assertThat(described.isError()).as(stderr.toString()).isFalse();
            McpSchema.CallToolResult write = client.callTool(new McpSchema.CallToolRequest("run_query",
                    Map.of("sql", "DELETE FROM orders")));
            assertThat(write.isError()).isTrue();
        } finally {
            client.closeGracefully();
        }
        assertThat(stderr.toString()).doesNotContain(password).doesNotContain("superuser");
    }
}
