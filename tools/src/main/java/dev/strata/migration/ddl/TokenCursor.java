package dev.strata.migration.ddl;

import dev.strata.catalog.QualifiedName;
import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlLexer.TokenKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over a statement's significant tokens with the few moves a DDL recogniser needs.
 *
 * <p>Every loop of the recogniser looks at the cursor ({@link #atEnd}, {@link #peek}, {@link #is}…) on each turn,
 * so the cursor carries a budget of looks proportional to the statement's length. A loop that stops consuming
 * tokens exhausts it within microseconds and ends in {@link StalledException}, which the recogniser turns into an
 * unanalysed statement: a recogniser bug can cost a statement's analysis, never the run.
 */
final class TokenCursor {

    /** Thrown when the recogniser looked at the tokens far more often than any finite reading needs. */
    static final class StalledException extends RuntimeException {
        StalledException(int position, int tokens) {
            super("the recogniser stopped advancing at token " + position + " of " + tokens, null, false, false);
        }
    }

    /** Looks allowed per token: generous (a reading peeks a few tokens ahead and rescans groups), still tiny. */
    private static final int LOOKS_PER_TOKEN = 256;

    private final List<Token> tokens;
    private final String source;
    private int i;
    private long looksLeft;

    TokenCursor(List<Token> tokens, String source) {
        this.tokens = tokens;
        this.source = source;
        this.looksLeft = (long) LOOKS_PER_TOKEN * (tokens.size() + 16);
    }

    boolean atEnd() {
        look();
        return i >= tokens.size();
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        look();
        int k = i + ahead;
        return k < tokens.size() ? tokens.get(k) : null;
    }

    private void look() {
        if (--looksLeft < 0) throw new StalledException(i, tokens.size());
    }

    /** Consumes and returns the next token; past the end it consumes nothing and returns null. */
    Token next() {
        look();
        return i < tokens.size() ? tokens.get(i++) : null;
    }

    int position() {
        return i;
    }

    void reset(int position) {
        i = position;
    }

    boolean is(String word) {
        Token t = peek();
        return t != null && t.isWord(word);
    }

    boolean isSymbol(String symbol) {
        Token t = peek();
        return t != null && t.isSymbol(symbol);
    }

    /** Consumes the words if they come next, in order; otherwise consumes nothing. */
    boolean accept(String... words) {
        for (int k = 0; k < words.length; k++) {
            Token t = peek(k);
            if (t == null || !t.isWord(words[k])) return false;
        }
        i += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (isSymbol(symbol)) {
            i++;
            return true;
        }
        return false;
    }

    boolean isName() {
        Token t = peek();
        return t != null && (t.kind() == TokenKind.IDENTIFIER || t.kind() == TokenKind.QUOTED_IDENTIFIER);
    }

    /** An identifier's stored form (unquoted names fold to lower case), or null if no name comes next. */
    String name() {
        if (!isName()) return null;
        return next().value();
    }

    /** {@code name}, {@code schema.name} or {@code db.schema.name}. */
    QualifiedName qualifiedName() {
        String first = name();
        if (first == null) return null;
        List<String> parts = new ArrayList<>(List.of(first));
        while (isSymbol(".") && peek(1) != null
                && (peek(1).kind() == TokenKind.IDENTIFIER || peek(1).kind() == TokenKind.QUOTED_IDENTIFIER)) {
            i++;
            parts.add(next().value());
        }
        return parts.size() == 1 ? new QualifiedName(null, parts.get(0))
                : new QualifiedName(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
    }

    /** A comma-separated list of qualified names (a trailing {@code *} after each is skipped). */
    List<QualifiedName> qualifiedNames() {
        List<QualifiedName> out = new ArrayList<>();
        do {
            accept("only");
            QualifiedName q = qualifiedName();
            if (q == null) break;
            out.add(q);
            if (isSymbol("*") || (peek() != null && peek().text().equals("*"))) i++;
        } while (acceptSymbol(","));
        return out;
    }

    /** A parenthesised comma-separated list of names, e.g. a column list; null if no {@code (} comes next. */
    List<String> nameList() {
        if (!isSymbol("(")) return null;
        int close = matching(i);
        List<String> out = new ArrayList<>();
        int start = i + 1;
        for (int k = start; k <= close; k++) {
            if (k == close || (tokens.get(k).isSymbol(",") && depth(start, k) == 0)) {
                out.add(textOf(start, k).trim());
                start = k + 1;
            }
        }
        i = close + 1;
        List<String> names = new ArrayList<>();
        for (String part : out) {
            if (part.isEmpty()) continue;
            names.add(unquoteSimple(part));
        }
        return names;
    }

    private int depth(int from, int to) {
        int d = 0;
        for (int k = from; k < to; k++) {
            if (tokens.get(k).isSymbol("(") || tokens.get(k).isSymbol("[")) d++;
            else if (tokens.get(k).isSymbol(")") || tokens.get(k).isSymbol("]")) d--;
        }
        return d;
    }

    private static final java.util.regex.Pattern SIMPLE_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    /** A simple identifier part of a list ("Name" → Name, name → name; expressions and options kept as written). */
    private static String unquoteSimple(String part) {
        String p = part.trim();
        // drop ordering and operator-class words after the name: "created_at DESC NULLS LAST"
        if (p.startsWith("\"")) {
            int end = p.indexOf('"', 1);
            while (end > 0 && end + 1 < p.length() && p.charAt(end + 1) == '"') end = p.indexOf('"', end + 2);
            return end > 0 ? p.substring(1, end).replace("\"\"", "\"") : p;
        }
        if (p.startsWith("(")) return p;
        int end = 0;
        while (end < p.length() && !Character.isWhitespace(p.charAt(end)) && p.charAt(end) != '(') end++;
        String first = p.substring(0, end);
        // "hot_rank (score, published) DESC" is a call, not the column hot_rank
        if (p.substring(end).trim().startsWith("(")) return p;
        if (SIMPLE_NAME.matcher(first).matches()) return first.toLowerCase(java.util.Locale.ROOT);
        return p;
    }

    /** The index of the {@code )} matching the {@code (} at {@code open} (or the last token if unbalanced). */
    int matching(int open) {
        int d = 0;
        for (int k = open; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.isSymbol("(") || t.isSymbol("[")) d++;
            else if (t.isSymbol(")") || t.isSymbol("]")) {
                d--;
                if (d == 0) return k;
            }
        }
        return tokens.size() - 1;
    }

    /**
     * Skips a parenthesised (or bracketed: {@code [4]}, {@code [1:2]}) group and returns its inner text, or null
     * if no {@code (} or {@code [} comes next.
     */
    String group() {
        if (!isSymbol("(") && !isSymbol("[")) return null;
        int close = matching(i);
        String inner = close > i + 1 ? textOf(i + 1, close) : "";
        i = close + 1;
        return inner;
    }

    /**
     * Consumes tokens up to (not including) the first one at parenthesis depth 0 that is a {@code ,} or {@code )}
     * or one of {@code stopWords}, and returns their source text (null when nothing was consumed).
     */
    String until(String... stopWords) {
        int start = i;
        int d = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (d == 0 && (t.isSymbol(",") || t.isSymbol(")") || t.isAnyWord(stopWords))) break;
            if (t.isSymbol("(") || t.isSymbol("[")) d++;
            else if (t.isSymbol(")") || t.isSymbol("]")) d--;
            i++;
        }
        return i > start ? textOf(start, i) : null;
    }

    /** Whether a word appears at parenthesis depth 0 from the cursor to the end. */
    boolean aheadAtDepthZero(String word) {
        int d = 0;
        for (int k = i; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.isSymbol("(") || t.isSymbol("[")) d++;
            else if (t.isSymbol(")") || t.isSymbol("]")) d--;
            else if (d == 0 && t.isWord(word)) return true;
        }
        return false;
    }

    /** Skips to just past the next {@code ,} at depth 0 (or to the end); returns false at the end. */
    boolean skipPastComma() {
        until();
        return acceptSymbol(",");
    }

    void skipToEnd() {
        i = tokens.size();
    }

    /** Source text from token {@code from} to just before token {@code to}. */
    String textOf(int from, int to) {
        if (from >= to) return "";
        return source.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    /** Source text of the rest of the statement. */
    String rest() {
        return textOf(i, tokens.size());
    }
}
