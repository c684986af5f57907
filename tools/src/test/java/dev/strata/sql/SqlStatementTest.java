package dev.strata.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementTest {

    private static SqlStatement only(String sql) {
        List<SqlStatement> s = StatementSplitter.split(sql);
        assertThat(s).hasSize(1);
        return s.get(0);
    }

    @Test
    void firstTokenAndNoErrors() {
        SqlStatement s = only("select 1");
        assertThat(s.firstToken().isWord("SELECT")).isTrue();
        assertThat(s.hasErrors()).isFalse();
        assertThat(s.firstError()).isEmpty();
    }

    @Test
    void firstErrorPointsAtTheProblem() {
        SqlStatement s = only("SELECT 1,\n  123abc, 'x");
        assertThat(s.hasErrors()).isTrue();
        Token e = s.firstError().orElseThrow();
        assertThat(e.text()).isEqualTo("123abc");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.error()).contains("trailing junk");
    }

    @Test
    void listsAreImmutableCopies() {
        List<Token> tokens = new ArrayList<>(SqlLexer.tokenize("SELECT 1"));
        SqlStatement s = new SqlStatement("SELECT 1", 0, 8, 1, 1, tokens, List.of(), false, false);
        tokens.clear();
        assertThat(s.tokens()).hasSize(2);
        assertThatThrownBy(() -> s.tokens().add(s.tokens().get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.comments().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aStatementNeedsATokenAtLeast() {
        assertThatThrownBy(() -> new SqlStatement("", 0, 0, 1, 1, List.of(), List.of(), false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commentValuesExposeDirectives() {
        SqlStatement s = only("/* strata-ignore a */ SELECT 1 -- strata-ignore b");
        assertThat(s.comments()).extracting(Token::value).containsExactly(" strata-ignore a ", " strata-ignore b");
    }
}
