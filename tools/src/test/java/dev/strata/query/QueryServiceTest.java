package dev.strata.query;

import dev.strata.DemoKnowledge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** run_query's decisions: refuse on error findings and writes; --allow-writes lets one validated write through. */
class QueryServiceTest {

    @Test
    void readsRunAndWritesAreRefusedByDefault() {
        QueryService service = new QueryService(DemoKnowledge::get, DemoKnowledge.database(), QueryLimits.defaults(),
                false);
        assertThat(service.run("SELECT code FROM regions ORDER BY code", 3)).isInstanceOf(QueryService.Ran.class);
        QueryService.Outcome write = service.run("UPDATE regions SET name = name WHERE code = 'nowhere'", null);
        assertThat(write).isInstanceOf(QueryService.Refused.class);
        assertThat(((QueryService.Refused) write).validation().findings()).extracting(f -> f.rule())
                .contains("not-read-only");
        QueryService.Outcome wrong = service.run("SELECT u.email FROM users u JOIN orders o ON o.id = u.id", null);
        assertThat(wrong).isInstanceOf(QueryService.Refused.class);
    }

    @Test
    void allowWritesRunsOneValidatedWriteAndStillRefusesTheRest() {
        QueryService service = new QueryService(DemoKnowledge::get, DemoKnowledge.database(), QueryLimits.defaults(),
                true);
        QueryService.Outcome write = service.run("UPDATE regions SET name = name WHERE code = 'nowhere'", null);
        assertThat(write).isInstanceOf(QueryService.Ran.class);
        assertThat(((QueryService.Ran) write).result().rows().get(0).get(0)).isEqualTo(0L);
        assertThat(service.run("SELECT 1; DELETE FROM regions", null)).isInstanceOf(QueryService.Refused.class);
        assertThat(service.run("SELECT pg_sleep(1)", null)).isInstanceOf(QueryService.Refused.class);
    }

    @Test
    void aStatementWithParametersIsRefusedWithAnActionableReason() {
        QueryService service = new QueryService(DemoKnowledge::get, DemoKnowledge.database(), QueryLimits.defaults(),
                false);
        QueryService.Outcome outcome = service.run("SELECT email FROM users WHERE id = $1", null);
        assertThat(outcome).isInstanceOf(QueryService.Refused.class);
        assertThat(((QueryService.Refused) outcome).reason()).contains("$1").contains("literal");
        assertThat(service.explain("SELECT email FROM users WHERE id = $1")).isInstanceOf(QueryService.Refused.class);
    }

    @Test
    void aFunctionThatMayWriteRunsInTheReadOnlyTransactionWhereItsWriteFails() throws Exception {
        var server = dev.strata.demo.DemoDatabase.shared();
        server.execute("postgres", "DROP DATABASE IF EXISTS volatile_functions WITH (FORCE)");
        server.execute("postgres", "CREATE DATABASE volatile_functions");
        server.execute("volatile_functions", """
                CREATE TABLE hits (n integer);
                CREATE FUNCTION just_reads(integer) RETURNS integer LANGUAGE sql AS $$ SELECT $1 + 1 $$;
                CREATE FUNCTION writes(integer) RETURNS integer LANGUAGE sql
                    AS $$ INSERT INTO hits VALUES ($1) RETURNING n $$;""");
        try (var db = dev.strata.db.Database.connect(dev.strata.db.ConnectionSettings.parse(
                "postgres://postgres@localhost:" + server.port() + "/volatile_functions"))) {
            var k = dev.strata.schema.SchemaKnowledge.load(db, java.util.List.of());
            QueryService service = new QueryService(() -> k, db, QueryLimits.defaults(), false);
            var reads = service.validate("SELECT just_reads(1)");
            assertThat(reads.readOnly()).isFalse();
            assertThat(reads.findings()).extracting(f -> f.rule()).containsExactly("volatile-function");
            QueryService.Outcome ran = service.run("SELECT just_reads(1) AS n", null);
            assertThat(ran).isInstanceOf(QueryService.Ran.class);
            assertThat(((QueryService.Ran) ran).result().rows()).containsExactly(java.util.List.of(2L));
            assertThatThrownBy(() -> service.run("SELECT writes(1)", null))
                    .hasMessageContaining("read-only transaction");
            assertThat(service.run("SELECT count(*) FROM hits", null)).isInstanceOfSatisfying(QueryService.Ran.class,
                    r -> assertThat(r.result().rows()).containsExactly(java.util.List.of(0L)));
        }
    }

    @Test
    void explainRefusesWhatRunQueryRefuses() {
        QueryService service = new QueryService(DemoKnowledge::get, DemoKnowledge.database(), QueryLimits.defaults(),
                false);
        assertThat(service.explain("DELETE FROM regions")).isInstanceOf(QueryService.Refused.class);
        assertThat(service.explain("SELECT * FROM regions")).isInstanceOf(QueryService.Explained.class);
    }
}
