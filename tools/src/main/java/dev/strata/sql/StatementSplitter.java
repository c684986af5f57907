package dev.strata.sql;

import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlLexer.TokenKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Splits a script into statements on top-level {@code ;}, using {@link SqlLexer} so that a
 * {@code ;} inside a string, quoted identifier, dollar quote or comment never splits.
 *
 * <p>Why our own splitter: the guard must know how many statements a string holds before any of
 * it reaches the server, and pgjdbc splits multi-statement strings client-side by rules of its
 * own. Like the server, parentheses do not protect a {@code ;}; the one exception is the body of
 * a SQL-standard routine, {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC ... END},
 * whose inner {@code ;} belong to the statement. The body is recognised only when the routine's
 * header is followed, outside parentheses, by {@code BEGIN} and then {@code ATOMIC} (so a parameter
 * named {@code begin} cannot open one), and it is closed by the {@code END} that does not close a
 * {@code CASE} (both reserved words, so they cannot be identifiers). Nested routine definitions
 * inside a body are tracked the same way.
 *
 * <p>Statements that hold only comments (or nothing, as in {@code ;;}) are dropped and their
 * comments carried to the next statement; comments after the last statement attach to it. A psql
 * backslash command ({@code \set x 1}, {@code \i file}) ends any statement in progress and becomes
 * a statement of its own with {@link SqlStatement#psqlMeta()} set, covering the rest of its line.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /** Splits {@code sql}; never throws on malformed input (see {@link SqlStatement#hasErrors()}). */
    public static List<SqlStatement> split(String sql) {
        Objects.requireNonNull(sql, "sql");
        return split(sql, SqlLexer.tokenize(sql));
    }

    /** Splits already-lexed {@code tokens} of {@code sql}. */
    public static List<SqlStatement> split(String sql, List<Token> tokens) {
        Splitter sp = new Splitter(sql);
        for (Token t : tokens) {
            sp.accept(t);
        }
        sp.finish(false);
        sp.attachTrailingComments();
        return sp.result;
    }

    private static final class Splitter {
        private final String sql;
        private final List<SqlStatement> result = new ArrayList<>();
        private final List<Token> tokens = new ArrayList<>();
        private final List<Token> comments = new ArrayList<>();
        private int parenDepth;
        /** 0 = top level; n = inside n nested BEGIN ATOMIC bodies. */
        private int level;
        private int[] caseDepth = new int[4];
        private int[] baseParen = new int[4];
        /** Index into {@link #tokens} where the current (sub-)statement at each level starts. */
        private int[] subStart = new int[4];

        Splitter(String sql) {
            this.sql = sql;
        }

        void accept(Token t) {
            if (t.isComment()) {
                comments.add(t);
                return;
            }
            if (t.kind() == TokenKind.PSQL_META) {
                finish(false);
                tokens.add(t);
                finish(false, true);
                return;
            }
            if (level == 0 && t.isSymbol(";")) {
                finish(true);
                return;
            }
            tokens.add(t);
            track(t, tokens.size() - 1);
        }

        private void track(Token t, int idx) {
            if (t.kind() == TokenKind.PUNCTUATION) {
                switch (t.text()) {
                    case "(" -> parenDepth++;
                    case ")" -> parenDepth = Math.max(0, parenDepth - 1);
                    case ";" -> subStart[level] = idx + 1; // only reached inside a body
                    default -> { }
                }
                return;
            }
            if (t.kind() != TokenKind.IDENTIFIER) {
                return;
            }
            if (level > 0) {
                if (t.isWord("case")) {
                    caseDepth[level]++;
                    return;
                }
                if (t.isWord("end")) {
                    if (caseDepth[level] > 0) {
                        caseDepth[level]--;
                    } else {
                        level--;
                    }
                    return;
                }
            }
            if (t.isWord("atomic") && idx > 0 && tokens.get(idx - 1).isWord("begin")
                    && parenDepth == baseParen[level] && isRoutineDefinition(subStart[level], idx - 1)) {
                level++;
                if (level == caseDepth.length) {
                    caseDepth = Arrays.copyOf(caseDepth, level * 2);
                    baseParen = Arrays.copyOf(baseParen, level * 2);
                    subStart = Arrays.copyOf(subStart, level * 2);
                }
                caseDepth[level] = 0;
                baseParen[level] = parenDepth;
                subStart[level] = idx + 1;
            }
        }

        /** Does {@code tokens[from, to)} start with CREATE [OR REPLACE] FUNCTION|PROCEDURE? */
        private boolean isRoutineDefinition(int from, int to) {
            int k = from;
            if (k >= to || !tokens.get(k).isWord("create")) {
                return false;
            }
            k++;
            if (k + 1 < to && tokens.get(k).isWord("or") && tokens.get(k + 1).isWord("replace")) {
                k += 2;
            }
            return k < to && tokens.get(k).isAnyWord("function", "procedure");
        }

        void finish(boolean terminated) {
            finish(terminated, false);
        }

        private void finish(boolean terminated, boolean psqlMeta) {
            parenDepth = 0;
            level = 0;
            subStart[0] = 0;
            baseParen[0] = 0;
            if (tokens.isEmpty()) {
                return; // empty statement: its comments wait for the next one
            }
            Token first = tokens.get(0);
            Token last = tokens.get(tokens.size() - 1);
            result.add(new SqlStatement(sql.substring(first.start(), last.end()), first.start(), last.end(),
                    first.line(), first.column(), tokens, comments, psqlMeta, terminated));
            tokens.clear();
            comments.clear();
        }

        void attachTrailingComments() {
            if (comments.isEmpty() || result.isEmpty()) {
                return;
            }
            SqlStatement last = result.remove(result.size() - 1);
            List<Token> all = new ArrayList<>(last.comments());
            all.addAll(comments);
            result.add(new SqlStatement(last.text(), last.start(), last.end(), last.line(), last.column(),
                    last.tokens(), all, last.psqlMeta(), last.terminated()));
            comments.clear();
        }
    }
}
