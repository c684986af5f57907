package dev.strata.schema;

import dev.strata.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Polls {@link CatalogFingerprint} and, when it moves, reloads the catalog and tells its listeners which
 * relations changed. A fingerprint change with no relation changed (a temporary table of another session, a
 * function) reloads nothing further and tells nobody. A database that is down is simply polled again later.
 */
public final class SchemaWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaWatcher.class);

    private final LiveSchema live;
    private final Database database;
    private final Duration interval;
    private final List<Consumer<CatalogChange>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private volatile String fingerprint;

    public SchemaWatcher(LiveSchema live, Database database, Duration interval) {
        this.live = live;
        this.database = database;
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "strata-schema-watch");
            t.setDaemon(true);
            return t;
        });
    }

    public SchemaWatcher onChange(Consumer<CatalogChange> listener) {
        listeners.add(listener);
        return this;
    }

    public SchemaWatcher start() {
        long ms = interval.toMillis();
        // the first poll only records the fingerprint the next ones compare with
        timer.scheduleWithFixedDelay(this::poll, 0, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One poll; public so tests and benchmarks can drive it without waiting. */
    public void poll() {
        try {
            String now = CatalogFingerprint.read(database);
            String before = fingerprint;
            fingerprint = now;
            if (before == null || before.equals(now)) return;
            SchemaKnowledge old = live.get();
            SchemaKnowledge fresh = live.reload().join();
            CatalogChange change = CatalogChange.between(old.catalog(), fresh.catalog());
            if (change.isEmpty()) return;
            log.info(change.summary());
            for (Consumer<CatalogChange> l : listeners) {
                try {
                    l.accept(change);
                } catch (RuntimeException e) {
                    log.warn("a schema-change listener failed: {}", e.toString());
                }
            }
        } catch (Exception e) {
            // the database may be restarting: keep the last fingerprint and try again next time
            log.debug("schema poll failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
