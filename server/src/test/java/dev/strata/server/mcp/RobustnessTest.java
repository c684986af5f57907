package dev.strata.server.mcp;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.migration.MigrationService;
import dev.strata.migration.ReviewConfig;
import dev.strata.query.QueryLimits;
import dev.strata.profile.ProfileOptions;
import dev.strata.profile.ProfileService;
import dev.strata.query.QueryService;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.server.Launcher;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 malformed, random and hostile inputs through validate_sql and run_query (the tool handlers, in
 * process): no exception escapes, every answer is a well-formed tool result, and the server keeps answering.
 * Inputs are generated from a fixed seed, so a failure reproduces.
 */
class RobustnessTest {

    static final String[] SEEDS = {
            "SELECT o.id, u.email FROM orders o JOIN users u ON u.id = o.user_id WHERE u.deleted_at IS NULL",
            "WITH t AS (SELECT account_id, sum(total_cents) s FROM orders GROUP BY 1) SELECT * FROM t ORDER BY s DESC LIMIT 5",
            "SELECT c.body FROM comments c WHERE c.commentable_type = 'order' AND c.commentable_id = 42",
            "SELECT * FROM billing.invoices i WHERE i.status = 'paid' AND EXISTS (SELECT 1 FROM orders o WHERE o.id = i.order_id)",
            "SELECT $$a;b$$, E'\\\\x', U&'\\0041', \"lastLoginAt\" FROM users WHERE deleted_at IS NULL",
            "SELECT 1; DROP TABLE regions",
            "/* c */ SELECT (SELECT (SELECT 1)) -- x",
            "BEGIN; ALTER TABLE orders ADD COLUMN x uuid DEFAULT gen_random_uuid(), ALTER COLUMN status TYPE text; COMMIT;",
            "ALTER TABLE users ADD CONSTRAINT u CHECK (email IS NOT NULL) NOT VALID; ALTER TABLE users VALIDATE CONSTRAINT u",
            "DO $$ BEGIN EXECUTE 'CREATE INDEX CONCURRENTLY i ON orders (user_id)'; END $$; DROP INDEX CONCURRENTLY IF EXISTS i",
            "CREATE TABLE t (id bigint PRIMARY KEY, owner_type text, owner_id bigint REFERENCES users, at timestamp)",
    };
    static final String[] NOISE = {"'", "\"", "$$", "$a$", "(", ")", ";", "--", "/*", "*/", "\\", "E'", "U&'", ",", ".",
            "::", "SELECT", "FROM", "WHERE", "JOIN", "ON", "DROP", "pg_sleep(", "pg_read_file(", "\u0000", "\uD800",
            "\n", "\t", "é", "🦄", "NULL", "1e309", "9999999999999999999999", "AND", "OR", "UNION", "*", "="};

    @Test
    void noInputBreaksTheTools() {
        DemoDatabase demo = DemoDatabase.shared();
        Database db = Database.connect(ConnectionSettings.parse(demo.url()));
        SchemaKnowledge knowledge = SchemaKnowledge.load(db, List.of());
        QueryLimits limits = new QueryLimits(Duration.ofSeconds(2), Duration.ofSeconds(1), 50, 64 * 1024, 1000);
        ProfileService profiles = new ProfileService(() -> knowledge, db, ProfileOptions.defaults());
        QueryService service = new QueryService(() -> knowledge, db, limits, false, profiles.cache());
        MigrationService migrations = new MigrationService(() -> knowledge, db, ReviewConfig.DEFAULT);
        StrataMcp mcp = new StrataMcp(() -> knowledge, () -> service, () -> profiles, () -> migrations,
                new dev.strata.drift.SnapshotStore(() -> dev.strata.drift.Snapshots.take(db, List.of()), null), false,
                Launcher.jsonMapper());

        Random random = new Random(20261122L);
        List<String> inputs = new ArrayList<>();
        while (inputs.size() < 10_000) inputs.add(mutate(random));
        inputs.add("(".repeat(5_000) + "1" + ")".repeat(5_000));
        inputs.add("SELECT " + "1+".repeat(20_000) + "1");
        inputs.add("x".repeat(300_000));

        int errors = 0;
        int ran = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String tool = switch (i % 3) {
                case 0 -> "validate_sql";
                case 1 -> "run_query";
                default -> "review_migration";
            };
            CallToolResult r = mcp.call(tool, Map.of("sql", inputs.get(i)));
            assertThat(r).as("input %d", i).isNotNull();
            assertThat(r.content()).as("input %d has a text rendering", i).isNotEmpty();
            assertThat(((TextContent) r.content().get(0)).text()).as("input %d", i).isNotBlank();
            if (Boolean.TRUE.equals(r.isError())) errors++;
            else if (tool.equals("run_query")) ran++;
            if (!Boolean.TRUE.equals(r.isError())) assertThat(r.structuredContent()).as("input %d", i).isNotNull();
        }
        System.out.printf("robustness: %d inputs, %d error results, %d queries actually ran%n", inputs.size(), errors, ran);
        assertThat(mcp.call("schema_diff", Map.of("from", "", "to", "live")).isError()).isTrue();
        for (String name : List.of("../../etc/passwd", "live.json", "\u0000", "x".repeat(10_000), "STARTUP")) {
            CallToolResult r = mcp.call("schema_diff", Map.of("from", name, "to", "live"));
            assertThat(r.isError()).as("schema_diff from %s", name).isTrue();
            assertThat(((TextContent) r.content().get(0)).text()).contains("known snapshots: live, startup");
        }
        assertThat(mcp.call("schema_diff", Map.of("from", "startup", "to", "live")).isError()).isFalse();
        CallToolResult still = mcp.call("run_query", Map.of("sql", "SELECT count(*) FROM regions"));
        assertThat(still.isError()).isFalse();
        db.close();
    }

    static String mutate(Random random) {
        StringBuilder sb = new StringBuilder(SEEDS[random.nextInt(SEEDS.length)]);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.insert(at, NOISE[random.nextInt(NOISE.length)]);
                case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(8)));
                case 2 -> sb.insert(at, (char) random.nextInt(0x3000));
                default -> {
                    int len = Math.min(sb.length() - at, 1 + random.nextInt(10));
                    String chunk = sb.substring(at, at + len);
                    sb.insert(random.nextInt(sb.length() + 1), chunk);
                }
            }
        }
        return sb.toString();
    }
}
