package dev.strata.server;

import dev.strata.catalog.Relation;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.server.mcp.StrataMcp;

import java.util.Map;

/**
 * Runs the tools' cold code once in the background after the catalog has loaded: the first validate_sql of a
 * session otherwise pays for loading and warming the SQL parser and the rules, the first describe_table for the
 * profile service and the renderers. Results are dropped; a failure is ignored (the real call reports it).
 */
public final class Warmup {

    private Warmup() {
    }

    /**
     * The MCP SDK checks every tool call's arguments and structured result against the tool's JSON schemas; the
     * first check loads and warms the schema validator. Done here, once the server is built, it is off the path
     * of the first tool call (which usually waits for the catalog meanwhile).
     */
    public static void schemas(StrataMcp mcp) {
        Thread t = new Thread(() -> {
            try {
                var validator = io.modelcontextprotocol.json.McpJsonDefaults.getSchemaValidator();
                for (var tool : mcp.toolDefinitions()) {
                    if (tool.inputSchema() != null) validator.validate(tool.inputSchema(), Map.of());
                    if (tool.outputSchema() != null) validator.validate(tool.outputSchema(), Map.of());
                }
                StartupTrace.mark("schema validator warm");
            } catch (RuntimeException | LinkageError e) {
                // a warm-up only
            }
        }, "strata-warmup-schemas");
        t.setDaemon(true);
        t.start();
    }

    public static void start(StrataMcp mcp, SchemaKnowledge knowledge) {
        Thread t = new Thread(() -> run(mcp, knowledge), "strata-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * Waits (up to 10 s) while a client's call runs: on two cores a warm-up beside the first real call only slows
     * it down (measured: the first describe_table answered just after the warm-up's own, not before it).
     */
    private static void giveWay(StrataMcp mcp) throws InterruptedException {
        for (int i = 0; i < 200 && mcp.clientCallInFlight(); i++) Thread.sleep(50);
    }

    static void run(StrataMcp mcp, SchemaKnowledge knowledge) {
        try {
            // Let a client's first call, which may have been waiting for the catalog, go first.
            Thread.sleep(150);
            Relation first = knowledge.catalog().relations().stream().findFirst().orElse(null);
            if (first == null) return;
            String table = '"' + first.schema().replace("\"", "\"\"") + "\".\"" + first.name().replace("\"", "\"\"")
                    + '"';
            giveWay(mcp);
            mcp.call("describe_table", Map.of("table", table));
            giveWay(mcp);
            mcp.call("validate_sql", Map.of("sql", "SELECT * FROM " + table + " t WHERE 1 = 1 LIMIT 1"));
            StartupTrace.mark("warm-up done");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            // a warm-up only
        }
    }
}
