package dev.strata.server.cli;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.profile.ProfileOptions;
import dev.strata.profile.ProfileService;
import dev.strata.drift.SnapshotStore;
import dev.strata.drift.Snapshots;
import dev.strata.query.QueryLimits;
import dev.strata.migration.MigrationService;
import dev.strata.migration.ReviewConfig;
import dev.strata.query.QueryService;
import dev.strata.schema.LiveSchema;
import dev.strata.schema.SchemaWatcher;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.server.Launcher;
import dev.strata.server.StartupTrace;
import dev.strata.server.StdioTransport;
import dev.strata.server.mcp.StrataMcp;
import io.modelcontextprotocol.json.McpJsonMapper;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Serves a database over MCP until the client goes away (stdio) or the process is stopped (HTTP). */
final class ServeCommand implements Callable<Integer> {

    private final ConnectionSettings settings;
    private final List<String> schemas;
    private final Launcher.HttpSettings http;
    private final QueryLimits limits;
    private final boolean allowWrites;
    private final ProfileOptions profileOptions;
    private final java.time.Duration pollInterval;
    private final java.nio.file.Path snapshotDir;
    private boolean privilegedRoleExpected;

    /**
     * @param http         null for stdio
     * @param pollInterval how often the schema watcher checks the catalog fingerprint; zero: never
     * @param snapshotDir  snapshot files schema_diff can compare by name, or null
     */
    ServeCommand(ConnectionSettings settings, List<String> schemas, Launcher.HttpSettings http, QueryLimits limits,
                 boolean allowWrites, ProfileOptions profileOptions, java.time.Duration pollInterval,
                 java.nio.file.Path snapshotDir) {
        this.profileOptions = profileOptions;
        this.settings = settings;
        this.schemas = schemas;
        this.http = http;
        this.limits = limits;
        this.allowWrites = allowWrites;
        this.pollInterval = pollInterval;
        this.snapshotDir = snapshotDir;
    }

    /** The demo's embedded superuser is deliberate: no warning about the role's powers. */
    ServeCommand expectingPrivilegedRole() {
        privilegedRoleExpected = true;
        return this;
    }

    @Override
    public Integer call() throws Exception {
        // stdio: read stdin and answer initialize at once, while everything below is set up.
        StdioTransport stdio = http == null ? Launcher.openStdio() : null;
        // Connecting (driver classes, TCP, authentication) runs beside the MCP start-up instead of before it;
        // if it fails, the process still ends with one line and exit code 2.
        StartupTrace.mark("options parsed");
        CompletableFuture<Database> database = CompletableFuture.supplyAsync(() -> {
            Database db = Database.connect(settings);
            StartupTrace.mark("database connected");
            return db;
        });
        if (stdio != null) stdio.awaitEarlyInitialize(java.time.Duration.ofMillis(300));
        database.whenComplete((db, failure) -> {
            if (failure != null) unreachable(failure);
        });
        serve(database, stdio);
        // stdin closed: end now, even when the connection is still being attempted (no waiting on a TCP timeout).
        if (database.isDone()) {
            try {
                database.join();
            } catch (CompletionException e) {
                unreachable(e);
            }
        }
        return 0;
    }

    void serve(CompletableFuture<Database> database) throws Exception {
        serve(database, http == null ? Launcher.openStdio() : null);
    }

    /** @param stdio the stdio transport already reading, or null for HTTP */
    void serve(CompletableFuture<Database> database, StdioTransport stdio) throws Exception {
        LiveSchema live = LiveSchema.staged(provisional -> {
            SchemaKnowledge k = SchemaKnowledge.load(database.join(), schemas, unchecked -> {
                provisional.accept(unchecked);
                StartupTrace.mark("catalog loaded (data checks of inferred references next)");
            });
            StartupTrace.mark("catalog loaded");
            return k;
        });
        // After the first catalog load, not beside it: start-up CPU goes to answering initialize first.
        CompletableFuture<SchemaKnowledge> firstLoad = live.reload();
        SnapshotStore snapshots = new SnapshotStore(() -> Snapshots.take(database.join(), schemas), snapshotDir);
        if (!privilegedRoleExpected) firstLoad.thenRun(() -> RoleCheck.warnIfPrivileged(database.join(), allowWrites));
        // `startup` is the schema as the server first saw it: the first catalog load itself, not a second one.
        firstLoad.thenAccept(k -> snapshots.pinStartup(Snapshots.of(database.join(), k.catalog(), schemas)));
        McpJsonMapper json = Launcher.jsonMapper();
        // One profile cache serves profile_table/profile_column and the data-aware rules of the guardrail.
        Lazy<ProfileService> profiles = new Lazy<>(() -> new ProfileService(live, database.join(), profileOptions));
        StrataMcp mcp = new StrataMcp(live, new Lazy<>(() -> new QueryService(live, database.join(), limits,
                allowWrites, profiles.get().cache())), profiles,
                new Lazy<>(() -> new MigrationService(live, database.join(), ReviewConfig.DEFAULT)), snapshots,
                allowWrites, json);
        // The first calls of a session should not pay for cold code they could have found warm.
        firstLoad.thenAccept(k -> dev.strata.server.Warmup.start(mcp, k));
        if (!pollInterval.isZero()) {
            // after the first load, like the role check: start-up CPU goes to answering initialize first
            firstLoad.thenRun(() -> new SchemaWatcher(live, database.join(), pollInterval)
                    .onChange(change -> {
                        // profiles of changed or dropped tables describe columns that may be gone
                        change.changed().forEach(profiles.get().cache()::invalidate);
                        change.removed().forEach(profiles.get().cache()::invalidate);
                    })
                    .onChange(mcp::schemaChanged).start());
        }
        if (http != null) {
            database.join();
            var context = Launcher.serveHttp(mcp, json, http);
            String port = context.getEnvironment().getProperty("local.server.port", String.valueOf(http.port()));
            System.err.println("strata: serving " + settings.redacted() + " on http://" + http.bind() + ":"
                    + port + "/mcp" + (http.stateless() ? " (stateless)" : ""));
            if (http.authToken() == null && !isLoopback(http.bind())) {
                System.err.println("strata: warning: listening on " + http.bind() + " without --auth-token: anyone "
                        + "who can reach this port can read the database through Strata");
            }
            Thread.currentThread().join();
        } else {
            Launcher.serveStdio(mcp, stdio);
        }
    }

    static boolean isLoopback(String bind) {
        return bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1") || bind.startsWith("127.");
    }

    /** Created on first use, once: the query service loads the parser and rules only when a query arrives. */
    private static final class Lazy<T> implements java.util.function.Supplier<T> {
        private final java.util.function.Supplier<T> factory;
        private volatile T value;

        Lazy(java.util.function.Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    if (value == null) value = factory.get();
                    v = value;
                }
            }
            return v;
        }
    }

    /** The database cannot be reached: one line, exit code 2, whichever thread notices first. */
    private static synchronized void unreachable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        System.err.println("strata: " + ConnectionSettings.redactUrl(cause.getMessage()));
        System.err.flush();
        Runtime.getRuntime().halt(2);
    }
}
