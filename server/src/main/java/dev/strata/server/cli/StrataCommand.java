package dev.strata.server.cli;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.db.DatabaseUnavailableException;
import dev.strata.schema.LiveSchema;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.server.Launcher;
import dev.strata.server.mcp.StrataMcp;
import io.modelcontextprotocol.json.McpJsonMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code strata [--url URL] [--http …]}: serve the database over MCP. Subcommands are the other verbs.
 */
@Command(name = "strata", mixinStandardHelpOptions = true, version = Launcher.NAME + " " + Launcher.VERSION,
        description = "MCP server that tells AI assistants what a PostgreSQL catalog does not.",
        subcommands = {DemoCommand.class, CdsTrainingCommand.class})
public class StrataCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ServeOptions serve;

    @Override
    public Integer call() throws Exception {
        ConnectionSettings settings = connection.settings();
        // Connecting (driver classes, TCP, authentication) runs beside the MCP start-up instead of before it;
        // if it fails, the process still ends with one line and exit code 2.
        CompletableFuture<Database> database = CompletableFuture.supplyAsync(() -> Database.connect(settings));
        database.whenComplete((db, failure) -> {
            if (failure != null) unreachable(failure);
        });
        int code = serve(database, settings, connection, serve);
        try {
            database.join();
        } catch (CompletionException e) {
            unreachable(e);
        }
        return code;
    }

    /** The database cannot be reached: one line, exit code 2, whichever thread notices first. */
    private static synchronized void unreachable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        System.err.println("strata: " + ConnectionSettings.redactUrl(cause.getMessage()));
        System.err.flush();
        Runtime.getRuntime().halt(2);
    }

    /** Serves the database until the client goes away (stdio) or the process is stopped (HTTP). */
    static int serve(CompletableFuture<Database> database, ConnectionSettings settings, ConnectionOptions connection,
                     ServeOptions serve) throws Exception {
        List<String> schemas = connection.schemas();
        LiveSchema live = new LiveSchema(() -> SchemaKnowledge.load(database.join(), schemas)).startLoading();
        McpJsonMapper json = Launcher.jsonMapper();
        StrataMcp mcp = new StrataMcp(live, json);
        if (serve.http) {
            var http = serve.httpSettings();
            database.join();
            Launcher.serveHttp(mcp, http);
            System.err.println("strata: serving " + settings.redacted() + " on http://" + http.bind()
                    + ":" + http.port() + "/mcp" + (http.stateless() ? " (stateless)" : ""));
            Thread.currentThread().join();
        } else {
            Launcher.serveStdio(mcp, json);
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and maps failures to one line on stderr and exit code 2. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new StrataCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException || e instanceof DatabaseUnavailableException
                    || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("strata: " + ConnectionSettings.redactUrl(e.getMessage()));
                return 2;
            }
            commandLine.getErr().println("strata: " + e.getClass().getSimpleName() + ": "
                    + ConnectionSettings.redactUrl(Database.rootMessage(e)));
            return 2;
        });
        return cli.execute(args);
    }
}
