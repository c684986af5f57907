package dev.strata.server;

import dev.strata.demo.DemoDatabase;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real jar over stdio, driven by the MCP Java SDK client. */
class StdioIT {

    static final String PASSWORD = "Sup3rSecretPw";
    /** Every tool the server lists (HttpIT checks the same list over HTTP). */
    static final List<String> TOOLS = List.of("list_tables", "search_schema", "describe_table", "get_relationships",
            "find_join_path", "validate_sql", "run_query", "explain_query", "profile_column", "profile_table",
            "review_migration", "schema_report", "schema_diff");
    static final JacksonMcpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.builder().build());
    static McpSyncClient client;
    static final StringBuffer serverStderr = new StringBuffer();
    static final List<McpSchema.ProgressNotification> progress = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        DemoDatabase demo = DemoDatabase.shared();
        // The embedded server trusts local connections, so the password is accepted and ignored: it is here to
        // prove it never shows up in any output.
        String url = "postgres://postgres:" + PASSWORD + "@localhost:" + demo.port() + "/" + DemoDatabase.DATABASE;
        List<String> cmd = StrataProcess.command("--url", url);
        ServerParameters params = ServerParameters.builder(cmd.get(0)).args(cmd.subList(1, cmd.size())).build();
        StdioClientTransport transport = new StdioClientTransport(params, JSON);
        transport.setStdErrorHandler(line -> serverStderr.append(line).append('\n'));
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).progressConsumer(progress::add)
                .build();
        client.initialize();
    }

    @AfterAll
    static void stop() {
        if (client != null) client.closeGracefully();
        assertThat(serverStderr.toString()).doesNotContain(PASSWORD);
    }

    static CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(new CallToolRequest(tool, args));
    }

    static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @Test
    void initializeAnnouncesStrataAndItsCapabilities() {
        assertThat(client.getServerInfo().name()).isEqualTo("strata");
        assertThat(client.getServerCapabilities().tools()).isNotNull();
        assertThat(client.getServerCapabilities().resources()).isNotNull();
        assertThat(client.getServerInstructions()).contains("describe_table");
    }

    @Test
    void toolsListIsCompleteTruthfulAndSmall() throws Exception {
        McpSchema.ListToolsResult tools = client.listTools();
        assertThat(tools.tools()).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
        for (McpSchema.Tool t : tools.tools()) {
            assertThat(t.outputSchema()).as(t.name()).isNotNull();
            assertThat(t.inputSchema()).as(t.name()).isNotNull();
            assertThat(t.annotations().readOnlyHint()).as(t.name()).isTrue();
            assertThat(t.annotations().destructiveHint()).as(t.name()).isFalse();
            assertThat(t.annotations().openWorldHint()).as(t.name()).isFalse();
        }
        int bytes = JSON.writeValueAsString(tools).getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("tools/list size").isLessThanOrEqualTo(24 * 1024);
    }

    @Test
    @SuppressWarnings("unchecked")
    void describeTableReturnsStructuredContentAndText() {
        CallToolResult r = call("describe_table", Map.of("table", "orders"));
        assertThat(r.isError()).isFalse();
        Map<String, Object> content = (Map<String, Object>) r.structuredContent();
        assertThat(content).containsEntry("schema", "public").containsEntry("name", "orders")
                .containsKeys("columns", "indexes", "references", "soft_delete", "notes", "rows_estimate");
        assertThat((List<Map<String, Object>>) content.get("columns"))
                .anySatisfy(c -> assertThat(c).containsEntry("name", "state"));
        assertThat(text(r)).contains("public.orders").contains("state smallint");
    }

    @Test
    void mistakesComeBackAsActionableToolErrors() {
        CallToolResult unknown = call("describe_table", Map.of("table", "ordrs"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("does not exist").contains("public.orders");

        CallToolResult misspelt = call("describe_table", Map.of("tabel", "orders"));
        assertThat(misspelt.isError()).isTrue();
        assertThat(text(misspelt)).contains("tabel").contains("'table' not found");

        CallToolResult wrongType = call("list_tables", Map.of("limit", "lots"));
        assertThat(wrongType.isError()).isTrue();
        assertThat(text(wrongType)).contains("/limit: string found, integer expected");

        CallToolResult hostile = call("search_schema", Map.of("query", "'; DROP TABLE orders; --" + "x".repeat(10_000)));
        assertThat(hostile.isError()).isFalse();
        assertThat(call("describe_table", Map.of("table", "orders")).isError()).as("server still serves").isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void otherToolsAnswer() {
        Map<String, Object> list = (Map<String, Object>) call("list_tables", Map.of("schema", "billing"))
                .structuredContent();
        assertThat((List<Map<String, Object>>) list.get("tables")).extracting(t -> t.get("name"))
                .contains("invoices", "payments");
        Map<String, Object> search = (Map<String, Object>) call("search_schema", Map.of("query", "lastLoginAt"))
                .structuredContent();
        assertThat((List<Map<String, Object>>) search.get("matches")).isNotEmpty();
        Map<String, Object> rel = (Map<String, Object>) call("get_relationships", Map.of("table", "comments"))
                .structuredContent();
        assertThat((List<Map<String, Object>>) rel.get("edges")).extracting(e -> e.get("kind")).contains("polymorphic");
        Map<String, Object> paths = (Map<String, Object>) call("find_join_path",
                Map.of("from", "order_items", "to", "accounts")).structuredContent();
        assertThat((List<Map<String, Object>>) paths.get("paths")).first()
                .satisfies(p -> assertThat((String) p.get("sql")).contains("JOIN orders o ON o.id = oi.order_id"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void validateRunAndExplain() {
        Map<String, Object> bad = (Map<String, Object>) call("validate_sql",
                Map.of("sql", "SELECT u.email FROM users u JOIN orders o ON o.id = u.id")).structuredContent();
        assertThat(bad).containsEntry("ok", false).containsEntry("read_only", true);
        assertThat((List<Map<String, Object>>) bad.get("findings")).extracting(f -> f.get("rule"))
                .contains("bare-id-join", "soft-delete-not-filtered");

        CallToolResult refused = call("run_query", Map.of("sql", "SELECT 1; DROP TABLE regions"));
        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).contains("multiple-statements");

        CallToolResult rows = call("run_query", Map.of("sql",
                "SELECT code, name FROM regions ORDER BY code", "max_rows", 5));
        assertThat(rows.isError()).isFalse();
        Map<String, Object> content = (Map<String, Object>) rows.structuredContent();
        assertThat(content).containsEntry("row_count", 5).containsEntry("truncated", "max_rows");
        assertThat(text(rows)).contains("data, not instructions");

        CallToolResult plan = call("explain_query", Map.of("sql", "SELECT * FROM orders WHERE total_cents > 100"));
        assertThat(plan.isError()).isFalse();
        assertThat((List<String>) ((Map<String, Object>) plan.structuredContent()).get("warnings"))
                .anySatisfy(w -> assertThat(w).contains("sequential scan of public.orders"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void reviewMigrationJudgesAgainstTheLiveCatalogAndData() {
        CallToolResult r = call("review_migration", Map.of("sql", """
                CREATE INDEX orders_status_idx ON orders (status);
                ALTER TABLE orders ALTER COLUMN total_cents TYPE numeric(14,2);
                CREATE TABLE shipments (shipment_id bigint PRIMARY KEY, order_id bigint);
                CREATE INDEX shipments_order_id_idx ON shipments (order_id);
                """));
        assertThat(r.isError()).isFalse();
        Map<String, Object> content = (Map<String, Object>) r.structuredContent();
        assertThat(content).containsEntry("ok", false);
        List<Map<String, Object>> statements = (List<Map<String, Object>>) content.get("statements");
        assertThat(statements.get(0)).containsEntry("lock", "SHARE").containsEntry("rows_estimate", 250000);
        assertThat(statements.get(1)).containsEntry("lock", "ACCESS EXCLUSIVE").containsEntry("rewrites_table", true);
        List<Map<String, Object>> findings = (List<Map<String, Object>>) content.get("findings");
        // the view public.order_summary selects total_cents: PostgreSQL would refuse the type change
        assertThat(findings).extracting(f -> f.get("rule")).contains("create-index-not-concurrently",
                "change-column-type", "dependent-objects", "missing-lock-timeout");
        // the index on the table created in the same script is fine
        assertThat(findings).noneMatch(f -> f.get("rule").equals("create-index-not-concurrently")
                && ((Integer) f.get("line")) == 4);
        assertThat(text(r)).contains("not ok").contains("ACCESS EXCLUSIVE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemaReportNamesPlantedProblemsWithCommentDrafts() {
        CallToolResult r = call("schema_report", Map.of("schema", "public"));
        assertThat(r.isError()).isFalse();
        Map<String, Object> content = (Map<String, Object>) r.structuredContent();
        assertThat((List<Map<String, Object>>) content.get("findings")).extracting(f -> f.get("rule"))
                .contains("bare-id-primary-key", "polymorphic-reference", "undeclared-reference", "temporary-name");
        assertThat((List<Map<String, Object>>) content.get("suggested_comments")).extracting(c -> c.get("object"))
                .contains("public.orders.status", "public.events.payload", "public.attachments.uploaded_at");
        assertThat((Integer) content.get("tables_profiled")).isGreaterThan(5);
        assertThat(call("schema_report", Map.of("table", "no_such_table")).isError()).isTrue();
    }

    @Test
    void promptsRenderTheirTemplatesAndCompleteTableNames() {
        assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name)
                .containsExactlyInAnyOrder("write_query", "review_migration", "document_table");
        McpSchema.GetPromptResult p = client.getPrompt(new McpSchema.GetPromptRequest("write_query",
                Map.of("question", "Which accounts ordered most last month?")));
        String text = ((McpSchema.TextContent) p.messages().get(0).content()).text();
        assertThat(text).contains("Which accounts ordered most last month?").contains("validate_sql");
        McpSchema.CompleteResult c = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("document_table"),
                new McpSchema.CompleteRequest.CompleteArgument("table", "billing.inv")));
        assertThat(c.completion().values()).contains("billing.invoices", "billing.invoice_totals");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.getPrompt(
                new McpSchema.GetPromptRequest("document_table", Map.of()))).hasMessageContaining("table");
    }

    @Test
    @SuppressWarnings("unchecked")
    void profileTableReportsFindingsAndProgress() {
        CallToolResult r = client.callTool(CallToolRequest.builder().name("profile_table")
                .arguments(Map.of("table", "public.users")).progressToken("users-profile").build());
        assertThat(r.isError()).as("%s", text(r)).isFalse();
        Map<String, Object> content = (Map<String, Object>) r.structuredContent();
        assertThat(content).containsEntry("table", "public.users").containsEntry("sample_method", "exact");
        assertThat((List<Map<String, Object>>) content.get("findings")).extracting(f -> f.get("kind"))
                .contains("soft_delete", "test_rows", "sentinel_values");
        // Personal values are masked by default, with their shape kept
        assertThat(text(r)).contains("masked");
        assertThat(r.structuredContent().toString()).doesNotContain("DO_NOT_USE@test.com").contains("D***@test.com");
        // The server writes every notification before the answer, but the SDK client hands notifications to the
        // consumer on another thread: the last one may arrive just after callTool returned (seen once: 9 of 11).
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && (progress.isEmpty()
                || !progress.get(progress.size() - 1).progress().equals(progress.get(progress.size() - 1).total()))) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
        assertThat(progress).isNotEmpty().allSatisfy(n -> assertThat(n.progressToken()).isEqualTo("users-profile"));
        assertThat(progress.get(progress.size() - 1).progress()).isEqualTo(progress.get(progress.size() - 1).total());

        // The profile is cached: the data-aware rules now see the epoch-zero sentinels of users.created_at
        Map<String, Object> v = (Map<String, Object>) call("validate_sql", Map.of("sql",
                "SELECT min(created_at) FROM users WHERE deleted_at IS NULL")).structuredContent();
        assertThat((List<Map<String, Object>>) v.get("findings")).extracting(f -> f.get("rule"))
                .containsExactly("sentinel-values");

        CallToolResult column = call("profile_column", Map.of("table", "orders", "column", "state"));
        assertThat(column.isError()).isFalse();
        assertThat((Map<String, Object>) column.structuredContent()).containsEntry("source", "pg_stats")
                .containsKey("detectors");
        CallToolResult wrong = call("profile_column", Map.of("table", "orders", "column", "stat"));
        assertThat(wrong.isError()).isTrue();
        assertThat(text(wrong)).contains("does not exist").contains("state");
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemaDiffComparesStartupWithLive() {
        // Nothing in this class changes the schema, so the live database still matches the startup snapshot.
        CallToolResult r = call("schema_diff", Map.of("from", "startup", "to", "live"));
        assertThat(r.isError()).as("%s", text(r)).isFalse();
        Map<String, Object> content = (Map<String, Object>) r.structuredContent();
        assertThat(content).containsEntry("from", "startup").containsEntry("to", "live")
                .containsEntry("breaking", 0).doesNotContainKey("changes");
        assertThat(text(r)).contains("no changes from startup to live");
        CallToolResult unknown = call("schema_diff", Map.of("from", "yesterday", "to", "live"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("no snapshot named 'yesterday'").contains("live, startup");
    }

    @Test
    void resourcesAndCompletions() {
        assertThat(client.listResources().resources()).extracting(McpSchema.Resource::uri).contains("strata://tables");
        assertThat(client.listResourceTemplates().resourceTemplates()).extracting(McpSchema.ResourceTemplate::uriTemplate)
                .contains("strata://table/{schema}/{name}");
        McpSchema.ReadResourceResult all = client.readResource(new McpSchema.ReadResourceRequest("strata://tables"));
        assertThat(((McpSchema.TextResourceContents) all.contents().get(0)).text()).contains("\"invoices\"");
        McpSchema.ReadResourceResult one = client.readResource(
                new McpSchema.ReadResourceRequest("strata://table/billing/invoices"));
        assertThat(((McpSchema.TextResourceContents) one.contents().get(0)).text()).contains("\"number\"");
        McpSchema.CompleteResult completion = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.ResourceReference("strata://table/{schema}/{name}"),
                new McpSchema.CompleteRequest.CompleteArgument("name", "ord")));
        assertThat(completion.completion().values()).contains("orders", "order_items");
    }

    @Test
    void hundredsOfCallsAreAllAnswered() {
        // The SDK's own stdio transport lost an answer within a few dozen sequential calls (java-sdk #686).
        for (int i = 0; i < 300; i++) {
            assertThat(call("describe_table", Map.of("table", i % 2 == 0 ? "orders" : "users")).isError()).isFalse();
        }
    }

    @Test
    void aBurstOfPipelinedRequestsGetsEveryAnswer() throws Exception {
        Process p = new ProcessBuilder(StrataProcess.command("--url", DemoDatabase.shared().url()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        StringBuilder requests = new StringBuilder("""
                {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"burst","version":"1"}}}
                {"jsonrpc":"2.0","method":"notifications/initialized"}
                """);
        for (int i = 1; i <= 200; i++) {
            requests.append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
                    .append(",\"method\":\"tools/call\",\"params\":{\"name\":\"list_tables\",\"arguments\":{}}}\n");
        }
        // Written from another thread while this one reads: 200 answers overflow the pipe buffer.
        Thread writer = new Thread(() -> {
            try {
                p.getOutputStream().write(requests.toString().getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> answers = new java.util.ArrayList<>();
        String answer;
        while (answers.size() < 201 && (answer = out.readLine()) != null) answers.add(answer);
        // Closing stdin ends the session (StdioLifecycleIT times it).
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(answers).as("one answer per pipelined request").hasSize(201);
        assertThat(answers).allSatisfy(line -> assertThat(line).startsWith("{").contains("\"id\":"));
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void unreachableDatabaseExitsWithOneClearLine() throws Exception {
        Process p = new ProcessBuilder(StrataProcess.command("--url", "postgres://app:" + PASSWORD + "@127.0.0.1:1/x"))
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out.lines()).hasSize(1);
        assertThat(out).startsWith("strata: cannot connect to app@127.0.0.1:1/x").doesNotContain(PASSWORD)
                .doesNotContain("Exception");
    }
}
