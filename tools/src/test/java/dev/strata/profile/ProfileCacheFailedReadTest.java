package dev.strata.profile;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.schema.SchemaKnowledge;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A pg_stats read that failed is answered once as "no profile", never kept as "this table has no statistics". */
class ProfileCacheFailedReadTest {

    @Test
    void aFailedStatsReadIsNotCached() throws Exception {
        DemoDatabase server = DemoDatabase.shared();
        server.execute("postgres", "DROP DATABASE IF EXISTS failed_stats_read WITH (FORCE)");
        server.execute("postgres", "CREATE DATABASE failed_stats_read");
        server.execute("failed_stats_read", "CREATE TABLE t(state text); INSERT INTO t SELECT "
                + "(ARRAY['open','closed'])[1 + i % 2] FROM generate_series(1, 500) i; ANALYZE t");
        try (Database db = Database.connect(ConnectionSettings.parse("postgres://postgres@localhost:"
                + server.port() + "/failed_stats_read"))) {
            SchemaKnowledge k = SchemaKnowledge.load(db, List.of());
            var t = k.catalog().resolve("t").orElseThrow();
            ProfileCache cache = new ProfileCache(db, ProfileOptions.defaults(), k::graph)
                    .retryAfter(Duration.ofMillis(200));
            // Every pooled connection dies under the cache's feet: the next read fails on a dead socket.
            server.execute("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = 'failed_stats_read' AND pid <> pg_backend_pid()");
            assertThat(cache.forGuard(t, "state")).isEmpty();
            // Cached as "no statistics", the answer would stay empty for five minutes; the pool may hand out
            // another dead connection first, so a few reads may still fail.
            var profile = cache.forGuard(t, "state");
            for (int i = 0; i < 20 && profile.isEmpty(); i++) {
                Thread.sleep(250);
                profile = cache.forGuard(t, "state");
            }
            assertThat(profile).hasValueSatisfying(p -> assertThat(p.topValues()).isNotEmpty());
        }
    }
}
