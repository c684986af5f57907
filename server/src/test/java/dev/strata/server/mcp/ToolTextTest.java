package dev.strata.server.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The text renderings and completions as a model reads them, on the demo database. */
class ToolTextTest {

    static InProcessStrata strata;

    @BeforeAll
    static void start() {
        strata = new InProcessStrata();
    }

    @AfterAll
    static void stop() {
        strata.close();
    }

    static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    @Test
    void schemaReportFindingsHaveNoNullPlace() {
        CallToolResult r = strata.mcp.call("schema_report", Map.of("schema", "billing"));
        assertThat(r.isError()).as(text(r)).isFalse();
        assertThat(text(r)).contains(" finding(s)").doesNotContain("null:null").doesNotContain("null");
        // summary counts come first (issue 12's budget); every finding line starts with its severity and rule
        assertThat(text(r).lines().filter(l -> l.matches("(error|warning|info) [a-z-]+: .*")))
                .isNotEmpty().noneMatch(l -> l.contains(" null"));
    }

    @Test
    void searchSaysWhatKindOfRelationOnce() {
        String text = text(strata.mcp.call("search_schema", Map.of("query", "invoices")));
        assertThat(text).contains("billing.invoices (table)").doesNotContain("(table, table)");
        assertThat(text(strata.mcp.call("search_schema", Map.of("query", "invoice_totals"))))
                .contains("billing.invoice_totals (view)");
        assertThat(text(strata.mcp.call("search_schema", Map.of("query", "orders.state"))))
                .contains("public.orders.state (column, smallint)");
    }

    @Test
    void promptCompletionMatchesSchemaPrefixAndSubstring() {
        McpSchema.CompleteResult bil = strata.mcp.completePrompt(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("document_table"),
                new McpSchema.CompleteRequest.CompleteArgument("table", "bil")));
        assertThat(bil.completion().values()).contains("billing.invoices", "billing.payments");
        McpSchema.CompleteResult upper = strata.mcp.completePrompt(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("document_table"),
                new McpSchema.CompleteRequest.CompleteArgument("table", "Billing.INV")));
        assertThat(upper.completion().values()).contains("billing.invoices");
        McpSchema.CompleteResult inside = strata.mcp.completePrompt(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("write_query"),
                new McpSchema.CompleteRequest.CompleteArgument("table", "voice")));
        assertThat(inside.completion().values()).contains("billing.invoices");
        McpSchema.CompleteResult template = strata.mcp.complete(new McpSchema.CompleteRequest(
                new McpSchema.ResourceReference("strata://table/{schema}/{name}"),
                new McpSchema.CompleteRequest.CompleteArgument("name", "ITEM")));
        assertThat(template.completion().values()).contains("order_items");
    }
}
