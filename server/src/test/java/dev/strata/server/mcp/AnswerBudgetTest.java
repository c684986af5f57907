package dev.strata.server.mcp;

import dev.strata.json.Json;
import dev.strata.migration.MigrationService;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer fits its budget, a cut answer says what it left out, and offset pages through the rest. */
class AnswerBudgetTest {

    static InProcessStrata strata;
    static StrataMcp mcp;
    static MigrationService migrations;

    @BeforeAll
    static void start() {
        strata = new InProcessStrata();
        mcp = strata.mcp;
        migrations = strata.migrations;
    }

    @AfterAll
    static void stop() {
        strata.close();
    }

    /** A migration of about 620 KB whose statements each draw findings: the case that once answered 17 MB. */
    static String largeMigration() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 620 * 1024; i++) {
            sb.append("ALTER TABLE orders ADD COLUMN note_").append(i).append(" timestamp;\n")
                    .append("CREATE INDEX orders_note_").append(i).append("_idx ON orders (note_").append(i).append(");\n")
                    .append("UPDATE orders SET note_").append(i).append(" = now();\n");
        }
        return sb.toString();
    }

    static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    static long size(CallToolResult r) {
        return Json.write(r.structuredContent()).getBytes(StandardCharsets.UTF_8).length
                + text(r).getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLargeMigrationIsAnsweredWithinBudgetAndPagedByOffset() {
        String sql = largeMigration();
        long start = System.nanoTime();
        CallToolResult first = mcp.call("review_migration", Map.of("sql", sql));
        System.out.printf("review_migration of %d KB: %.1f s, answer %d KB%n", sql.length() / 1024,
                (System.nanoTime() - start) / 1e9, size(first) / 1024);
        assertThat(first.isError()).as(text(first)).isFalse();
        assertThat(text(first).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AnswerBudget.TEXT_BYTES);
        assertThat(size(first)).isLessThan(AnswerBudget.STRUCTURED_BYTES + AnswerBudget.TEXT_BYTES);
        Map<String, Object> s = (Map<String, Object>) first.structuredContent();
        Map<String, Object> omitted = (Map<String, Object>) s.get("omitted");
        assertThat(omitted).containsKeys("findings", "statements");
        Map<String, Object> findings = (Map<String, Object>) omitted.get("findings");
        assertThat((Map<String, Object>) findings.get("by")).containsKeys("create-index-not-concurrently",
                "update-without-where");
        assertThat(text(first)).contains("answer cut to its size budget").contains("pass offset: ");

        // Paging with next_offset delivers every finding exactly once, in order.
        int statements = sql.split(";\n").length;
        int total = ((List<Object>) s.get("findings")).size() + ((Number) findings.get("count")).intValue();
        long pagingStart = System.nanoTime();
        List<Object> all = new ArrayList<>((List<Object>) s.get("findings"));
        int pages = 1;
        Object next = s.get("next_offset");
        while (next != null && pages < 200) {
            int requested = ((Number) next).intValue();
            Map<String, Object> args = new HashMap<>(Map.of("sql", sql, "offset", next));
            CallToolResult page = mcp.call("review_migration", args);
            assertThat(page.isError()).isFalse();
            assertThat(size(page)).isLessThan(AnswerBudget.STRUCTURED_BYTES + AnswerBudget.TEXT_BYTES);
            Map<String, Object> ps = (Map<String, Object>) page.structuredContent();
            List<Object> more = (List<Object>) ps.getOrDefault("findings", List.of());
            all.addAll(more);
            next = ps.get("next_offset");
            pages++;
            if (next == null) assertThat(text(page)).contains("last items");
            if (pages == 2) {
                // a page's text renders the page's own items, after the note
                assertThat(text(page)).startsWith("[items from " + (requested + 1) + " on; ")
                        .doesNotContain("\n1. line 1:");
            }
        }
        assertThat(next).isNull();
        assertThat(all).hasSize(total).doesNotHaveDuplicates();
        assertThat(all).extracting(f -> ((Number) ((Map<String, Object>) f).get("line")).intValue()).isSorted();
        System.out.printf("%d statements, %d findings in %d pages (%.1f s for the pages after the first)%n",
                statements, all.size(), pages, (System.nanoTime() - pagingStart) / 1e9);

        // the server keeps answering
        assertThat(mcp.call("validate_sql", Map.of("sql", "SELECT count(*) FROM regions")).isError()).isFalse();
    }

    @Test
    void inputsBeyondTheirLimitAreClearErrors() {
        CallToolResult big = mcp.call("review_migration", Map.of("sql", "SELECT 1;\n".repeat(210_000)));
        assertThat(big.isError()).isTrue();
        assertThat(text(big)).isEqualTo("sql is 2,100,000 characters long; review_migration accepts at most "
                + "2,000,000: split it into smaller parts");
        CallToolResult name = mcp.call("describe_table", Map.of("table", "t".repeat(16_385)));
        assertThat(name.isError()).isTrue();
        assertThat(text(name)).startsWith("table is 16,385 characters long; describe_table accepts at most 16,384");
        CallToolResult query = mcp.call("run_query", Map.of("sql", "SELECT 1 " + " ".repeat(200_000)));
        assertThat(text(query)).contains("run_query accepts at most 200,000");
        CallToolResult negative = mcp.call("validate_sql", Map.of("sql", "SELECT 1", "offset", -1));
        assertThat(negative.isError()).isTrue();
        assertThat(text(negative)).isEqualTo("offset must be at least 0 (got -1)");
        CallToolResult depth = mcp.call("get_relationships", Map.of("depth", 50));
        assertThat(text(depth)).isEqualTo("depth must be between 1 and 5 (got 50)");
    }

    @Test
    void everyStringArgumentIsBoundedInTheSchema() {
        for (var tool : mcp.toolDefinitions()) {
            Map<?, ?> properties = (Map<?, ?>) tool.inputSchema().get("properties");
            properties.forEach((name, schema) -> {
                Map<?, ?> p = (Map<?, ?>) schema;
                if ("string".equals(p.get("type"))) assertThat(p.get("maxLength")).as(tool.name() + "." + name).isNotNull();
            });
            @SuppressWarnings("unchecked")
            Map<String, Object> out = (Map<String, Object>) tool.outputSchema().get("properties");
            assertThat(out).as(tool.name()).containsKeys("omitted", "next_offset");
        }
    }

    record Page(String title, List<String> items, List<Integer> numbers) {
    }

    record Table(List<String> columns, List<String> rows) {
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBudgetCutsAnyRecordAndItsTextAlike() {
        List<String> items = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            items.add("item " + i + " " + "x".repeat(100));
            numbers.add(i);
        }
        Page page = new Page("t", items, numbers.subList(0, 10));
        AnswerBudget budget = new AnswerBudget(16 * 1024, 64 * 1024);
        java.util.function.Function<Object, String> render = v -> String.join("\n", ((Page) v).items());
        AnswerBudget.Fitted first = budget.fit(page, render.apply(page), render, 0, true);
        List<String> shown = (List<String>) first.structured().get("items");
        assertThat(shown).isNotEmpty().hasSizeLessThan(5_000);
        assertThat(first.text()).startsWith("[answer cut").contains("\nitem 0 ").contains("item " + (shown.size() - 1) + " ")
                .doesNotContain("item " + shown.size() + " ");
        assertThat(first.structured().get("numbers")).isEqualTo(numbers.subList(0, 10));
        assertThat(first.structured().get("next_offset")).isEqualTo(shown.size());
        assertThat(first.text()).contains("left out: " + String.format(java.util.Locale.ROOT, "%,d", 5_000 - shown.size())
                + " items; pass offset: " + shown.size());

        // without a renderer the text is cut at a line; without offset the note says to narrow the request
        AnswerBudget.Fitted plain = budget.fit(page, render.apply(page), null, 0, false);
        assertThat(plain.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(16 * 1024);
        assertThat(plain.text()).contains("narrow the request").doesNotContain("next_offset");
        assertThat(plain.structured()).doesNotContainKey("next_offset");

        // one huge item alone: kept, its long strings shortened
        Page huge = new Page("y".repeat(200_000), List.of("z".repeat(300_000)), List.of());
        AnswerBudget.Fitted one = budget.fit(huge, "short", null, 0, false);
        assertThat(Json.write(one.structured()).length()).isLessThan(64 * 1024);
        assertThat(one.structured().get("title").toString()).endsWith("(196000 more characters)");

        // small lists describe the big ones (run_query's columns for its rows): never cut, on every page
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < 60; i++) columns.add("c" + i);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) rows.add("r" + i + "-" + "v".repeat(2_000));
        Table table = new Table(columns, rows);
        AnswerBudget.Fitted wide = budget.fit(table, "rows", null, 0, true);
        assertThat((List<String>) wide.structured().get("rows")).hasSizeLessThan(60);
        assertThat(wide.structured().get("columns")).isEqualTo(columns);
        assertThat((Map<String, Object>) wide.structured().get("omitted")).containsOnlyKeys("rows");
        AnswerBudget.Fitted second = budget.fit(table, "rows", null, (Integer) wide.structured().get("next_offset"), true);
        assertThat(second.structured().get("columns")).isEqualTo(columns);

        // an answer within budget is untouched
        Page small = new Page("t", List.of("a", "b"), List.of(1));
        AnswerBudget.Fitted same = budget.fit(small, "a\nb", render, 0, true);
        assertThat(same.cut()).isFalse();
        assertThat(same.text()).isEqualTo("a\nb");
        assertThat(same.structured()).isEqualTo(Json.toMap(small));
    }
}
