package dev.strata.guardrail;

import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlLexer.TokenKind;
import dev.strata.sql.SqlStatement;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites a statement into a form JSqlParser reads, without changing what it means to PostgreSQL, for the
 * analysis only (PostgreSQL is always asked about the text as written). JSqlParser is a multi-dialect parser; a
 * few things valid in PostgreSQL stop it:
 * <ul>
 *   <li>words it reserves that PostgreSQL lets you use as names ({@code member}, {@code output}, {@code errors},
 *       {@code settings}, {@code number}…): quoted where they stand for a name, which means the same to
 *       PostgreSQL once folded to lower case;</li>
 *   <li>dollar-quoted strings with a tag ({@code $fn$…$fn$}): rewritten as ordinary string constants;</li>
 *   <li>open array slices ({@code a[2:]}, {@code a[:3]}): given explicit bounds;</li>
 *   <li>an empty select list ({@code SELECT FROM t}, {@code EXISTS (SELECT FROM …)}): given a NULL column.</li>
 * </ul>
 */
final class ParseRepairs {

    /** Names JSqlParser refuses in some position where PostgreSQL accepts them (measured on JSqlParser 5.4). */
    private static final Set<String> RESERVED_BY_PARSER = Set.of("absent", "csv", "current", "enum", "exists",
            "force", "global", "import", "member", "prior", "returns", "statement", "unbounded", "unknown",
            "xmlserialize", "number", "output", "errors", "settings", "file", "uuid");
    /** Type names JSqlParser also refuses as column names: quoted only where they cannot be a type. */
    private static final Set<String> TYPE_WORDS = Set.of("bigint", "decimal", "double", "float", "int", "integer",
            "nchar", "numeric", "precision", "real", "smallint", "varchar", "varying", "uuid", "set");

    private ParseRepairs() {
    }

    /** The repaired text, or the statement's own text when nothing needed repair. */
    static String repair(SqlStatement statement) {
        List<Token> tokens = statement.tokens();
        StringBuilder out = new StringBuilder(statement.text().length() + 16);
        int base = statement.start();
        int at = 0;
        String text = statement.text();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String replacement = replacement(tokens, i);
            if (replacement == null) continue;
            int from = t.start() - base;
            out.append(text, at, from).append(replacement);
            at = from + t.text().length();
        }
        return out.append(text, at, text.length()).toString();
    }

    private static String replacement(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        Token prev = i > 0 ? tokens.get(i - 1) : null;
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        if (t.kind() == TokenKind.DOLLAR_STRING && !t.text().startsWith("$$")) {
            String body = t.value();
            return body == null ? null : "'" + body.replace("'", "''") + "'";
        }
        if (t.isSymbol(":") && prev != null && next != null && next.isSymbol("]")) return ":2147483647";
        if (t.isSymbol("[") && next != null && next.isSymbol(":")) return "[1";
        if (t.isWord("select") && (next == null || next.isAnyWord("from", "where", "group", "having", "order",
                "limit", "offset", "union", "intersect", "except", "window") || next.isSymbol(")"))) {
            return t.text() + " NULL";
        }
        if (t.kind() != TokenKind.IDENTIFIER) return null;
        String word = t.text().toLowerCase(Locale.ROOT);
        boolean afterDot = prev != null && prev.isSymbol(".");
        boolean reserved = RESERVED_BY_PARSER.contains(word);
        boolean type = TYPE_WORDS.contains(word);
        if (!reserved && !type) return null;
        if (next != null && next.isSymbol("(") && !afterDot) return null;
        if (type && !afterDot && !(next != null && next.isSymbol("."))) return null;
        if (!afterDot && keywordUse(word, prev, next)) return null;
        return '"' + word + '"';
    }

    /** Where the word is PostgreSQL's keyword, not a name. */
    private static boolean keywordUse(String word, Token prev, Token next) {
        if (prev != null && (prev.isSymbol("::") || prev.isWord("as") && word.equals("uuid"))) return true;
        return switch (word) {
            case "current" -> next != null && next.isAnyWord("row", "of");
            case "unbounded" -> next != null && next.isAnyWord("preceding", "following");
            case "unknown" -> prev != null && prev.isAnyWord("is", "not");
            case "prior" -> prev != null && prev.isWord("fetch");
            case "absent" -> next != null && next.isWord("on");
            case "global" -> next != null && next.isAnyWord("temporary", "temp");
            default -> false;
        };
    }
}
