package dev.strata.schema;

import dev.strata.db.Database;
import dev.strata.db.DatabaseUnavailableException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The current {@link SchemaKnowledge}, loaded in the background so the MCP handshake never waits for it. A tool
 * call made while loading waits (up to a bound); a failed load is retried on the next call, so a database that
 * comes back is picked up without a restart.
 */
public final class LiveSchema implements Supplier<SchemaKnowledge> {

    private static final long WAIT_SECONDS = 60;

    private final Supplier<SchemaKnowledge> loader;
    private volatile CompletableFuture<SchemaKnowledge> current;

    public LiveSchema(Supplier<SchemaKnowledge> loader) {
        this.loader = loader;
    }

    public static LiveSchema of(Database database, List<String> schemas) {
        return new LiveSchema(() -> SchemaKnowledge.load(database, schemas));
    }

    /** Starts the first load on a background thread and returns at once. */
    public LiveSchema startLoading() {
        reload();
        return this;
    }

    /** Starts a fresh load; callers keep getting the previous knowledge until it completes. */
    public synchronized CompletableFuture<SchemaKnowledge> reload() {
        CompletableFuture<SchemaKnowledge> next = CompletableFuture.supplyAsync(loader, runnable -> {
            Thread t = new Thread(runnable, "strata-catalog-load");
            t.setDaemon(true);
            t.start();
        });
        CompletableFuture<SchemaKnowledge> previous = current;
        if (previous == null || !previous.isDone() || previous.isCompletedExceptionally()) {
            current = next;
        } else {
            next.thenAccept(k -> current = CompletableFuture.completedFuture(k));
        }
        return next;
    }

    @Override
    public SchemaKnowledge get() {
        CompletableFuture<SchemaKnowledge> f = current;
        if (f == null) f = reload();
        if (f.isCompletedExceptionally()) f = reload();
        try {
            return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ToolException("the catalog is still loading after " + WAIT_SECONDS + " s; try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while waiting for the catalog");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DatabaseUnavailableException d) throw d;
            if (cause instanceof RuntimeException r && Database.isConnectionFailure(r)) {
                throw new DatabaseUnavailableException("the database is unreachable (" + Database.rootMessage(r)
                        + "); Strata retries on the next call", r);
            }
            throw new ToolException("loading the catalog failed: " + Database.rootMessage(cause));
        }
    }
}
