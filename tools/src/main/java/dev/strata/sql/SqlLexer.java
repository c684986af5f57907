package dev.strata.sql;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A token-level lexer for PostgreSQL SQL text (no parser).
 *
 * <p>Why a lexer of our own rather than JSqlParser or the JDBC driver: JSqlParser cannot parse
 * many PostgreSQL forms (dollar quoting, {@code E''} strings, {@code BEGIN ATOMIC}, most utility
 * statements), and pgjdbc splits multi-statement strings client-side with its own rules. A guard
 * that decides how many statements a string holds and what they are must see the text exactly as
 * the server's scanner will, so this class follows PostgreSQL 16's {@code scan.l} rule by rule:
 *
 * <ul>
 *   <li>{@code standard_conforming_strings = on} (the server default) is assumed: in a plain
 *       {@code '...'} string a backslash is literal; only {@code E'...'} strings take backslash
 *       escapes.
 *   <li>Two quoted literals separated only by whitespace containing a newline are one literal,
 *       and the continuation keeps the first part's escaping rule. So in {@code E'a'<NL>'\';'} the
 *       second part is lexed with backslash escapes, as the server does. A lexer that misses this
 *       can be made to see a string where the server sees a statement boundary.
 *   <li>Block comments nest; {@code --} and {@code /*} end an operator that contains them; a
 *       multi-character operator may not end in {@code +} or {@code -} unless it contains one of
 *       {@code ~!@#^&|`?%}.
 *   <li>A number immediately followed by identifier characters ({@code 123abc}, {@code 0x1G}) is an
 *       error ("trailing junk"), as in PostgreSQL 15+; so is {@code $1abc}.
 *   <li>Any character {@code >= 0x80} is an identifier character, as PostgreSQL treats high-bit
 *       bytes (so a non-breaking space is part of an identifier, not whitespace).
 * </ul>
 *
 * <p>Problems never throw: an unterminated string, quoted identifier, dollar quote or comment, a
 * NUL or unpaired UTF-16 surrogate anywhere (the server would never see them as written), a
 * vertical tab between tokens (whitespace only since PostgreSQL 16), or a character PostgreSQL
 * rejects becomes an {@link TokenKind#ERROR} token with its position and a message, so callers
 * can fail closed.
 *
 * <p>Whitespace is not reported; comments are. Positions are UTF-16 offsets into the input;
 * {@code line} and {@code column} are 1-based ({@code \r\n}, {@code \n} and a lone {@code \r}
 * each end a line; columns count UTF-16 chars).
 *
 * <p>Beyond the server's syntax, a backslash outside quotes starts a {@link TokenKind#PSQL_META}
 * token running to the end of the line, and {@code :name}, {@code :'name'}, {@code :"name"} and
 * {@code :{?name}} outside brackets are {@link TokenKind#PSQL_VARIABLE}: psql would rewrite them
 * before the server saw the text, so callers should reject them. Inside {@code [...]} a colon is
 * an array-slice separator, as the server reads it.
 *
 * <p>The scan is a single pass over a {@code char[]} with no regular expressions.
 */
public final class SqlLexer {

    /** What a token is. */
    public enum TokenKind {
        /** Unquoted identifier or keyword; compare with {@link Token#isWord}. */
        IDENTIFIER,
        /** {@code "..."} or {@code U&"..."} (with any {@code UESCAPE} clause). */
        QUOTED_IDENTIFIER,
        /** {@code '...'} or {@code N'...'}. */
        STRING,
        /** {@code E'...'} (backslash escapes). */
        ESCAPE_STRING,
        /** {@code U&'...'} (with any {@code UESCAPE} clause). */
        UNICODE_STRING,
        /** {@code B'...'} or {@code X'...'}. */
        BIT_STRING,
        /** {@code $$...$$} or {@code $tag$...$tag$}. */
        DOLLAR_STRING,
        NUMBER,
        /** Operators, including {@code ::}, {@code :=} and {@code =>}. */
        OPERATOR,
        /** One of {@code ( ) , ; [ ] . :} or {@code ..}. */
        PUNCTUATION,
        /** Positional parameter {@code $1}. */
        PARAM,
        /** psql variable interpolation {@code :name}, {@code :'name'}, {@code :"name"}, {@code :{?name}}. */
        PSQL_VARIABLE,
        /** psql backslash command, from {@code \} to the end of the line. */
        PSQL_META,
        LINE_COMMENT,
        BLOCK_COMMENT,
        /** Something the server would reject while scanning; see {@link Token#error()}. */
        ERROR;

        public boolean isComment() {
            return this == LINE_COMMENT || this == BLOCK_COMMENT;
        }

        /** A string constant of any form. */
        public boolean isString() {
            return this == STRING || this == ESCAPE_STRING || this == UNICODE_STRING
                    || this == BIT_STRING || this == DOLLAR_STRING;
        }
    }

    /**
     * One token. {@code text} is the exact source text; {@code error} is non-null only for
     * {@link TokenKind#ERROR}.
     */
    public record Token(TokenKind kind, String text, int start, int line, int column, String error) {

        public Token {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }

        /** Offset just past the token. */
        public int end() {
            return start + text.length();
        }

        /**
         * True if this is an unquoted identifier equal to {@code word} ignoring ASCII case only
         * (PostgreSQL folds only ASCII letters; {@code String.equalsIgnoreCase} would also match
         * e.g. U+017F against {@code s}). A quoted {@code "select"} is never a keyword.
         */
        public boolean isWord(String word) {
            return kind == TokenKind.IDENTIFIER && equalsIgnoreAsciiCase(text, word);
        }

        /** {@link #isWord} for any of {@code words}. */
        public boolean isAnyWord(String... words) {
            if (kind != TokenKind.IDENTIFIER) {
                return false;
            }
            for (String w : words) {
                if (equalsIgnoreAsciiCase(text, w)) {
                    return true;
                }
            }
            return false;
        }

        /** True if this is the operator or punctuation {@code symbol} exactly. */
        public boolean isSymbol(String symbol) {
            return (kind == TokenKind.PUNCTUATION || kind == TokenKind.OPERATOR) && text.equals(symbol);
        }

        public boolean isComment() {
            return kind.isComment();
        }

        public boolean isError() {
            return kind == TokenKind.ERROR;
        }

        /**
         * The token's meaning with quoting removed: identifiers ASCII-lower-cased (not truncated to
         * 63 bytes), quoted identifiers and string constants unquoted and unescaped (continuations
         * joined, {@code E''}, {@code U&} and {@code UESCAPE} decoded), dollar strings' bodies,
         * comment bodies, psql variable names. Returns {@code null} where the server would reject
         * the escapes (bad {@code \\u}, invalid UTF-8, NUL). Other kinds return the text.
         */
        public String value() {
            return switch (kind) {
                case IDENTIFIER -> asciiLower(text);
                case QUOTED_IDENTIFIER -> decodeQuotedIdentifier(text);
                case STRING, ESCAPE_STRING, UNICODE_STRING, BIT_STRING -> decodeStringConstant(text, kind);
                case DOLLAR_STRING -> {
                    int d = text.indexOf('$', 1) + 1;
                    yield text.substring(d, text.length() - d);
                }
                case LINE_COMMENT -> text.substring(2);
                case BLOCK_COMMENT -> text.substring(2, text.length() - 2);
                case PSQL_VARIABLE -> psqlVariableName(text);
                default -> text;
            };
        }
    }

    private static final int MODE_STANDARD = 0;
    private static final int MODE_ESCAPE = 1;
    private static final int MODE_BIT = 2;
    /** PostgreSQL's NAMEDATALEN: operators this long or longer are rejected. */
    private static final int NAMEDATALEN = 64;

    private final String src;
    private final char[] s;
    private final int n;
    /** The input holds a NUL or a UTF-16 surrogate, so tokens must be checked for them. */
    private final boolean suspicious;
    private final List<Token> out;
    private int bracketDepth;
    // incremental line/column tracking; token starts are monotonic
    private int lcPos;
    private int line = 1;
    private int lineStart;

    private SqlLexer(String sql) {
        this.src = sql;
        this.s = sql.toCharArray();
        this.n = s.length;
        this.suspicious = hasNulOrSurrogate(s);
        this.out = new ArrayList<>(Math.max(16, n / 4));
    }

    /** Lexes {@code sql} into tokens (comments included, whitespace dropped). Never throws. */
    public static List<Token> tokenize(String sql) {
        Objects.requireNonNull(sql, "sql");
        return new SqlLexer(sql).run();
    }

    private List<Token> run() {
        int i = 0;
        while (i < n) {
            char c = s[i];
            if (isSpace(c)) {
                i++;
            } else {
                i = lexOne(i, c);
            }
        }
        return out;
    }

    private int lexOne(int i, char c) {
        char c1 = i + 1 < n ? s[i + 1] : '\0';
        switch (c) {
            case '-':
                return c1 == '-' ? lineComment(i) : operator(i);
            case '/':
                return c1 == '*' ? blockComment(i) : operator(i);
            case '\'':
                return quotedConstant(i, i, MODE_STANDARD, TokenKind.STRING, "unterminated quoted string");
            case '"':
                return quotedIdentifier(i, i);
            case '$':
                return dollar(i, c1);
            case ':':
                return colon(i, c1);
            case '\\':
                return toEndOfLine(i, TokenKind.PSQL_META);
            case '[':
                bracketDepth++;
                return single(i, TokenKind.PUNCTUATION);
            case ']':
                if (bracketDepth > 0) {
                    bracketDepth--;
                }
                return single(i, TokenKind.PUNCTUATION);
            case ';':
                bracketDepth = 0; // brackets never span statements
                return single(i, TokenKind.PUNCTUATION);
            case '(':
            case ')':
            case ',':
                return single(i, TokenKind.PUNCTUATION);
            case '.':
                if (c1 == '.') {
                    emit(TokenKind.PUNCTUATION, i, i + 2, null);
                    return i + 2;
                }
                return isDigit(c1) ? number(i) : single(i, TokenKind.PUNCTUATION);
            default:
                if (isDigit(c)) {
                    return number(i);
                }
                if (isIdentStart(c)) {
                    return identifierOrPrefixedConstant(i, c, c1);
                }
                if (isOpChar(c)) {
                    return operator(i);
                }
                emit(TokenKind.ERROR, i, i + 1, c == '\0' ? "NUL character"
                        : c == '\u000B' ? "vertical tab (whitespace only from PostgreSQL 16)" : "unexpected character");
                return i + 1;
        }
    }

    private int single(int i, TokenKind kind) {
        emit(kind, i, i + 1, null);
        return i + 1;
    }

    private int toEndOfLine(int i, TokenKind kind) {
        int j = i + 1;
        while (j < n && s[j] != '\n' && s[j] != '\r') {
            j++;
        }
        emit(kind, i, j, null);
        return j;
    }

    private int lineComment(int i) {
        return toEndOfLine(i, TokenKind.LINE_COMMENT);
    }

    private int blockComment(int i) {
        int end = blockCommentEnd(s, i, n);
        if (end < 0) {
            emit(TokenKind.ERROR, i, n, "unterminated /* comment");
            return n;
        }
        emit(TokenKind.BLOCK_COMMENT, i, end, null);
        return end;
    }

    /** End (exclusive) of the nested block comment opening at {@code i}, or -1. */
    private static int blockCommentEnd(char[] s, int i, int n) {
        int depth = 1;
        int j = i + 2;
        while (j < n) {
            char c = s[j];
            if (c == '*' && j + 1 < n && s[j + 1] == '/') {
                j += 2;
                if (--depth == 0) {
                    return j;
                }
            } else if (c == '/' && j + 1 < n && s[j + 1] == '*') {
                j += 2;
                depth++;
            } else {
                j++;
            }
        }
        return -1;
    }

    private int identifierOrPrefixedConstant(int i, char c, char c1) {
        if (c1 == '\'') {
            switch (c) {
                case 'b', 'B', 'x', 'X':
                    return quotedConstant(i, i + 1, MODE_BIT, TokenKind.BIT_STRING,
                            c == 'b' || c == 'B' ? "unterminated bit string literal"
                                    : "unterminated hexadecimal string literal");
                case 'e', 'E':
                    return quotedConstant(i, i + 1, MODE_ESCAPE, TokenKind.ESCAPE_STRING,
                            "unterminated quoted string");
                case 'n', 'N':
                    return quotedConstant(i, i + 1, MODE_STANDARD, TokenKind.STRING, "unterminated quoted string");
                default:
                    break;
            }
        }
        if ((c == 'u' || c == 'U') && c1 == '&' && i + 2 < n) {
            if (s[i + 2] == '\'') {
                return quotedConstant(i, i + 2, MODE_STANDARD, TokenKind.UNICODE_STRING,
                        "unterminated quoted string");
            }
            if (s[i + 2] == '"') {
                return quotedIdentifier(i, i + 2);
            }
        }
        int j = i + 1;
        while (j < n && isIdentCont(s[j])) {
            j++;
        }
        emit(TokenKind.IDENTIFIER, i, j, null);
        return j;
    }

    /** Lexes a quoted constant whose prefix starts at {@code start} and opening quote is at {@code q}. */
    private int quotedConstant(int start, int q, int mode, TokenKind kind, String unterminated) {
        int end = scanQuoted(s, q, n, mode);
        if (end < 0) {
            emit(TokenKind.ERROR, start, n, unterminated);
            return n;
        }
        if (kind == TokenKind.UNICODE_STRING) {
            return withOptionalUescape(start, end, kind);
        }
        emit(kind, start, end, null);
        return end;
    }

    /**
     * End (exclusive) of the quoted literal opening at {@code q}, following continuations, or -1
     * if unterminated. In bit/hex strings {@code ''} is not an escaped quote (the server ends the
     * literal there and starts a new one).
     */
    private static int scanQuoted(char[] s, int q, int n, int mode) {
        int j = q + 1;
        while (j < n) {
            char c = s[j];
            if (c == '\'') {
                if (mode != MODE_BIT && j + 1 < n && s[j + 1] == '\'') {
                    j += 2;
                    continue;
                }
                int k = continuation(s, j + 1, n);
                if (k < 0) {
                    return j + 1;
                }
                j = k + 1;
            } else if (c == '\\' && mode == MODE_ESCAPE) {
                j += 2;
            } else {
                j++;
            }
        }
        return -1;
    }

    /**
     * If the text after a closing quote at {@code p} is whitespace containing a newline (and
     * {@code --} comments) followed by a quote, returns that quote's index; else -1. This is
     * {@code scan.l}'s {@code quotecontinue}.
     */
    private static int continuation(char[] s, int p, int n) {
        int k = p;
        while (k < n) {
            char c = s[k];
            if (c == ' ' || c == '\t' || c == '\f') {
                k++;
            } else if (c == '-' && k + 1 < n && s[k + 1] == '-') {
                k = skipToNewline(s, k + 2, n);
            } else {
                break;
            }
        }
        if (k >= n || (s[k] != '\n' && s[k] != '\r')) {
            return -1;
        }
        k++;
        while (k < n) {
            char c = s[k];
            if (isSpace(c)) {
                k++;
            } else if (c == '-' && k + 1 < n && s[k + 1] == '-') {
                k = skipToNewline(s, k + 2, n);
                if (k >= n) {
                    return -1;
                }
            } else {
                break;
            }
        }
        return k < n && s[k] == '\'' ? k : -1;
    }

    private static int skipToNewline(char[] s, int k, int n) {
        while (k < n && s[k] != '\n' && s[k] != '\r') {
            k++;
        }
        return k;
    }

    private int quotedIdentifier(int start, int q) {
        int j = q + 1;
        int end = -1;
        while (j < n) {
            if (s[j] == '"') {
                if (j + 1 < n && s[j + 1] == '"') {
                    j += 2;
                    continue;
                }
                end = j + 1;
                break;
            }
            j++;
        }
        if (end < 0) {
            emit(TokenKind.ERROR, start, n, "unterminated quoted identifier");
            return n;
        }
        if (end == q + 2) {
            emit(TokenKind.ERROR, start, end, "zero-length delimited identifier");
            return end;
        }
        if (q > start) {
            return withOptionalUescape(start, end, TokenKind.QUOTED_IDENTIFIER);
        }
        emit(TokenKind.QUOTED_IDENTIFIER, start, end, null);
        return end;
    }

    /**
     * After a {@code U&} literal ending at {@code end}, absorbs a following
     * {@code UESCAPE 'c'} (whitespace and comments allowed in between, as the server's grammar
     * allows) into the same token so that {@link Token#value()} can decode it. A malformed clause
     * becomes an ERROR.
     */
    private int withOptionalUescape(int start, int end, TokenKind kind) {
        int k = skipWhitespaceAndComments(end);
        if (k + 7 <= n && regionEqualsIgnoreAsciiCase(s, k, "uescape") && (k + 7 == n || !isIdentCont(s[k + 7]))) {
            int m = skipWhitespaceAndComments(k + 7);
            if (m + 2 < n && s[m] == '\'' && s[m + 2] == '\'' && isValidUescapeChar(s[m + 1])
                    && !(m + 3 < n && s[m + 3] == '\'') && continuation(s, m + 3, n) < 0) {
                emit(kind, start, m + 3, null);
                return m + 3;
            }
            emit(TokenKind.ERROR, start, k + 7, "UESCAPE must be followed by a simple string literal of one valid character");
            return k + 7;
        }
        emit(kind, start, end, null);
        return end;
    }

    private int skipWhitespaceAndComments(int p) {
        int k = p;
        while (k < n) {
            char c = s[k];
            if (isSpace(c)) {
                k++;
            } else if (c == '-' && k + 1 < n && s[k + 1] == '-') {
                k = skipToNewline(s, k + 2, n);
            } else if (c == '/' && k + 1 < n && s[k + 1] == '*') {
                int e = blockCommentEnd(s, k, n);
                if (e < 0) {
                    return k;
                }
                k = e;
            } else {
                break;
            }
        }
        return k;
    }

    private static boolean isValidUescapeChar(char c) {
        return !(isHexDigit(c) || c == '+' || c == '\'' || c == '"' || isSpace(c));
    }

    private int dollar(int i, char c1) {
        if (isDigit(c1)) {
            int j = i + 1;
            while (j < n && isDigit(s[j])) {
                j++;
            }
            if (j < n && isIdentStart(s[j])) {
                return junk(i, j, "trailing junk after parameter");
            }
            emit(TokenKind.PARAM, i, j, null);
            return j;
        }
        if (c1 == '$' || (i + 1 < n && isDolqStart(c1))) {
            int j = i + 1;
            while (j < n && isDolqCont(s[j])) {
                j++;
            }
            if (j < n && s[j] == '$') {
                String delimiter = src.substring(i, j + 1);
                int close = src.indexOf(delimiter, j + 1);
                if (close < 0) {
                    emit(TokenKind.ERROR, i, n, "unterminated dollar-quoted string");
                    return n;
                }
                int end = close + delimiter.length();
                emit(TokenKind.DOLLAR_STRING, i, end, null);
                return end;
            }
        }
        emit(TokenKind.ERROR, i, i + 1, "unexpected '$'");
        return i + 1;
    }

    private int colon(int i, char c1) {
        if (c1 == ':' || c1 == '=') {
            emit(TokenKind.OPERATOR, i, i + 2, null);
            return i + 2;
        }
        if (bracketDepth == 0 && i + 1 < n) {
            if (isPsqlVarChar(c1)) {
                int j = i + 1;
                while (j < n && isPsqlVarChar(s[j])) {
                    j++;
                }
                emit(TokenKind.PSQL_VARIABLE, i, j, null);
                return j;
            }
            char close = c1 == '\'' ? '\'' : c1 == '"' ? '"' : c1 == '{' ? '}' : '\0';
            if (close != '\0') {
                int from = i + 2;
                if (c1 == '{') {
                    if (from >= n || s[from] != '?') {
                        return single(i, TokenKind.PUNCTUATION);
                    }
                    from++;
                }
                int j = from;
                while (j < n && isPsqlVarChar(s[j])) {
                    j++;
                }
                if (j > from && j < n && s[j] == close) {
                    emit(TokenKind.PSQL_VARIABLE, i, j + 1, null);
                    return j + 1;
                }
            }
        }
        return single(i, TokenKind.PUNCTUATION);
    }

    private int operator(int i) {
        int j = i;
        while (j < n && isOpChar(s[j])) {
            j++;
        }
        int len = j - i;
        for (int k = i; k + 1 < j; k++) {
            if ((s[k] == '/' && s[k + 1] == '*') || (s[k] == '-' && s[k + 1] == '-')) {
                len = k - i;
                break;
            }
        }
        while (len > 1 && (s[i + len - 1] == '+' || s[i + len - 1] == '-')) {
            boolean keep = false;
            for (int k = i + len - 2; k >= i; k--) {
                char c = s[k];
                if (c == '~' || c == '!' || c == '@' || c == '#' || c == '^' || c == '&' || c == '|'
                        || c == '`' || c == '?' || c == '%') {
                    keep = true;
                    break;
                }
            }
            if (keep) {
                break;
            }
            len--;
        }
        if (len >= NAMEDATALEN) {
            emit(TokenKind.ERROR, i, i + len, "operator too long");
        } else {
            emit(TokenKind.OPERATOR, i, i + len, null);
        }
        return i + len;
    }

    private int number(int i) {
        int j;
        char c = s[i];
        char r = i + 1 < n ? (char) (s[i + 1] | 0x20) : '\0';
        if (c == '0' && (r == 'x' || r == 'o' || r == 'b')) {
            j = i + 2;
            int digits = 0;
            while (j < n) {
                if (isRadixDigit(s[j], r)) {
                    j++;
                    digits++;
                } else if (s[j] == '_' && j + 1 < n && isRadixDigit(s[j + 1], r)) {
                    j += 2;
                    digits++;
                } else {
                    break;
                }
            }
            if (digits == 0) {
                String what = r == 'x' ? "hexadecimal" : r == 'o' ? "octal" : "binary";
                return junk(i, j, "invalid " + what + " integer");
            }
        } else {
            j = c == '.' ? i : decInteger(i);
            if (j < n && s[j] == '.' && !(j + 1 < n && s[j + 1] == '.')) {
                j++;
                if (j < n && isDigit(s[j])) {
                    j = decInteger(j);
                }
            }
            if (j < n && (s[j] == 'e' || s[j] == 'E')) {
                int k = j + 1;
                if (k < n && (s[k] == '+' || s[k] == '-')) {
                    k++;
                }
                if (k < n && isDigit(s[k])) {
                    j = decInteger(k);
                } else if (k > j + 1) {
                    emit(TokenKind.ERROR, i, k, "trailing junk after numeric literal");
                    return k;
                }
            }
        }
        if (j < n && isIdentStart(s[j])) {
            return junk(i, j, "trailing junk after numeric literal");
        }
        emit(TokenKind.NUMBER, i, j, null);
        return j;
    }

    /** Emits an ERROR covering {@code [i, j)} plus any identifier characters after it. */
    private int junk(int i, int j, String message) {
        int k = j;
        while (k < n && isIdentCont(s[k])) {
            k++;
        }
        emit(TokenKind.ERROR, i, k, message);
        return k;
    }

    /** Scans {@code digit(_?digit)*} from {@code j}, which must be a digit. */
    private int decInteger(int j) {
        j++;
        while (j < n) {
            if (isDigit(s[j])) {
                j++;
            } else if (s[j] == '_' && j + 1 < n && isDigit(s[j + 1])) {
                j += 2;
            } else {
                break;
            }
        }
        return j;
    }

    private static boolean hasNulOrSurrogate(char[] s) {
        for (char c : s) {
            if (c == '\0' || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The server never sees a NUL (the protocol cannot carry it) nor an unpaired surrogate (the
     * driver replaces it with {@code ?}, an operator character), so either makes the token an ERROR.
     */
    private static String unsendableCharacter(char[] s, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = s[k];
            if (c == '\0') {
                return "NUL character";
            }
            if (Character.isHighSurrogate(c) && k + 1 < end && Character.isLowSurrogate(s[k + 1])) {
                k++;
            } else if (Character.isSurrogate(c)) {
                return "unpaired UTF-16 surrogate";
            }
        }
        return null;
    }

    private void emit(TokenKind kind, int start, int end, String error) {
        if (suspicious && kind != TokenKind.ERROR) {
            String bad = unsendableCharacter(s, start, end);
            if (bad != null) {
                kind = TokenKind.ERROR;
                error = bad;
            }
        }
        for (int k = lcPos; k < start; k++) {
            char c = s[k];
            if (c == '\n') {
                if (k == 0 || s[k - 1] != '\r') {
                    line++;
                }
                lineStart = k + 1;
            } else if (c == '\r') {
                line++;
                lineStart = k + 1;
            }
        }
        lcPos = start;
        out.add(new Token(kind, src.substring(start, end), start, line, start - lineStart + 1, error));
    }

    // ---- character classes (scan.l) -------------------------------------------------------

    /**
     * {@code scan.l}'s {@code space}, minus vertical tab: PostgreSQL 16 made {@code \v} whitespace,
     * older servers reject it, so it is an ERROR here and can never decide a boundary.
     */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isRadixDigit(char c, char radix) {
        return switch (radix) {
            case 'x' -> isHexDigit(c);
            case 'o' -> c >= '0' && c <= '7';
            default -> c == '0' || c == '1';
        };
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isIdentStart(char c) {
        return isAsciiLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDolqStart(char c) {
        return isIdentStart(c);
    }

    private static boolean isDolqCont(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    private static boolean isPsqlVarChar(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    private static boolean isOpChar(char c) {
        switch (c) {
            case '~': case '!': case '@': case '#': case '^': case '&': case '|': case '`': case '?':
            case '+': case '-': case '*': case '/': case '%': case '<': case '>': case '=':
                return true;
            default:
                return false;
        }
    }

    // ---- case folding ----------------------------------------------------------------------

    /** Compares ignoring ASCII case only, as PostgreSQL's keyword lookup does. */
    static boolean equalsIgnoreAsciiCase(String a, String b) {
        int len = a.length();
        if (len != b.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            char x = a.charAt(k);
            char y = b.charAt(k);
            if (x != y && (!isAsciiLetter(x) || (x | 0x20) != (y | 0x20))) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionEqualsIgnoreAsciiCase(char[] s, int at, String word) {
        for (int k = 0; k < word.length(); k++) {
            char x = s[at + k];
            char y = word.charAt(k);
            if (x != y && (!isAsciiLetter(x) || (x | 0x20) != (y | 0x20))) {
                return false;
            }
        }
        return true;
    }

    /** Lower-cases ASCII letters only, as PostgreSQL folds unquoted identifiers. */
    static String asciiLower(String t) {
        int k = 0;
        while (k < t.length() && !(t.charAt(k) >= 'A' && t.charAt(k) <= 'Z')) {
            k++;
        }
        if (k == t.length()) {
            return t;
        }
        char[] cs = t.toCharArray();
        for (; k < cs.length; k++) {
            if (cs[k] >= 'A' && cs[k] <= 'Z') {
                cs[k] = (char) (cs[k] | 0x20);
            }
        }
        return new String(cs);
    }

    // ---- value decoding (not on the hot path) ---------------------------------------------

    private static String psqlVariableName(String text) {
        char c1 = text.charAt(1);
        if (c1 == '\'' || c1 == '"') {
            return text.substring(2, text.length() - 1);
        }
        if (c1 == '{') {
            return text.substring(3, text.length() - 1);
        }
        return text.substring(1);
    }

    private static String decodeQuotedIdentifier(String text) {
        boolean unicode = text.charAt(0) != '"';
        int open = text.indexOf('"');
        StringBuilder sb = new StringBuilder(text.length());
        int j = open + 1;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (c == '"') {
                if (j + 1 < text.length() && text.charAt(j + 1) == '"') {
                    sb.append('"');
                    j += 2;
                    continue;
                }
                j++;
                break;
            }
            sb.append(c);
            j++;
        }
        if (!unicode) {
            return sb.toString();
        }
        char esc = j < text.length() ? text.charAt(text.length() - 2) : '\\';
        return decodeUnicodeEscapes(sb, esc);
    }

    private static String decodeStringConstant(String text, TokenKind kind) {
        char[] t = text.toCharArray();
        int n = t.length;
        int q = text.indexOf('\'');
        int mode = kind == TokenKind.ESCAPE_STRING ? MODE_ESCAPE
                : kind == TokenKind.BIT_STRING ? MODE_BIT : MODE_STANDARD;
        StringBuilder sb = new StringBuilder(n);
        Utf8Collector bytes = mode == MODE_ESCAPE ? new Utf8Collector() : null;
        int j = q + 1;
        while (j < n) {
            char c = t[j];
            if (c == '\'') {
                if (mode != MODE_BIT && j + 1 < n && t[j + 1] == '\'') {
                    append(sb, bytes, '\'');
                    j += 2;
                    continue;
                }
                int k = continuation(t, j + 1, n);
                if (k < 0) {
                    j++;
                    break;
                }
                j = k + 1;
            } else if (c == '\\' && mode == MODE_ESCAPE) {
                j = decodeBackslashEscape(t, j, n, bytes);
                if (j < 0) {
                    return null;
                }
            } else {
                append(sb, bytes, c);
                j++;
            }
        }
        if (bytes != null) {
            return bytes.finish();
        }
        if (kind == TokenKind.UNICODE_STRING) {
            char esc = j < n ? t[n - 2] : '\\';
            return decodeUnicodeEscapes(sb, esc);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, Utf8Collector bytes, char c) {
        if (bytes != null) {
            bytes.putChar(c);
        } else {
            sb.append(c);
        }
    }

    /** Decodes one {@code E''} backslash escape at {@code j}; returns the next index or -1. */
    private static int decodeBackslashEscape(char[] t, int j, int n, Utf8Collector out) {
        char e = t[j + 1];
        switch (e) {
            case 'b' -> { out.putChar('\b'); return j + 2; }
            case 'f' -> { out.putChar('\f'); return j + 2; }
            case 'n' -> { out.putChar('\n'); return j + 2; }
            case 'r' -> { out.putChar('\r'); return j + 2; }
            case 't' -> { out.putChar('\t'); return j + 2; }
            case 'x' -> {
                int k = j + 2;
                int v = 0;
                while (k < n && k < j + 4 && isHexDigit(t[k])) {
                    v = v * 16 + Character.digit(t[k], 16);
                    k++;
                }
                if (k == j + 2) {
                    out.putChar('x');
                    return j + 2;
                }
                return out.putByte(v) ? k : -1;
            }
            case 'u', 'U' -> {
                int digits = e == 'u' ? 4 : 8;
                int cp = parseHex(t, j + 2, digits, n);
                return cp >= 0 && out.putCodePoint(cp) ? j + 2 + digits : -1;
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int k = j + 1;
                    int v = 0;
                    while (k < n && k < j + 4 && t[k] >= '0' && t[k] <= '7') {
                        v = v * 8 + (t[k] - '0');
                        k++;
                    }
                    return out.putByte(v & 0xFF) ? k : -1;
                }
                out.putChar(e);
                return j + 2;
            }
        }
    }

    private static int parseHex(char[] t, int from, int digits, int n) {
        if (from + digits > n) {
            return -1;
        }
        long v = 0;
        for (int k = from; k < from + digits; k++) {
            if (!isHexDigit(t[k])) {
                return -1;
            }
            v = v * 16 + Character.digit(t[k], 16);
        }
        return v > Character.MAX_CODE_POINT ? -1 : (int) v;
    }

    /** PostgreSQL's {@code U&} escape processing: {@code \XXXX}, {@code \+XXXXXX}, doubled escape. */
    private static String decodeUnicodeEscapes(CharSequence in, char esc) {
        char[] t = in.toString().toCharArray();
        int n = t.length;
        Utf8Collector out = new Utf8Collector();
        int j = 0;
        while (j < n) {
            char c = t[j];
            if (c != esc) {
                out.putChar(c);
                j++;
                continue;
            }
            if (j + 1 < n && t[j + 1] == esc) {
                out.putChar(esc);
                j += 2;
                continue;
            }
            int cp;
            if (j + 1 < n && t[j + 1] == '+') {
                cp = parseHex(t, j + 2, 6, n);
                j += 8;
            } else {
                cp = parseHex(t, j + 1, 4, n);
                j += 5;
            }
            if (cp < 0 || !out.putCodePoint(cp)) {
                return null;
            }
        }
        return out.finish();
    }

    /**
     * Collects decoded text as UTF-8 bytes, because {@code E'\xC3\xA9'} spells characters byte by
     * byte; {@link #finish()} validates the result strictly, as the server does.
     */
    private static final class Utf8Collector {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int pendingHigh = -1;
        private boolean failed;

        void putChar(char c) {
            if (Character.isHighSurrogate(c)) {
                flushHigh();
                pendingHigh = c;
            } else if (Character.isLowSurrogate(c) && pendingHigh >= 0) {
                encode(Character.toCodePoint((char) pendingHigh, c));
                pendingHigh = -1;
            } else {
                flushHigh();
                if (Character.isSurrogate(c)) {
                    failed = true;
                }
                encode(c);
            }
        }

        boolean putCodePoint(int cp) {
            if (cp == 0 || cp > Character.MAX_CODE_POINT) {
                return false;
            }
            if (cp <= 0xFFFF) {
                putChar((char) cp);
            } else {
                flushHigh();
                encode(cp);
            }
            return !failed;
        }

        boolean putByte(int b) {
            if (b == 0) {
                return false;
            }
            flushHigh();
            bytes.write(b);
            return !failed;
        }

        private void flushHigh() {
            if (pendingHigh >= 0) {
                failed = true;
                pendingHigh = -1;
            }
        }

        private void encode(int cp) {
            if (cp < 0x80) {
                bytes.write(cp);
            } else if (cp < 0x800) {
                bytes.write(0xC0 | (cp >> 6));
                bytes.write(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                bytes.write(0xE0 | (cp >> 12));
                bytes.write(0x80 | ((cp >> 6) & 0x3F));
                bytes.write(0x80 | (cp & 0x3F));
            } else {
                bytes.write(0xF0 | (cp >> 18));
                bytes.write(0x80 | ((cp >> 12) & 0x3F));
                bytes.write(0x80 | ((cp >> 6) & 0x3F));
                bytes.write(0x80 | (cp & 0x3F));
            }
        }

        String finish() {
            flushHigh();
            if (failed) {
                return null;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray()))
                        .toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }
    }
}
