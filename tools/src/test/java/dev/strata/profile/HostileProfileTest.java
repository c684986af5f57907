package dev.strata.profile;

import dev.strata.catalog.Relation;
import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.schema.SchemaKnowledge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and huge columns yield a partial profile that says so, never a hang or a crash. Runs in its own database
 * on the shared embedded server, so no other test sees these tables.
 */
class HostileProfileTest {

    static Database db;
    static SchemaKnowledge knowledge;

    @BeforeAll
    static void setUp() {
        DemoDatabase demo = DemoDatabase.shared();
        demo.execute("postgres", "DROP DATABASE IF EXISTS hostile");
        demo.execute("postgres", "CREATE DATABASE hostile");
        demo.execute("hostile", """
                CREATE TABLE huge_value (id int PRIMARY KEY, body text);
                INSERT INTO huge_value VALUES (1, 'small'), (2, 'tiny'), (3, 'short');
                -- 200 MB of text in one value (stored compressed, about 2 MB on disk)
                INSERT INTO huge_value VALUES (4, repeat('x', 200 * 1024 * 1024));
                CREATE TABLE forged_estimate (id int PRIMARY KEY, v text) WITH (autovacuum_enabled = false);
                INSERT INTO forged_estimate SELECT g, 'v' || (g % 7) FROM generate_series(1, 1000) g;
                CREATE TABLE locked (id int PRIMARY KEY, v text);
                INSERT INTO locked SELECT g, 'v' || (g % 3) FROM generate_series(1, 500) g;
                CREATE TABLE churn (id int PRIMARY KEY, v text);
                INSERT INTO churn SELECT g, 'old' FROM generate_series(1, 1000) g;
                -- the demo has no far-future timestamps: 2 of 200 rows here are 'valid forever'
                CREATE TABLE contracts (id int PRIMARY KEY, valid_until timestamptz, amount int);
                INSERT INTO contracts SELECT g, CASE WHEN g % 67 = 0 THEN timestamptz '9999-12-31 00:00:00+00'
                    ELSE timestamptz '2024-01-01 00:00:00+00' + g * interval '1 day' END, 100 + g FROM generate_series(1, 200) g;
                ANALYZE;
                UPDATE pg_class SET reltuples = 1e9 WHERE oid = 'forged_estimate'::regclass;
                """);
        db = Database.connect(ConnectionSettings.parse(demo.url().replace("/acme", "/hostile")));
        knowledge = SchemaKnowledge.load(db, List.of());
    }

    @AfterAll
    static void tearDown() {
        db.close();
        DemoDatabase.shared().execute("postgres", "DROP DATABASE IF EXISTS hostile WITH (FORCE)");
    }

    static Relation table(String name) {
        return knowledge.catalog().resolve("public." + name).orElseThrow();
    }

    @Test
    @Timeout(60)
    void aTwoHundredMegabyteValueIsCountedNotRead() {
        Profiler profiler = new Profiler(db, ProfileOptions.defaults());
        TableProfile p = profiler.profile(table("huge_value"), knowledge.graph(), null, null, false, null,
                Profiler.Progress.NONE);
        ColumnProfile body = p.column("body").orElseThrow();
        assertThat(body.partial()).anySatisfy(s -> assertThat(s).contains("1 values over 64 kB were counted, not read"));
        assertThat(body.max()).isNotNull().hasSizeLessThan(100);
        assertThat(body.topValues()).allSatisfy(v -> assertThat(v.value().length()).isLessThan(100));
    }

    @Test
    @Timeout(60)
    void aBillionRowEstimateOnASmallTableIsCaughtAndSaid() {
        Relation r = table("forged_estimate");
        assertThat(r.rowsEstimate()).isEqualTo(1_000_000_000L);
        TableProfile p = new Profiler(db, ProfileOptions.defaults()).profile(r, knowledge.graph(), null, null, false,
                null, Profiler.Progress.NONE);
        assertThat(p.partial()).anySatisfy(s -> assertThat(s).contains("estimate of 1000000000 rows"));
        assertThat(p.rowsSampled()).isEqualTo(1000);
        assertThat(p.column("v").orElseThrow().distinctEstimate()).isEqualTo(7);
    }

    @Test
    @Timeout(60)
    void aSampleThatHitsTheTimeoutLeavesAPartialProfileFromPgStats() throws Exception {
        Profiler profiler = new Profiler(db, ProfileOptions.defaults().withStatementTimeout(Duration.ofMillis(300)));
        try (Connection holder = db.connection(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE locked IN ACCESS EXCLUSIVE MODE");
            long start = System.nanoTime();
            TableProfile p = profiler.profile(table("locked"), knowledge.graph(), null, null, false, null,
                    Profiler.Progress.NONE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(p.partial()).anySatisfy(s -> assertThat(s).contains("sample query failed (statement timeout)"));
            ColumnProfile v = p.column("v").orElseThrow();
            assertThat(v.source()).isEqualTo("pg_stats");
            assertThat(v.topValues()).extracting(ValueCount::value).containsExactlyInAnyOrder("v0", "v1", "v2");
            holder.rollback();
        }
    }

    @Test
    void farFutureTimestampsAreHighEndSentinels() {
        TableProfile p = new Profiler(db, ProfileOptions.defaults()).profile(table("contracts"), knowledge.graph(), null,
                null, false, null, Profiler.Progress.NONE);
        var s = p.column("valid_until").orElseThrow()
                .detector("sentinels", dev.strata.profile.detectors.SentinelDetector.Sentinels.class).orElseThrow();
        assertThat(s.sentinels()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo("far_future");
            assertThat(x.end()).isEqualTo("high");
            assertThat(x.fraction()).isEqualTo(0.01);
        });
        assertThat(p.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo("sentinel_values"));
    }

    @Test
    @Timeout(60)
    void theCacheDropsAProfileOnceTheTableHasChangedEnough() throws Exception {
        ProfileCache cache = new ProfileCache(db, ProfileOptions.defaults(), () -> knowledge.graph())
                .checkEvery(Duration.ZERO);
        Relation r = table("churn");
        TableProfile first = cache.table(r, null, false, Profiler.Progress.NONE);
        assertThat(cache.table(r, null, false, Profiler.Progress.NONE)).isSameAs(first);
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("UPDATE churn SET v = 'new'");
        }
        // The statistics collector publishes the counters asynchronously (at most about a second later).
        TableProfile again = first;
        for (int i = 0; i < 40 && again == first; i++) {
            Thread.sleep(250);
            again = cache.table(r, null, false, Profiler.Progress.NONE);
        }
        assertThat(again).isNotSameAs(first);
        assertThat(again.column("v").orElseThrow().topValues()).extracting(ValueCount::value).containsExactly("new");
        cache.invalidate("public.churn");
        assertThat(cache.table(r, null, false, Profiler.Progress.NONE)).isNotSameAs(again);
    }
}
