package dev.strata.query;

import dev.strata.DemoKnowledge;
import dev.strata.schema.ToolException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Read-only execution against the real demo database: caps, timeouts and the server-side guards. */
class QueryRunnerTest {

    private final QueryRunner runner = new QueryRunner(DemoKnowledge.database());
    private final QueryLimits limits = QueryLimits.defaults();

    @Test
    void returnsColumnsWithPostgresTypesAndJsonFriendlyValues() {
        QueryResult r = runner.run("SELECT id, state, total_cents, currency, created_at FROM orders ORDER BY id LIMIT 3;",
                limits);
        assertThat(r.columns()).extracting(QueryResult.ResultColumn::name)
                .containsExactly("id", "state", "total_cents", "currency", "created_at");
        assertThat(r.columns()).extracting(QueryResult.ResultColumn::type)
                .containsExactly("int8", "int2", "int8", "bpchar", "timestamptz");
        assertThat(r.rowCount()).isEqualTo(3);
        assertThat(r.rows().get(0).get(0)).isEqualTo(1L);
        assertThat(r.truncated()).isNull();
    }

    @Test
    void jsonbQuestionMarkOperatorsAreOperatorsNotPlaceholders() {
        QueryResult r = runner.run("SELECT '{\"a\": 1}'::jsonb ? 'a' AS has_a, '{\"a\": 1}'::jsonb ?| array['b'] AS "
                + "any_b, '{\"a\": 1}'::jsonb ?& array['a'] AS all_a, '{\"a\": 1}'::jsonb @? '$.a' AS path, "
                + "'?' AS literal -- a ? in a comment", limits);
        assertThat(r.rows()).containsExactly(List.of(true, false, true, true, "?"));
    }

    @Test
    void parametersAreRefusedWithoutTouchingTheConnection() {
        assertThatThrownBy(() -> runner.run("SELECT id FROM orders WHERE id = $1", limits))
                .isInstanceOf(ToolException.class).hasMessageContaining("parameters");
        assertThat(runner.run("SELECT 1", limits).rowCount()).as("still serving").isEqualTo(1);
    }

    @Test
    void duplicateColumnNamesSurviveTheWrapping() {
        QueryResult r = runner.run("SELECT o.id, u.id FROM orders o JOIN users u ON u.id = o.user_id LIMIT 1", limits);
        assertThat(r.columns()).extracting(QueryResult.ResultColumn::name).containsExactly("id", "id");
        assertThat(r.rows()).hasSize(1);
    }

    @Test
    void rowsStopAtMaxRowsWithoutReadingTheRest() {
        long start = System.nanoTime();
        QueryResult r = runner.run("SELECT g, md5(g::text) FROM generate_series(1, 600000) g", limits.withMaxRows(500));
        assertThat(r.rowCount()).isEqualTo(500);
        assertThat(r.truncated()).isEqualTo("max_rows");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
    }

    @Test
    void bytesStopAtMaxResultBytes() {
        QueryLimits small = new QueryLimits(Duration.ofSeconds(10), Duration.ofSeconds(2), 100_000, 50_000, 10_000);
        QueryResult r = runner.run("SELECT repeat('x', 1000) FROM generate_series(1, 1000)", small);
        assertThat(r.truncated()).isEqualTo("max_result_bytes");
        assertThat(r.rowCount()).isBetween(40, 50);
    }

    @Test
    void aHugeValueIsCutByPostgresNotLoaded() {
        QueryResult r = runner.run("SELECT repeat('x', 200 * 1024 * 1024) AS big, 1 AS n", limits);
        String big = (String) r.rows().get(0).get(0);
        assertThat(big).hasSize(10_000 + "…[cut]".length()).endsWith("…[cut]");
        assertThat(r.cutValues()).isEqualTo(1);
        assertThat(r.rows().get(0).get(1)).isEqualTo(1L);
    }

    @Test
    void aSlowQueryIsCancelledAtTheStatementTimeout() {
        QueryLimits fast = new QueryLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), 10, 10_000, 100);
        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.run("SELECT pg_sleep(120)", fast)).isInstanceOf(ToolException.class)
                .hasMessageContaining("statement timeout of 1000 ms");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.5);
        assertThat(runner.run("SELECT 1", limits).rowCount()).as("still serving").isEqualTo(1);
    }

    @Test
    void writesAreRefusedByPostgresEvenIfTheyGetThisFar() {
        for (String sql : List.of(
                "WITH d AS (DELETE FROM regions RETURNING *) SELECT * FROM d",
                "SELECT nextval(pg_get_serial_sequence('orders', 'id'))")) {
            assertThatThrownBy(() -> runner.run(sql, limits)).as(sql).isInstanceOf(ToolException.class)
                    .hasMessageMatching("(?s).*(read-only transaction|must be at the top level).*");
        }
        assertThat(runner.run("SELECT count(*) FROM regions", limits).rows().get(0).get(0)).isEqualTo(12L);
    }

    @Test
    void settingsChangedByAQueryDoNotOutliveIt() {
        // set_config itself is the guardrail's to refuse (dangerous-function); here: the rollback undoes it.
        for (int i = 0; i < 8; i++) {
            runner.run("SELECT set_config('default_transaction_read_only', 'off', false)", limits);
        }
        for (int i = 0; i < 8; i++) {
            assertThat(runner.run("SELECT current_setting('transaction_read_only')", limits).rows().get(0).get(0))
                    .isEqualTo("on");
        }
    }

    @Test
    void errorsFromPostgresAreActionable() {
        assertThatThrownBy(() -> runner.run("SELECT nope FROM orders", limits))
                .hasMessageContaining("column \"nope\" does not exist").hasMessageContaining("42703");
    }
}
