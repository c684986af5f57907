package dev.strata.schema;

import dev.strata.db.Database;
import dev.strata.db.DatabaseUnavailableException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The current {@link SchemaKnowledge}, loaded in the background so the MCP handshake never waits for it. A tool
 * call made while loading waits (up to a bound); a failed load is retried on the next call, so a database that
 * comes back is picked up without a restart.
 *
 * <p>A loader may publish a provisional knowledge before it finishes (the catalog and the graph from names and
 * types, while the rows are read for the inferred references): the first load serves it at once, so the first tool
 * answer never waits for the data checks' budget. Later reloads keep serving the previous complete knowledge until
 * the new one is complete, so answers never go from checked back to unchecked.
 */
public final class LiveSchema implements Supplier<SchemaKnowledge> {

    private static final long WAIT_SECONDS = 60;

    private final Function<Consumer<SchemaKnowledge>, SchemaKnowledge> loader;
    private volatile CompletableFuture<SchemaKnowledge> current;

    public LiveSchema(Supplier<SchemaKnowledge> loader) {
        this.loader = provisional -> loader.get();
    }

    private LiveSchema(Function<Consumer<SchemaKnowledge>, SchemaKnowledge> loader) {
        this.loader = loader;
    }

    /** A loader that may hand a provisional knowledge to its argument before returning the complete one. */
    public static LiveSchema staged(Function<Consumer<SchemaKnowledge>, SchemaKnowledge> loader) {
        return new LiveSchema(loader);
    }

    public static LiveSchema of(Database database, List<String> schemas) {
        return staged(provisional -> SchemaKnowledge.load(database, schemas, provisional));
    }

    /** Starts the first load on a background thread and returns at once. */
    public LiveSchema startLoading() {
        reload();
        return this;
    }

    /**
     * Starts a fresh load and returns the complete knowledge's future; callers keep getting the previous knowledge
     * until it completes, or the provisional one when there is no previous knowledge to serve.
     */
    public synchronized CompletableFuture<SchemaKnowledge> reload() {
        // Completes with the first knowledge callers may use: the provisional one, or else the complete one.
        CompletableFuture<SchemaKnowledge> usable = new CompletableFuture<>();
        CompletableFuture<SchemaKnowledge> next = CompletableFuture.supplyAsync(() -> loader.apply(usable::complete),
                runnable -> {
                    Thread t = new Thread(runnable, "strata-catalog-load");
                    t.setDaemon(true);
                    t.start();
                });
        next.whenComplete((k, failure) -> {
            if (failure != null) usable.completeExceptionally(failure);
            else usable.complete(k);
        });
        CompletableFuture<SchemaKnowledge> previous = current;
        if (previous == null || !previous.isDone() || previous.isCompletedExceptionally()) current = usable;
        // Callers of the returned future (the watcher, the warm-up) see the new knowledge served once it completes.
        return next.thenApply(k -> {
            current = CompletableFuture.completedFuture(k);
            return k;
        });
    }

    @Override
    public SchemaKnowledge get() {
        CompletableFuture<SchemaKnowledge> f = current;
        if (f == null || f.isCompletedExceptionally()) {
            reload();
            f = current;
        }
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
