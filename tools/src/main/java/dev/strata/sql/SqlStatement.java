package dev.strata.sql;

import dev.strata.sql.SqlLexer.Token;
import java.util.List;
import java.util.Optional;

/**
 * One statement of a script, as {@link StatementSplitter} found it.
 *
 * <p>{@code text} runs from the first to the last significant token, without the terminating
 * {@code ;} and without leading comments; {@code start}/{@code end} are its offsets in the
 * script and {@code line}/{@code column} (1-based) the position of its first token.
 * {@code tokens} holds the significant tokens (no comments); {@code comments} holds every comment
 * that precedes the statement (since the previous one ended) or lies inside it, so that
 * directives such as {@code -- strata-ignore rule-id} can be found without being confused by
 * look-alikes inside strings. {@code psqlMeta} marks a psql backslash command; {@code terminated}
 * says whether a {@code ;} ended the statement.
 */
public record SqlStatement(
        String text,
        int start,
        int end,
        int line,
        int column,
        List<Token> tokens,
        List<Token> comments,
        boolean psqlMeta,
        boolean terminated) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
        comments = List.copyOf(comments);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a statement has at least one token");
        }
    }

    /** The first significant token. */
    public Token firstToken() {
        return tokens.get(0);
    }

    /** True if the lexer reported an error anywhere in the statement (fail closed on it). */
    public boolean hasErrors() {
        return firstError().isPresent();
    }

    /** The first {@link SqlLexer.TokenKind#ERROR} token, if any. */
    public Optional<Token> firstError() {
        for (Token t : tokens) {
            if (t.isError()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
