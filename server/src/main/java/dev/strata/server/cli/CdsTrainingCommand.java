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

    /** A small schema with the shapes the tools look at: keys, a foreign key, comments, a soft-delete column. */
    private static final String TRAINING_SCHEMA = """
            CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL, deleted_at timestamptz);
            COMMENT ON TABLE accounts IS 'Customer accounts';
            CREATE TABLE users (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts, email text,
                                created_at timestamp);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users, account_id bigint,
                                 state smallint, total_cents bigint, owner_type text, owner_id bigint, payload jsonb);
            CREATE INDEX orders_user_id ON orders (user_id);
            INSERT INTO accounts SELECT g, 'account ' || g, CASE WHEN g % 7 = 0 THEN now() END
              FROM generate_series(1, 50) g;
            INSERT INTO users SELECT g, 1 + g % 50, 'u' || g || '@example.com', now() FROM generate_series(1, 500) g;
            INSERT INTO orders SELECT g, 1 + g % 500, 1 + g % 50, g % 4, g * 10, 'users', 1 + g % 500,
                                      jsonb_build_object('v', g % 3) FROM generate_series(1, 2000) g;
            ANALYZE;
            """;

    /** The calls a client makes first, answered by the real server against the training database. */
    private static final List<String> DATABASE_SESSION = List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"training\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            call(3, "describe_table", "{\"table\":\"orders\"}"),
            call(4, "list_tables", "{}"),
            call(5, "search_schema", "{\"query\":\"user\"}"),
            call(6, "get_relationships", "{\"table\":\"orders\"}"),
            call(7, "find_join_path", "{\"from\":\"orders\",\"to\":\"accounts\"}"),
            call(8, "validate_sql", "{\"sql\":\"SELECT o.id FROM orders o JOIN users u ON u.id = o.id\"}"),
            call(9, "run_query", "{\"sql\":\"SELECT id, name FROM accounts ORDER BY id LIMIT 3\"}"),
            call(10, "explain_query", "{\"sql\":\"SELECT * FROM orders WHERE user_id = 3\"}"),
            call(11, "profile_column", "{\"table\":\"orders\",\"column\":\"state\"}"),
            call(12, "describe_table", "{\"table\":\"users\"}"),
            "{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"resources/read\",\"params\":{\"uri\":\"strata://tables\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":14,\"method\":\"prompts/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":15,\"method\":\"ping\"}");

    private static String call(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    /**
     * The production start-up path exactly as a client drives it — CLI, early initialize, connection pool,
     * catalog load, relationship inference, the first tool answers — against an embedded PostgreSQL with a small
     * schema, so that the archive holds those classes (and, on JDK 25, their profiles) too.
     */
    private static void trainWithDatabase() throws Exception {
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = io.zonky.test.db.postgres.embedded
                .EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            try (java.sql.Connection c = pg.getPostgresDatabase().getConnection();
                 java.sql.Statement st = c.createStatement()) {
                st.execute(TRAINING_SCHEMA);
            }
            java.io.PipedOutputStream client = new java.io.PipedOutputStream();
            java.io.PipedInputStream serverIn = new java.io.PipedInputStream(client, 1 << 20);
            long expected = DATABASE_SESSION.stream().filter(l -> l.contains("\"id\"")).count();
            java.util.concurrent.atomic.AtomicLong lines = new java.util.concurrent.atomic.AtomicLong();
            OutputStream counting = new OutputStream() {
                @Override
                public void write(int b) {
                    if (b == '\n') lines.incrementAndGet();
                }
            };
            java.io.InputStream stdin = System.in;
            PrintStream stdout = System.out;
            Thread feeder = new Thread(() -> {
                try {
                    for (String line : DATABASE_SESSION) client.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    client.flush();
                    long deadline = System.nanoTime() + 120_000_000_000L;
                    while (lines.get() < expected && System.nanoTime() < deadline) Thread.sleep(20);
                    client.close();
                } catch (Exception e) {
                    System.err.println("strata: training session: " + e.getMessage());
                }
            }, "strata-training-client");
            try {
                System.setIn(serverIn);
                System.setOut(new PrintStream(counting, true, StandardCharsets.UTF_8));
                feeder.start();
                StrataCli.run(Map.of(), "--url", "postgres://postgres@localhost:" + pg.getPort() + "/postgres",
                        "--poll-interval", "0");
                feeder.join(1_000);
            } finally {
                System.setIn(stdin);
                System.setOut(stdout);
            }
            if (lines.get() < expected) {
                System.err.println("strata: training session got " + lines.get() + " of " + expected + " answers");
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        try {
            trainWithDatabase();
        } catch (Exception | LinkageError e) {
            // No embedded PostgreSQL here: the session without a database below still trains the MCP path.
            System.err.println("strata: training without a database (" + e.getMessage() + ")");
        }
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
        Launcher.serveStdio(mcp, new ByteArrayInputStream(SESSION.getBytes(StandardCharsets.UTF_8)),
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
