package dev.strata.server.cli;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.ServerInfo;
import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.db.DatabaseUnavailableException;
import dev.strata.guardrail.QueryGuard;
import dev.strata.relationships.RelationshipGraph;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.schema.SoftDeleteUsage;
import dev.strata.migration.MigrationReviewer;
import dev.strata.migration.MigrationService;
import dev.strata.migration.Review;
import dev.strata.migration.ReviewConfig;
import dev.strata.migration.ReviewOptions;
import dev.strata.migration.report.SarifReport;
import dev.strata.migration.report.TextReport;
import dev.strata.server.Launcher;
import dev.strata.server.mcp.StrataMcp;
import io.modelcontextprotocol.json.McpJsonMapper;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The build's training run for the class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}): walks the
 * start-up path of a stdio session (driver, pool, MCP handshake, a few tool calls) without a database, so the
 * classes a real start needs are the ones archived. Not listed in the help: it is a build step, not a user command.
 */
final class CdsTrainingCommand implements Callable<Integer> {

    private static final String SESSION = String.join("\n",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"cds\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_tables\",\"arguments\":{}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"describe_table\","
                    + "\"arguments\":{\"table\":\"orders\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"resources/read\",\"params\":{\"uri\":\"strata://tables\"}}",
            "") ;

    @Override
    public Integer call() throws Exception {
        try {
            Database.connect(ConnectionSettings.parse("postgres://cds@127.0.0.1:1/none")).close();
        } catch (DatabaseUnavailableException expected) {
            // The point was loading the driver and pool classes.
        }
        Catalog empty = new Catalog(new ServerInfo(170000, "17", "none", "cds", List.of("public")), List.of(),
                Instant.now());
        SchemaKnowledge knowledge = new SchemaKnowledge(empty, RelationshipGraph.fromCatalogOnly(empty),
                SoftDeleteUsage.none());
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        StrataCli.run(Map.of(), "--help");
        System.setOut(stdout);
        McpJsonMapper json = Launcher.jsonMapper();
        StrataMcp mcp = new StrataMcp(() -> knowledge, () -> {
            throw new DatabaseUnavailableException("no database in the training run", null);
        }, () -> {
            throw new DatabaseUnavailableException("no database in the training run", null);
        }, () -> new MigrationService(() -> knowledge, null, ReviewConfig.DEFAULT),
                new dev.strata.drift.SnapshotStore(() -> dev.strata.drift.Snapshot.of(empty, List.of()), null), false,
                json);
        Launcher.serveStdio(mcp, json, new ByteArrayInputStream(SESSION.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(OutputStream.nullOutputStream()));
        // The guardrail's classes (lexer, JSqlParser, rules) are what the first validate_sql/run_query loads.
        new QueryGuard(() -> knowledge, null).validate(
                "WITH t AS (SELECT a.id, count(*) AS n FROM orders a JOIN users b ON b.id = a.user_id GROUP BY 1) "
                        + "SELECT * FROM t WHERE n > 1 ORDER BY n DESC LIMIT 5");
        // … and what `check` loads: the recogniser, every migration rule, the reports.
        Review review = new MigrationReviewer(Optional.empty(), ReviewConfig.DEFAULT).review("""
                BEGIN; SET lock_timeout = '5s';
                CREATE TABLE t (t_id bigint PRIMARY KEY, owner_type text, owner_id bigint, at timestamp);
                CREATE INDEX CONCURRENTLY t_idx ON orders (user_id);
                ALTER TABLE orders ADD COLUMN x uuid DEFAULT gen_random_uuid(), ALTER COLUMN y TYPE text;
                ALTER TABLE orders ADD CONSTRAINT c CHECK (x IS NOT NULL) NOT VALID;
                DO $$ BEGIN ALTER TABLE orders ALTER COLUMN z SET NOT NULL; END $$;
                VACUUM (FULL) orders; DROP INDEX i; DELETE FROM orders; \\echo done
                COMMIT;
                """, ReviewOptions.DEFAULT);
        TextReport.render(review, true);
        SarifReport.render(review, Launcher.VERSION);
        dev.strata.json.Json.pretty(review);
        return 0;
    }
}
