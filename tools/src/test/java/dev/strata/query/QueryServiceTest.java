package dev.strata.query;

import dev.strata.DemoKnowledge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
    void explainRefusesWhatRunQueryRefuses() {
        QueryService service = new QueryService(DemoKnowledge::get, DemoKnowledge.database(), QueryLimits.defaults(),
                false);
        assertThat(service.explain("DELETE FROM regions")).isInstanceOf(QueryService.Refused.class);
        assertThat(service.explain("SELECT * FROM regions")).isInstanceOf(QueryService.Explained.class);
    }
}
