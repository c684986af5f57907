package dev.strata.guardrail;

import dev.strata.RealQueries;
import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.profile.ProfileCache;
import dev.strata.profile.ProfileOptions;
import dev.strata.query.QueryLimits;
import dev.strata.query.QueryRunner;
import dev.strata.query.ReadOnlyTransaction;
import dev.strata.schema.SchemaKnowledge;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL is asked about statements Strata's parser cannot read without ever leaving a pooled connection out
 * of step: {@code $n} parameters and the jsonb {@code ?} operator alternate with ordinary reads on one pool, and
 * every answer stays right.
 */
class PgParseCheckTest {

    static final String PARAMETER = "SELECT title AS output FROM film WHERE film_id = $1";

    static Database demoPool() {
        return Database.connect(ConnectionSettings.parse(DemoDatabase.shared().url()));
    }

    static long count(Database db, String sql) throws Exception {
        return ReadOnlyTransaction.run(db, Duration.ofSeconds(5), Duration.ofSeconds(1), c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void verdictsArePostgresOwn() {
        try (Database db = demoPool()) {
            PgParseCheck check = new PgParseCheck(db);
            assertThat(check.check("SELECT email FROM users WHERE id = $1 AND account_id = $2"))
                    .contains(ParseCheck.Verdict.ACCEPTED);
            assertThat(check.check("SELECT '{\"a\": 1}'::jsonb ? 'a'")).contains(ParseCheck.Verdict.ACCEPTED);
            assertThat(check.check("SELECT '{\"a\": 1}'::jsonb ?| array['a'], '{}'::jsonb ?& array['b']"))
                    .contains(ParseCheck.Verdict.ACCEPTED);
            assertThat(check.check("EXPLAIN (COSTS off) SELECT * FROM users WHERE id = $1"))
                    .contains(ParseCheck.Verdict.ACCEPTED);
            assertThat(check.check("  SELECT email FROM users WHERE id = $1 -- last words"))
                    .contains(ParseCheck.Verdict.ACCEPTED);

            ParseCheck.Verdict syntax = check.check("SELECT email FROM users WHERE").orElseThrow();
            assertThat(syntax.accepted()).isFalse();
            assertThat(syntax.sqlState()).isEqualTo("42601");
            assertThat(syntax.position()).as("1-based, in the statement as given").isEqualTo(30);

            ParseCheck.Verdict typo = check.check("SELEC 1").orElseThrow();
            assertThat(typo.sqlState()).isEqualTo("42601");
            assertThat(typo.position()).isEqualTo(1);

            ParseCheck.Verdict unknown = check.check("EXPLAIN SELECT * FROM nowhere").orElseThrow();
            assertThat(unknown.sqlState()).isEqualTo("42P01");
            assertThat(unknown.position()).isEqualTo(23);

            // Statements PREPARE cannot hold are not asked about: PostgreSQL's answer would be about PREPARE.
            assertThat(check.check("SET work_mem = '64MB'")).isEmpty();
            assertThat(check.check("VACUUM users")).isEmpty();
            assertThat(check.check("REASSIGN OWNED BY a TO b")).isEmpty();
        }
    }

    @Test
    void nothingRunsAndNothingIsLeftPrepared() throws Exception {
        try (Database db = demoPool()) {
            PgParseCheck check = new PgParseCheck(db);
            long before = count(db, "SELECT count(*) FROM regions");
            for (int i = 0; i < 3; i++) {
                assertThat(check.check("DELETE FROM regions WHERE code = $1")).contains(ParseCheck.Verdict.ACCEPTED);
            }
            assertThat(count(db, "SELECT count(*) FROM regions")).isEqualTo(before);
            assertThat(count(db, "SELECT count(*) FROM pg_prepared_statements WHERE name = 'strata_parse_check'"))
                    .isZero();
        }
    }

    /** The reproduction, many times over, on one small pool: every answer stays right. */
    static void alternate(Database db, PgParseCheck check, String parameterQuery, String plainQuery,
                          long plainCount, int iterations) throws Exception {
        QueryRunner runner = new QueryRunner(db);
        for (int i = 0; i < iterations; i++) {
            assertThat(check.check(parameterQuery)).as("iteration %d", i).contains(ParseCheck.Verdict.ACCEPTED);
            assertThat(check.check("SELECT '{\"a\": 1}'::jsonb ? 'a'")).contains(ParseCheck.Verdict.ACCEPTED);
            assertThat(count(db, plainQuery)).as("iteration %d", i).isEqualTo(plainCount);
            assertThat(check.check("SELECT 1 FROM WHERE").orElseThrow().sqlState()).isEqualTo("42601");
            if (i % 50 == 0) {
                var result = runner.run("SELECT '{\"a\": 1}'::jsonb ? 'a' AS has_a", QueryLimits.defaults());
                assertThat(result.rows()).containsExactly(List.of(true));
            }
        }
    }

    @Test
    void parametersAndQuestionMarksAlternateWithReadsOnOnePool() throws Exception {
        try (Database db = demoPool()) {
            alternate(db, new PgParseCheck(db), "SELECT email FROM users WHERE id = $1",
                    "SELECT count(*) FROM regions", count(db, "SELECT count(*) FROM regions"), 2_000);
        }
    }

    @Test
    void pagilaReproduction() throws Exception {
        RealQueries.Schema pagila = RealQueries.schema("pagila-hw");
        Database db = RealQueries.database(pagila);
        PgParseCheck check = new PgParseCheck(db);
        SchemaKnowledge k = SchemaKnowledge.load(db, List.of());
        ProfileCache profiles = new ProfileCache(db, ProfileOptions.defaults(), k::graph);
        QueryGuard guard = new QueryGuard(() -> k, check, profiles);
        alternate(db, check, PARAMETER, "SELECT count(*) FROM film", 1000, 1_000);
        // The data-aware rules still read pg_stats (a failed read would be cached as "no statistics").
        var film = k.catalog().resolve("film").orElseThrow();
        assertThat(profiles.forGuard(film, "rating")).isPresent()
                .hasValueSatisfying(p -> assertThat(p.topValues()).isNotEmpty());
        Validation v = guard.validate(PARAMETER);
        assertThat(v.findings()).extracting(Finding::rule).doesNotContain("syntax-error");
    }

    @Test
    void aConnectionThatFailedOutsideTheProtocolIsEvictedNotReused() throws Exception {
        try (Database db = demoPool()) {
            long pid = count(db, "SELECT pg_backend_pid()");
            assertThatThrownBy(() -> ReadOnlyTransaction.run(db, Duration.ofSeconds(5), Duration.ofSeconds(1), c -> {
                assertThat(c.unwrap(org.postgresql.PGConnection.class).getBackendPID()).isEqualTo((int) pid);
                throw new ArrayIndexOutOfBoundsException("as the driver once did, halfway through a reply");
            })).isInstanceOf(ArrayIndexOutOfBoundsException.class);
            long alive = 1;
            for (int i = 0; i < 50 && alive > 0; i++) {
                Thread.sleep(100);
                alive = count(db, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid);
            }
            assertThat(alive).as("the evicted backend is gone").isZero();
        }
    }

    @Test
    void anOrdinaryErrorKeepsTheConnection() throws Exception {
        try (Database db = demoPool()) {
            long pid = count(db, "SELECT pg_backend_pid()");
            assertThatThrownBy(() -> count(db, "SELECT 1/0")).hasMessageContaining("division by zero");
            assertThat(count(db, "SELECT pg_backend_pid()")).isEqualTo(pid);
            assertThat(new PgParseCheck(db).check("SELECT * FROM nowhere")).map(ParseCheck.Verdict::sqlState)
                    .isEqualTo(Optional.of("42P01"));
            assertThat(count(db, "SELECT pg_backend_pid()")).isEqualTo(pid);
        }
    }
}
