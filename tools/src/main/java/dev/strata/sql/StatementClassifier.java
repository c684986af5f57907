package dev.strata.sql;

import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlLexer.TokenKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Classifies one statement from its tokens into a {@link StatementKind} plus flags, failing
 * closed: {@link Classification#readOnly()} is true only for {@code SELECT}, {@code VALUES},
 * {@code TABLE}, {@code SHOW}, a {@code WITH} whose CTEs and main statement are all read-only, and
 * {@code EXPLAIN} without {@code ANALYZE} of such a statement; and never when the statement has a
 * lexical error, psql syntax, {@code SELECT ... INTO}, a row-locking clause or any
 * {@code INSERT}/{@code UPDATE}/{@code DELETE}/{@code MERGE}.
 *
 * <p>Why token rules rather than a grammar (JSqlParser cannot parse many PostgreSQL forms): the
 * facts that decide read-only can be read from keywords at any nesting depth. {@code INTO} and
 * {@code FOR} are reserved words; a data-modifying statement can only begin {@code INSERT INTO},
 * {@code DELETE FROM}, {@code MERGE INTO} or {@code UPDATE}, and keywords cannot be quoted or
 * escaped. So every such sequence counts wherever it appears (except a name after {@code .} or
 * {@code AS}, where no statement can start). Where a word is ambiguous the rule errs towards "not
 * read-only": a column named {@code update} makes a query not read-only; quoting it
 * ({@code "update"}) avoids that.
 *
 * <p>Read-only here is syntactic: a {@code SELECT} can still call a function that writes
 * ({@code nextval}, {@code dblink_exec}, ...), so run read-only statements in a
 * {@code READ ONLY} transaction as well.
 */
public final class StatementClassifier {

    private StatementClassifier() {
    }

    /** Properties found in a statement. */
    public enum Flag {
        /** An INSERT/UPDATE/DELETE/MERGE appears: in a CTE body, as a WITH's main statement, or as the statement. */
        DATA_MODIFYING,
        /** {@code SELECT ... INTO new_table} (creates a table). */
        SELECT_INTO,
        /** {@code FOR UPDATE / FOR NO KEY UPDATE / FOR SHARE / FOR KEY SHARE} at any nesting level. */
        ROW_LOCK,
        /** {@code EXPLAIN ANALYZE}, {@code EXPLAIN (ANALYZE ...)} in any form or value: the statement is executed. */
        EXPLAIN_ANALYZE,
        /** {@code COPY ... TO}. */
        COPY_TO,
        /** {@code COPY ... FROM}. */
        COPY_FROM,
        /** {@code COPY ... TO PROGRAM / FROM PROGRAM}: runs a shell command on the server. */
        COPY_PROGRAM,
        /** The lexer reported an error (unterminated literal, NUL, trailing junk, ...). */
        LEX_ERROR,
        /** psql variable interpolation or a backslash command inside the statement. */
        PSQL_VARIABLE,
        /**
         * A {@code ;} inside the token list: more than one statement was passed to
         * {@link #classify(List)} (only a {@code BEGIN ATOMIC} routine body legitimately has one).
         */
        EMBEDDED_SEMICOLON
    }

    /**
     * The result. {@code target} is the statement a {@code WITH} list or an {@code EXPLAIN}
     * applies to (its main statement), else {@code null}.
     */
    public record Classification(StatementKind kind, Set<Flag> flags, Classification target) {

        public Classification {
            Objects.requireNonNull(kind, "kind");
            EnumSet<Flag> copy = EnumSet.noneOf(Flag.class);
            copy.addAll(flags);
            flags = Collections.unmodifiableSet(copy);
        }

        public boolean has(Flag flag) {
            return flags.contains(flag);
        }

        /** See the class comment; false for anything not positively known to be read-only. */
        public boolean readOnly() {
            return reason() == null;
        }

        public boolean dataModifying() {
            return has(Flag.DATA_MODIFYING);
        }

        public boolean explainAnalyze() {
            return has(Flag.EXPLAIN_ANALYZE);
        }

        public boolean selectInto() {
            return has(Flag.SELECT_INTO);
        }

        public boolean rowLocking() {
            return has(Flag.ROW_LOCK);
        }

        public boolean copyProgram() {
            return has(Flag.COPY_PROGRAM);
        }

        /** Why the statement is not read-only, in words fit for an error message; null if it is. */
        public String reason() {
            if (has(Flag.LEX_ERROR)) {
                return "the statement contains a lexical error (unterminated literal or comment, or invalid characters)";
            }
            if (has(Flag.EMBEDDED_SEMICOLON) && kind != StatementKind.CREATE) {
                return "the tokens hold more than one statement";
            }
            if (has(Flag.PSQL_VARIABLE)) {
                return "the statement contains psql syntax (a :variable or backslash command)";
            }
            if (has(Flag.DATA_MODIFYING)) {
                return "the statement contains INSERT, UPDATE, DELETE or MERGE";
            }
            if (has(Flag.SELECT_INTO)) {
                return "SELECT ... INTO creates a table";
            }
            if (has(Flag.ROW_LOCK)) {
                return "FOR UPDATE / FOR SHARE row-locking clauses take locks";
            }
            if (has(Flag.EXPLAIN_ANALYZE)) {
                return "EXPLAIN ANALYZE executes the statement";
            }
            if (has(Flag.COPY_PROGRAM)) {
                return "COPY ... PROGRAM runs a command on the server";
            }
            switch (kind) {
                case SELECT, VALUES, TABLE, SHOW:
                    return null;
                case WITH:
                case EXPLAIN:
                    if (target == null || target.kind() == StatementKind.UNKNOWN) {
                        return kind + " is not followed by a recognised statement";
                    }
                    if (kind == StatementKind.WITH && target.kind() != StatementKind.SELECT
                            && target.kind() != StatementKind.VALUES && target.kind() != StatementKind.TABLE) {
                        return "WITH ... " + target.kind() + " is not read-only";
                    }
                    String inner = target.reason();
                    return inner == null ? null : kind + " of a statement that is not read-only: " + inner;
                case UNKNOWN:
                    return "the statement type is not recognised";
                default:
                    return kind + " statements are not read-only";
            }
        }
    }

    /** Classifies a statement produced by {@link StatementSplitter}. */
    public static Classification classify(SqlStatement statement) {
        Objects.requireNonNull(statement, "statement");
        if (statement.psqlMeta()) {
            return new Classification(StatementKind.PSQL_META, EnumSet.of(Flag.PSQL_VARIABLE), null);
        }
        return classify(statement.tokens());
    }

    /**
     * Classifies {@code sql}, which must hold exactly one statement; anything else (none, or
     * several) is {@link StatementKind#UNKNOWN}.
     */
    public static Classification classify(String sql) {
        List<SqlStatement> statements = StatementSplitter.split(sql);
        if (statements.size() != 1) {
            return new Classification(StatementKind.UNKNOWN, EnumSet.noneOf(Flag.class), null);
        }
        return classify(statements.get(0));
    }

    /**
     * Classifies the tokens of one statement. Comments and trailing {@code ;} are ignored; any other
     * {@code ;} sets {@link Flag#EMBEDDED_SEMICOLON}, so a whole script passed here by mistake is
     * never read-only.
     */
    public static Classification classify(List<Token> tokens) {
        List<Token> significant = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (!t.isComment()) {
                significant.add(t);
            }
        }
        int to = significant.size();
        while (to > 0 && significant.get(to - 1).isSymbol(";")) {
            to--;
        }
        Token[] t = significant.subList(0, to).toArray(new Token[0]);
        Classification c = classifyRange(t, 0, t.length);
        for (Token x : t) {
            if (x.isSymbol(";")) {
                EnumSet<Flag> flags = EnumSet.of(Flag.EMBEDDED_SEMICOLON);
                flags.addAll(c.flags());
                return new Classification(c.kind(), flags, c.target());
            }
        }
        return c;
    }

    private static Classification classifyRange(Token[] t, int from, int to) {
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        for (int k = from; k < to; k++) {
            TokenKind tk = t[k].kind();
            if (tk == TokenKind.ERROR) {
                flags.add(Flag.LEX_ERROR);
            } else if (tk == TokenKind.PSQL_VARIABLE || tk == TokenKind.PSQL_META) {
                flags.add(Flag.PSQL_VARIABLE);
            }
        }
        if (from >= to) {
            return new Classification(StatementKind.UNKNOWN, flags, null);
        }
        if (t[from].kind() == TokenKind.PSQL_META) {
            return new Classification(StatementKind.PSQL_META, flags, null);
        }
        int i = from;
        while (i < to && t[i].isSymbol("(")) {
            i++;
        }
        boolean parenthesised = i > from;
        if (i >= to || t[i].kind() != TokenKind.IDENTIFIER) {
            return new Classification(StatementKind.UNKNOWN, flags, null);
        }
        String word = SqlLexer.asciiLower(t[i].text());
        if (parenthesised && !(word.equals("select") || word.equals("values") || word.equals("table")
                || word.equals("with"))) {
            return new Classification(StatementKind.UNKNOWN, flags, null);
        }
        Token next = i + 1 < to ? t[i + 1] : null;
        Classification target = null;
        StatementKind kind;
        switch (word) {
            case "select" -> kind = StatementKind.SELECT;
            case "values" -> kind = StatementKind.VALUES;
            case "table" -> kind = StatementKind.TABLE;
            case "with" -> {
                kind = StatementKind.WITH;
                target = withTarget(t, i, to);
            }
            case "explain" -> {
                kind = StatementKind.EXPLAIN;
                target = explainTarget(t, i, to, flags);
            }
            case "show" -> kind = StatementKind.SHOW;
            case "insert" -> kind = StatementKind.INSERT;
            case "update" -> kind = StatementKind.UPDATE;
            case "delete" -> kind = StatementKind.DELETE;
            case "merge" -> kind = StatementKind.MERGE;
            case "copy" -> kind = StatementKind.COPY;
            case "create" -> kind = StatementKind.CREATE;
            case "alter" -> kind = StatementKind.ALTER;
            case "drop" -> kind = StatementKind.DROP;
            case "truncate" -> kind = StatementKind.TRUNCATE;
            case "comment" -> kind = StatementKind.COMMENT;
            case "grant" -> kind = StatementKind.GRANT;
            case "revoke" -> kind = StatementKind.REVOKE;
            case "security" -> kind = isWord(next, "label") ? StatementKind.SECURITY_LABEL : StatementKind.UNKNOWN;
            case "import" -> kind = StatementKind.IMPORT;
            case "begin" -> kind = StatementKind.BEGIN;
            case "start" -> kind = isWord(next, "transaction") ? StatementKind.BEGIN : StatementKind.UNKNOWN;
            case "commit" -> kind = isWord(next, "prepared") ? StatementKind.COMMIT_PREPARED : StatementKind.COMMIT;
            case "end" -> kind = StatementKind.COMMIT;
            case "rollback" -> kind = isWord(next, "prepared")
                    ? StatementKind.ROLLBACK_PREPARED : StatementKind.ROLLBACK;
            case "abort" -> kind = StatementKind.ROLLBACK;
            case "savepoint" -> kind = StatementKind.SAVEPOINT;
            case "release" -> kind = StatementKind.RELEASE;
            case "prepare" -> kind = isWord(next, "transaction") && i + 2 < to && t[i + 2].kind().isString()
                    ? StatementKind.PREPARE_TRANSACTION : StatementKind.PREPARE;
            case "set" -> kind = setKind(t, i, to);
            case "reset" -> kind = StatementKind.RESET;
            case "discard" -> kind = StatementKind.DISCARD;
            case "load" -> kind = StatementKind.LOAD;
            case "listen" -> kind = StatementKind.LISTEN;
            case "notify" -> kind = StatementKind.NOTIFY;
            case "unlisten" -> kind = StatementKind.UNLISTEN;
            case "lock" -> kind = StatementKind.LOCK;
            case "do" -> kind = StatementKind.DO;
            case "call" -> kind = StatementKind.CALL;
            case "execute" -> kind = StatementKind.EXECUTE;
            case "deallocate" -> kind = StatementKind.DEALLOCATE;
            case "declare" -> kind = StatementKind.DECLARE;
            case "fetch" -> kind = StatementKind.FETCH;
            case "move" -> kind = StatementKind.MOVE;
            case "close" -> kind = StatementKind.CLOSE;
            case "vacuum" -> kind = StatementKind.VACUUM;
            case "analyze", "analyse" -> kind = StatementKind.ANALYZE;
            case "cluster" -> kind = StatementKind.CLUSTER;
            case "reindex" -> kind = StatementKind.REINDEX;
            case "refresh" -> kind = StatementKind.REFRESH;
            case "checkpoint" -> kind = StatementKind.CHECKPOINT;
            default -> kind = StatementKind.UNKNOWN;
        }
        switch (kind) {
            case SELECT, VALUES, TABLE, WITH, EXPLAIN -> queryFlags(t, from, to, flags);
            case INSERT, UPDATE, DELETE, MERGE -> flags.add(Flag.DATA_MODIFYING);
            case COPY -> copyFlags(t, i, to, flags);
            default -> { }
        }
        return new Classification(kind, flags, target);
    }

    private static boolean isWord(Token t, String word) {
        return t != null && t.isWord(word);
    }

    private static StatementKind setKind(Token[] t, int i, int to) {
        int j = i + 1;
        for (int pass = 0; pass < 2 && j < to; pass++) {
            if (t[j].isWord("session") && j + 1 < to && t[j + 1].isWord("characteristics")) {
                return StatementKind.SET_SESSION_CHARACTERISTICS;
            }
            if (t[j].isWord("transaction")) {
                return StatementKind.SET_TRANSACTION;
            }
            if (!t[j].isAnyWord("local", "session")) {
                break;
            }
            j++;
        }
        return StatementKind.SET;
    }

    /**
     * Skips {@code WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (body) [SEARCH ...]
     * [CYCLE ...] [, ...]} and classifies the main statement that follows.
     */
    private static Classification withTarget(Token[] t, int i, int to) {
        Classification unknown = new Classification(StatementKind.UNKNOWN, EnumSet.noneOf(Flag.class), null);
        int j = i + 1;
        if (j < to && t[j].isWord("recursive")) {
            j++;
        }
        while (true) {
            if (j >= to || (t[j].kind() != TokenKind.IDENTIFIER && t[j].kind() != TokenKind.QUOTED_IDENTIFIER)) {
                return unknown;
            }
            j++;
            if (j < to && t[j].isSymbol("(")) {
                j = matchingParen(t, j, to);
                if (j < 0) {
                    return unknown;
                }
                j++;
            }
            if (j >= to || !t[j].isWord("as")) {
                return unknown;
            }
            j++;
            if (j < to && t[j].isWord("not")) {
                j++;
            }
            if (j < to && t[j].isWord("materialized")) {
                j++;
            }
            if (j >= to || !t[j].isSymbol("(")) {
                return unknown;
            }
            j = matchingParen(t, j, to);
            if (j < 0) {
                return unknown;
            }
            j++;
            if (j < to && t[j].isWord("search")) {
                j = skipPastWordAndName(t, j, to, "set");
                if (j < 0) {
                    return unknown;
                }
            }
            if (j < to && t[j].isWord("cycle")) {
                j = skipPastWordAndName(t, j, to, "using");
                if (j < 0) {
                    return unknown;
                }
            }
            if (j < to && t[j].isSymbol(",")) {
                j++;
                continue;
            }
            return classifyRange(t, j, to);
        }
    }

    /** From {@code j}, finds {@code word} outside parentheses and returns the index after the name following it. */
    private static int skipPastWordAndName(Token[] t, int j, int to, String word) {
        for (int k = j + 1; k < to; k++) {
            if (t[k].isSymbol("(")) {
                k = matchingParen(t, k, to);
                if (k < 0) {
                    return -1;
                }
            } else if (t[k].isWord(word)) {
                return k + 2 <= to ? k + 2 : -1;
            }
        }
        return -1;
    }

    /** Handles {@code EXPLAIN [ANALYZE] [VERBOSE] stmt} and {@code EXPLAIN (options) stmt}. */
    private static Classification explainTarget(Token[] t, int i, int to, EnumSet<Flag> flags) {
        int j = i + 1;
        if (j < to && t[j].isSymbol("(")) {
            int close = matchingParen(t, j, to);
            if (close < 0) {
                flags.add(Flag.EXPLAIN_ANALYZE); // cannot tell: assume the worst
                return new Classification(StatementKind.UNKNOWN, EnumSet.noneOf(Flag.class), null);
            }
            // Whether the group is an option list or a parenthesised query, any analyze word in it
            // counts (fail closed). Option names may be quoted ("analyze") or U&-escaped, so compare
            // decoded values.
            for (int k = j + 1; k < close; k++) {
                TokenKind tk = t[k].kind();
                if (tk == TokenKind.IDENTIFIER || tk == TokenKind.QUOTED_IDENTIFIER) {
                    String v = t[k].value();
                    if (v == null || SqlLexer.equalsIgnoreAsciiCase(v, "analyze")
                            || SqlLexer.equalsIgnoreAsciiCase(v, "analyse")) {
                        flags.add(Flag.EXPLAIN_ANALYZE);
                    }
                }
            }
            if (!(j + 1 < to && startsQuery(t[j + 1]))) {
                j = close + 1;
            }
        } else {
            while (j < to && t[j].isAnyWord("analyze", "analyse", "verbose")) {
                if (!t[j].isWord("verbose")) {
                    flags.add(Flag.EXPLAIN_ANALYZE);
                }
                j++;
            }
        }
        return classifyRange(t, j, to);
    }

    private static boolean startsQuery(Token t) {
        return t.isSymbol("(") || t.isAnyWord("select", "values", "table", "with");
    }

    private static int matchingParen(Token[] t, int open, int to) {
        int depth = 0;
        for (int k = open; k < to; k++) {
            if (t[k].isSymbol("(")) {
                depth++;
            } else if (t[k].isSymbol(")") && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** INTO, row locks and DML anywhere in a query (any nesting level). */
    private static void queryFlags(Token[] t, int from, int to, EnumSet<Flag> flags) {
        for (int k = from; k < to; k++) {
            Token x = t[k];
            if (x.kind() != TokenKind.IDENTIFIER) {
                continue;
            }
            Token prev = k > from ? t[k - 1] : null;
            Token next = k + 1 < to ? t[k + 1] : null;
            // after "." it is a column reference, after AS an alias: a statement cannot start there
            boolean nameOnly = prev != null && (prev.isSymbol(".") || prev.isWord("as"));
            if (x.isWord("into")) {
                if (prev == null || !prev.isAnyWord("insert", "merge")) {
                    flags.add(Flag.SELECT_INTO);
                }
            } else if (x.isWord("for")) {
                if (isWord(next, "update") || isWord(next, "share")
                        || (isWord(next, "no") && k + 3 < to && t[k + 2].isWord("key") && t[k + 3].isWord("update"))
                        || (isWord(next, "key") && k + 2 < to && t[k + 2].isWord("share"))) {
                    flags.add(Flag.ROW_LOCK);
                }
            } else if (x.isWord("update")) {
                boolean lock = isWord(prev, "for")
                        || (isWord(prev, "key") && k - 3 >= from && t[k - 2].isWord("no") && t[k - 3].isWord("for"));
                if (!lock && !nameOnly) {
                    flags.add(Flag.DATA_MODIFYING);
                }
            } else if (x.isAnyWord("insert", "merge")) {
                if (!nameOnly && isWord(next, "into")) {
                    flags.add(Flag.DATA_MODIFYING);
                }
            } else if (x.isWord("delete")) {
                if (!nameOnly && isWord(next, "from")) {
                    flags.add(Flag.DATA_MODIFYING);
                }
            }
        }
    }

    private static void copyFlags(Token[] t, int i, int to, EnumSet<Flag> flags) {
        int depth = 0;
        for (int k = i + 1; k < to; k++) {
            Token x = t[k];
            if (x.isSymbol("(")) {
                depth++;
            } else if (x.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && x.isAnyWord("to", "from")) {
                flags.add(x.isWord("to") ? Flag.COPY_TO : Flag.COPY_FROM);
                if (k + 1 < to && t[k + 1].isWord("program")) {
                    flags.add(Flag.COPY_PROGRAM);
                }
                return;
            }
        }
    }
}
