package dev.strata.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.sql.SqlLexer.Token;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementSplitterTest {

    private static List<SqlStatement> split(String sql) {
        return StatementSplitter.split(sql);
    }

    private static List<String> texts(String sql) {
        return split(sql).stream().map(SqlStatement::text).toList();
    }

    @Test
    void threeStatements() {
        List<SqlStatement> s = split("SELECT 1; COMMIT; DROP TABLE x");
        assertThat(s).extracting(SqlStatement::text).containsExactly("SELECT 1", "COMMIT", "DROP TABLE x");
        assertThat(s).extracting(SqlStatement::terminated).containsExactly(true, true, false);
        assertThat(s.get(2).start()).isEqualTo(18);
        assertThat(s.get(2).end()).isEqualTo(30);
        assertThat(s.get(2).tokens()).extracting(Token::text).containsExactly("DROP", "TABLE", "x");
    }

    @Test
    void semicolonInsideParenthesesStillSplitsLikeTheServer() {
        assertThat(texts("SELECT (1; SELECT 2)")).containsExactly("SELECT (1", "SELECT 2)");
    }

    @Nested
    class QuotedSemicolons {
        @Test
        void commentsContainingSemicolonsAndQuotes() {
            assertThat(texts("SELECT 1 /* ; ' \" $$ */ -- ; it's\n; SELECT 2"))
                    .containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void dollarBodyWithSemicolonsAndQuotes() {
            String sql = "DO $$ BEGIN PERFORM 1; RAISE NOTICE 'it''s; done'; END $$; SELECT 1";
            assertThat(texts(sql)).containsExactly(
                    "DO $$ BEGIN PERFORM 1; RAISE NOTICE 'it''s; done'; END $$", "SELECT 1");
        }

        @Test
        void nestedDollarTags() {
            String sql = "CREATE FUNCTION f() RETURNS text AS $outer$ SELECT $inner$ a; $$ b; $inner$ $outer$ LANGUAGE sql;"
                    + " SELECT 2";
            assertThat(split(sql)).hasSize(2);
        }

        @Test
        void escapeStringWithEscapedBackslash() {
            List<SqlStatement> s = split("SELECT E'\\\\';'");
            assertThat(s).hasSize(2);
            assertThat(s.get(0).text()).isEqualTo("SELECT E'\\\\'");
            assertThat(s.get(0).hasErrors()).isFalse();
            assertThat(s.get(1).hasErrors()).isTrue();
        }

        @Test
        void escapeStringWithEscapedQuote() {
            assertThat(texts("SELECT E'\\'; DROP TABLE t; --'; SELECT 2"))
                    .containsExactly("SELECT E'\\'; DROP TABLE t; --'", "SELECT 2");
        }

        @Test
        void standardConformingBackslashDoesNotEscapeTheQuote() {
            // with standard_conforming_strings = on, '\' is complete: the DROP is a real statement
            assertThat(texts("SELECT '\\'; DROP TABLE t; --'"))
                    .containsExactly("SELECT '\\'", "DROP TABLE t");
        }

        @Test
        void escapeStringContinuationCannotHideAStatementBoundary() {
            // The server reads the second literal with E'' rules (\' is escaped), so its string ends
            // before "; DROP". A lexer that read it as a plain string would see two harmless SELECTs.
            String sql = "SELECT E'a'\n'\\' ; SELECT ' ; DROP TABLE t; --'";
            List<SqlStatement> s = split(sql);
            assertThat(s).extracting(SqlStatement::text)
                    .containsExactly("SELECT E'a'\n'\\' ; SELECT '", "DROP TABLE t");
        }

        @Test
        void weirdQuotedIdentifier() {
            assertThat(texts("SELECT \"weird;\"\"name\" FROM t; SELECT 2"))
                    .containsExactly("SELECT \"weird;\"\"name\" FROM t", "SELECT 2");
        }

        @Test
        void parameterAndCasts() {
            assertThat(texts("SELECT $1::int; SELECT 'a'::text;")).containsExactly("SELECT $1::int", "SELECT 'a'::text");
        }

        @Test
        void unterminatedStringSwallowsTheRestAndIsAnError() {
            List<SqlStatement> s = split("SELECT 'abc; DROP TABLE t;");
            assertThat(s).hasSize(1);
            assertThat(s.get(0).hasErrors()).isTrue();
            assertThat(s.get(0).firstError().orElseThrow().column()).isEqualTo(8);
        }
    }

    @Nested
    class EmptyStatementsAndComments {
        @ParameterizedTest
        @ValueSource(strings = {"", "   ", ";", ";;;", "-- just a comment", "/* c */", "/* a */ ; -- b\n ;"})
        void nothingButCommentsOrSemicolons(String sql) {
            assertThat(split(sql)).isEmpty();
        }

        @Test
        void doubleSemicolonDropsTheEmptyStatement() {
            assertThat(texts("SELECT 1;; ;SELECT 2;")).containsExactly("SELECT 1", "SELECT 2");
        }

        @Test
        void commentsAttachToTheFollowingStatement() {
            String sql = "-- strata-ignore rule-a\nSELECT 1; /* only a comment */ ; SELECT /* inside */ 2; -- tail";
            List<SqlStatement> s = split(sql);
            assertThat(s).hasSize(2);
            assertThat(s.get(0).comments()).extracting(Token::text).containsExactly("-- strata-ignore rule-a");
            assertThat(s.get(0).text()).isEqualTo("SELECT 1");
            assertThat(s.get(1).comments()).extracting(Token::text)
                    .containsExactly("/* only a comment */", "/* inside */", "-- tail");
            assertThat(s.get(1).tokens()).extracting(Token::text).containsExactly("SELECT", "2");
        }

        @Test
        void ignoreDirectiveLookalikeInStringIsNotAComment() {
            List<SqlStatement> s = split("SELECT '-- strata-ignore x', $$/* strata-ignore y */$$");
            assertThat(s.get(0).comments()).isEmpty();
        }

        @Test
        void statementTextExcludesLeadingCommentsButKeepsInnerOnes() {
            List<SqlStatement> s = split("/* lead */\n  SELECT 1 -- inner\n  + 2 ;");
            assertThat(s.get(0).text()).isEqualTo("SELECT 1 -- inner\n  + 2");
            assertThat(s.get(0).line()).isEqualTo(2);
            assertThat(s.get(0).column()).isEqualTo(3);
        }
    }

    @Nested
    class BeginAtomic {
        @Test
        void sqlStandardFunctionBodyIsOneStatement() {
            String sql = """
                    CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql
                    BEGIN ATOMIC
                      SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
                      SELECT case when a < 0 then -1 end;
                    END;
                    SELECT 3;
                    """;
            List<SqlStatement> s = split(sql);
            assertThat(s).hasSize(2);
            assertThat(s.get(0).text()).startsWith("CREATE FUNCTION").endsWith("END");
            assertThat(s.get(1).text()).isEqualTo("SELECT 3");
            assertThat(s.get(1).line()).isEqualTo(6);
        }

        @Test
        void orReplaceProcedure() {
            String sql = "create or replace procedure p() language sql begin atomic insert into t values (1); "
                    + "delete from t; end; DROP TABLE t";
            assertThat(texts(sql)).hasSize(2).last().isEqualTo("DROP TABLE t");
        }

        @Test
        void beginAtomicWithCommentsBetween() {
            String sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN /* x */ ATOMIC SELECT 1; END; SELECT 2";
            assertThat(split(sql)).hasSize(2);
        }

        @Test
        void transactionBeginIsNotABody() {
            assertThat(texts("BEGIN; SELECT 1; END;")).containsExactly("BEGIN", "SELECT 1", "END");
            assertThat(split("BEGIN ATOMIC; SELECT 1; END;")).hasSize(3);
        }

        @Test
        void parameterNamedBeginOfTypeAtomicDoesNotOpenABody() {
            String sql = "CREATE FUNCTION f(begin atomic) RETURNS int LANGUAGE sql RETURN 1; DROP TABLE t;";
            assertThat(texts(sql)).hasSize(2).last().isEqualTo("DROP TABLE t");
        }

        @Test
        void columnNamedBeginWithAliasAtomicInsideBodyDoesNotNest() {
            String sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT begin atomic FROM t; END;"
                    + " DROP TABLE t;";
            assertThat(texts(sql)).hasSize(2).last().isEqualTo("DROP TABLE t");
        }

        @Test
        void nonRoutineStatementWithBeginAtomicWordsDoesNotOpenABody() {
            String sql = "SELECT begin atomic FROM t; DROP TABLE t;";
            assertThat(texts(sql)).containsExactly("SELECT begin atomic FROM t", "DROP TABLE t");
        }

        @Test
        void nestedRoutineDefinitionInsideBody() {
            String sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC "
                    + "CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END; "
                    + "SELECT 2; END; SELECT 3";
            assertThat(texts(sql)).hasSize(2).last().isEqualTo("SELECT 3");
        }

        @Test
        void caseInsideParenthesesInBody() {
            String sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC "
                    + "SELECT (CASE WHEN true THEN (CASE WHEN false THEN 1 END) END); END; SELECT 3";
            assertThat(texts(sql)).hasSize(2).last().isEqualTo("SELECT 3");
        }

        @Test
        void endInsideLiteralsOrQuotedIdentifiersDoesNotCloseTheBody() {
            String sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 'END'; "
                    + "SELECT \"end\" FROM (SELECT 1 AS \"end\") s; END; SELECT 81";
            assertThat(texts(sql)).hasSize(2).last().isEqualTo("SELECT 81");
        }

        @Test
        void unterminatedBodyRunsToTheEnd() {
            List<SqlStatement> s = split("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; DROP TABLE t;");
            assertThat(s).hasSize(1);
            assertThat(s.get(0).terminated()).isFalse();
        }

        @Test
        void semicolonsAfterBodyEndSplitNormally() {
            String sql = "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT 1; END; BEGIN; COMMIT";
            assertThat(texts(sql)).hasSize(3);
        }
    }

    @Nested
    class PsqlMeta {
        @Test
        void metaCommandsAreTheirOwnStatements() {
            String sql = "\\set x 1\nSELECT :x;\n\\i file.sql\n\\connect db\nSELECT 1";
            List<SqlStatement> s = split(sql);
            assertThat(s).extracting(SqlStatement::text)
                    .containsExactly("\\set x 1", "SELECT :x", "\\i file.sql", "\\connect db", "SELECT 1");
            assertThat(s).extracting(SqlStatement::psqlMeta).containsExactly(true, false, true, true, false);
            assertThat(s.get(3).line()).isEqualTo(4);
        }

        @Test
        void metaCommandEndsAStatementInProgress() {
            List<SqlStatement> s = split("SELECT 1\n\\gset\nSELECT 2;");
            assertThat(s).extracting(SqlStatement::text).containsExactly("SELECT 1", "\\gset", "SELECT 2");
            assertThat(s.get(0).terminated()).isFalse();
        }

        @Test
        void backslashInsideLiteralsIsNotMeta() {
            assertThat(split("SELECT '\\x', $$\\y$$, \"\\z\"; -- \\q")).hasSize(1)
                    .allSatisfy(st -> assertThat(st.psqlMeta()).isFalse());
        }
    }

    @Test
    void positionsAfterMultiLineCommentsAndStrings() {
        String sql = "/* one\n two */ SELECT 'a\nb';\r\n  -- c\n\tSELECT $$x\ny$$; SELECT\n3";
        List<SqlStatement> s = split(sql);
        assertThat(s).extracting(SqlStatement::line).containsExactly(2, 5, 6);
        assertThat(s).extracting(SqlStatement::column).containsExactly(9, 2, 6);
        for (SqlStatement st : s) {
            assertThat(sql.substring(st.start(), st.end())).isEqualTo(st.text());
        }
    }

    @Test
    void splitsPreLexedTokens() {
        String sql = "SELECT 1; SELECT 2";
        assertThat(StatementSplitter.split(sql, SqlLexer.tokenize(sql))).hasSize(2);
    }
}
