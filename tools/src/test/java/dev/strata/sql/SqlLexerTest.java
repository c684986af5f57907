package dev.strata.sql;

import static dev.strata.sql.SqlLexer.TokenKind.BIT_STRING;
import static dev.strata.sql.SqlLexer.TokenKind.BLOCK_COMMENT;
import static dev.strata.sql.SqlLexer.TokenKind.DOLLAR_STRING;
import static dev.strata.sql.SqlLexer.TokenKind.ERROR;
import static dev.strata.sql.SqlLexer.TokenKind.ESCAPE_STRING;
import static dev.strata.sql.SqlLexer.TokenKind.IDENTIFIER;
import static dev.strata.sql.SqlLexer.TokenKind.LINE_COMMENT;
import static dev.strata.sql.SqlLexer.TokenKind.NUMBER;
import static dev.strata.sql.SqlLexer.TokenKind.OPERATOR;
import static dev.strata.sql.SqlLexer.TokenKind.PARAM;
import static dev.strata.sql.SqlLexer.TokenKind.PSQL_META;
import static dev.strata.sql.SqlLexer.TokenKind.PSQL_VARIABLE;
import static dev.strata.sql.SqlLexer.TokenKind.PUNCTUATION;
import static dev.strata.sql.SqlLexer.TokenKind.QUOTED_IDENTIFIER;
import static dev.strata.sql.SqlLexer.TokenKind.STRING;
import static dev.strata.sql.SqlLexer.TokenKind.UNICODE_STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlLexer.TokenKind;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLexerTest {

    private static List<Token> lex(String sql) {
        return SqlLexer.tokenize(sql);
    }

    private static List<TokenKind> kinds(String sql) {
        return lex(sql).stream().map(Token::kind).toList();
    }

    private static List<String> texts(String sql) {
        return lex(sql).stream().map(Token::text).toList();
    }

    private static Token only(String sql) {
        List<Token> tokens = lex(sql);
        assertThat(tokens).as("tokens of %s", sql).hasSize(1);
        return tokens.get(0);
    }

    @Test
    void simpleSelectWithPositions() {
        List<Token> t = lex("SELECT a, b FROM t WHERE x >= 1;");
        assertThat(t).extracting(Token::text)
                .containsExactly("SELECT", "a", ",", "b", "FROM", "t", "WHERE", "x", ">=", "1", ";");
        assertThat(t).extracting(Token::kind).containsExactly(IDENTIFIER, IDENTIFIER, PUNCTUATION, IDENTIFIER,
                IDENTIFIER, IDENTIFIER, IDENTIFIER, IDENTIFIER, OPERATOR, NUMBER, PUNCTUATION);
        assertThat(t.get(4).start()).isEqualTo(12);
        assertThat(t.get(4).end()).isEqualTo(16);
        assertThat(t.get(4).line()).isEqualTo(1);
        assertThat(t.get(4).column()).isEqualTo(13);
    }

    @Test
    void emptyAndWhitespaceOnlyInputs() {
        assertThat(lex("")).isEmpty();
        assertThat(lex(" \t\r\n\f")).isEmpty();
    }

    @Nested
    class Comments {
        @Test
        void lineCommentContainingSemicolonAndQuotes() {
            List<Token> t = lex("SELECT 1 -- it's; \"a\" $$ comment\n, 2");
            assertThat(t).extracting(Token::kind).containsExactly(IDENTIFIER, NUMBER, LINE_COMMENT, PUNCTUATION, NUMBER);
            assertThat(t.get(2).text()).isEqualTo("-- it's; \"a\" $$ comment");
            assertThat(t.get(2).value()).isEqualTo(" it's; \"a\" $$ comment");
            assertThat(t.get(3).line()).isEqualTo(2);
        }

        @Test
        void lineCommentAtEndOfInputWithoutNewline() {
            assertThat(kinds("SELECT 1 --")).containsExactly(IDENTIFIER, NUMBER, LINE_COMMENT);
        }

        @Test
        void lineCommentEndsAtCarriageReturn() {
            assertThat(kinds("-- x\rSELECT")).containsExactly(LINE_COMMENT, IDENTIFIER);
        }

        @Test
        void nestedBlockComments() {
            List<Token> t = lex("/* a /* b ; ' \" */ still comment */ SELECT");
            assertThat(t).extracting(Token::kind).containsExactly(BLOCK_COMMENT, IDENTIFIER);
            assertThat(t.get(0).text()).isEqualTo("/* a /* b ; ' \" */ still comment */");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/**/", "/***/", "/*/ */", "/* **/", "/*/**/*/", "/*-- */"})
        void blockCommentEdgeForms(String comment) {
            assertThat(kinds(comment + "x")).containsExactly(BLOCK_COMMENT, IDENTIFIER);
        }

        @Test
        void unclosedNestedCommentIsError() {
            Token t = only("/* a /* b */ SELECT 1;");
            assertThat(t.kind()).isEqualTo(ERROR);
            assertThat(t.error()).contains("unterminated /* comment");
            assertThat(t.line()).isEqualTo(1);
            assertThat(t.column()).isEqualTo(1);
        }

        @Test
        void unterminatedCommentPosition() {
            List<Token> t = lex("SELECT 1;\n  /* abc");
            Token err = t.get(t.size() - 1);
            assertThat(err.kind()).isEqualTo(ERROR);
            assertThat(err.text()).isEqualTo("/* abc");
            assertThat(err.line()).isEqualTo(2);
            assertThat(err.column()).isEqualTo(3);
        }

        @Test
        void commentStartsEndAnOperator() {
            assertThat(texts("a+/*c*/b")).containsExactly("a", "+", "/*c*/", "b");
            assertThat(texts("a<--c\nb")).containsExactly("a", "<", "--c", "b");
            assertThat(texts("a*/*c*/b")).containsExactly("a", "*", "/*c*/", "b");
        }
    }

    @Nested
    class Strings {
        @Test
        void doubledQuotes() {
            Token t = only("'it''s'");
            assertThat(t.kind()).isEqualTo(STRING);
            assertThat(t.value()).isEqualTo("it's");
        }

        @Test
        void emptyString() {
            assertThat(only("''").value()).isEmpty();
            assertThat(only("''''").value()).isEqualTo("'");
        }

        @Test
        void standardConformingBackslashIsLiteral() {
            // standard_conforming_strings = on: '\' is a complete string
            List<Token> t = lex("'\\' ; x");
            assertThat(t).extracting(Token::text).containsExactly("'\\'", ";", "x");
            assertThat(t.get(0).value()).isEqualTo("\\");
        }

        @Test
        void nationalString() {
            Token t = only("N'abc'");
            assertThat(t.kind()).isEqualTo(STRING);
            assertThat(t.value()).isEqualTo("abc");
        }

        @Test
        void escapeStringBackslashBackslashThenSemicolon() {
            // E'\\' is complete (an escaped backslash); the ; is outside; the last ' is unterminated
            List<Token> t = lex("E'\\\\';'");
            assertThat(t).extracting(Token::kind).containsExactly(ESCAPE_STRING, PUNCTUATION, ERROR);
            assertThat(t.get(0).value()).isEqualTo("\\");
            assertThat(t.get(2).error()).contains("unterminated quoted string");
            assertThat(t.get(2).column()).isEqualTo(7);
        }

        @Test
        void escapeStringEscapedQuoteKeepsStringOpen() {
            Token t = only("E'\\';'");
            assertThat(t.kind()).isEqualTo(ESCAPE_STRING);
            assertThat(t.value()).isEqualTo("';");
            assertThat(only("e'a''b'").value()).isEqualTo("a'b");
        }

        @Test
        void escapeStringTrailingBackslashIsUnterminated() {
            assertThat(only("E'abc\\").kind()).isEqualTo(ERROR);
            assertThat(only("E'abc\\'").kind()).isEqualTo(ERROR);
        }

        @Test
        void escapeStringDecoding() {
            Token t = only("E'\\n\\t\\b\\f\\r\\x41\\101\\u00e9\\U0001F600\\q\\x'");
            assertThat(t.value()).isEqualTo("\n\t\b\f\rAAé\uD83D\uDE00qx");
            // bytes spelled with \x must form valid UTF-8
            assertThat(only("E'\\xC3\\xA9'").value()).isEqualTo("é");
            assertThat(only("E'\\xC3'").value()).isNull();
            assertThat(only("E'\\0'").value()).isNull();
            assertThat(only("E'\\u12'").value()).isNull();
        }

        @Test
        void escapeStringPrefixOnlyAtTokenStart() {
            // "thE'x'" is the identifier thE followed by a plain string
            assertThat(kinds("thE'x'")).containsExactly(IDENTIFIER, STRING);
        }

        @Test
        void unicodeString() {
            Token t = only("U&'d\\0061t\\+000061'");
            assertThat(t.kind()).isEqualTo(UNICODE_STRING);
            assertThat(t.value()).isEqualTo("data");
        }

        @Test
        void unicodeStringWithUescapeIsOneToken() {
            Token t = only("U&'d!0061t!+000061 !!' UESCAPE '!'");
            assertThat(t.kind()).isEqualTo(UNICODE_STRING);
            assertThat(t.value()).isEqualTo("data !");
            Token c = only("u&'x#0041' /* c */ --c\n uescape '#'");
            assertThat(c.kind()).isEqualTo(UNICODE_STRING);
            assertThat(c.value()).isEqualTo("xA");
        }

        @Test
        void unicodeStringBackslashDoesNotEscapeQuote() {
            // U& strings follow standard rules for the quote: '\' ends it
            assertThat(texts("U&'\\' x")).containsExactly("U&'\\'", "x");
        }

        @Test
        void invalidUescapeIsError() {
            assertThat(kinds("U&'x' UESCAPE 'a'").get(0)).isEqualTo(ERROR); // hex digit not allowed
            assertThat(kinds("U&'x' UESCAPE '+'").get(0)).isEqualTo(ERROR);
            assertThat(kinds("U&'x' UESCAPE 'ab'").get(0)).isEqualTo(ERROR);
            assertThat(kinds("U&'x' UESCAPE").get(0)).isEqualTo(ERROR);
        }

        @Test
        void uescapeWordPrefixIsNotUescape() {
            assertThat(kinds("U&'x' uescapes")).containsExactly(UNICODE_STRING, IDENTIFIER);
        }

        @Test
        void badUnicodeEscapeValueIsNull() {
            assertThat(only("U&'\\12'").value()).isNull();
            assertThat(only("U&'\\D800'").value()).isNull(); // lone surrogate
            assertThat(only("U&'\\D83D\\DE00'").value()).isEqualTo("\uD83D\uDE00");
        }

        @Test
        void bitAndHexStrings() {
            assertThat(only("B'0101'").kind()).isEqualTo(BIT_STRING);
            assertThat(only("X'FF'").kind()).isEqualTo(BIT_STRING);
            assertThat(only("x'ff'").value()).isEqualTo("ff");
            // '' is not an escaped quote in a bit string: the server ends it and starts a new string
            assertThat(kinds("B'01''10'")).containsExactly(BIT_STRING, STRING);
            assertThat(only("B'01").kind()).isEqualTo(ERROR);
        }

        @Test
        void continuationAcrossNewlineIsOneLiteral() {
            Token t = only("'a'\n  'b' --c'\n\n'c'");
            assertThat(t.kind()).isEqualTo(STRING);
            assertThat(t.value()).isEqualTo("abc");
            assertThat(only("B'01'\n'10'").value()).isEqualTo("0110");
        }

        @Test
        void noContinuationWithoutNewlineOrAcrossBlockComment() {
            assertThat(kinds("'a' 'b'")).containsExactly(STRING, STRING);
            assertThat(kinds("'a' /* c */\n'b'")).containsExactly(STRING, BLOCK_COMMENT, STRING);
            assertThat(kinds("'a'\n/* c */'b'")).containsExactly(STRING, BLOCK_COMMENT, STRING);
        }

        @Test
        void continuationOfEscapeStringKeepsBackslashEscapes() {
            // The server lexes the continuation with E'' rules, so \' does not end it.
            Token t = only("E'a'\n'\\';'");
            assertThat(t.kind()).isEqualTo(ESCAPE_STRING);
            assertThat(t.value()).isEqualTo("a';");
        }

        @Test
        void continuationOfPlainStringKeepsBackslashLiteral() {
            assertThat(texts("'a'\n'\\';'")).containsExactly("'a'\n'\\'", ";", "'");
        }

        @Test
        void unterminatedStringPosition() {
            List<Token> t = lex("SELECT 1,\n  'abc");
            Token err = t.get(t.size() - 1);
            assertThat(err.kind()).isEqualTo(ERROR);
            assertThat(err.text()).isEqualTo("'abc");
            assertThat(err.error()).isEqualTo("unterminated quoted string");
            assertThat(err.line()).isEqualTo(2);
            assertThat(err.column()).isEqualTo(3);
        }
    }

    @Nested
    class QuotedIdentifiers {
        @Test
        void doubledDoubleQuotesAndSemicolon() {
            Token t = only("\"weird;\"\"name\"");
            assertThat(t.kind()).isEqualTo(QUOTED_IDENTIFIER);
            assertThat(t.value()).isEqualTo("weird;\"name");
        }

        @Test
        void quotedKeywordIsNotAKeyword() {
            Token t = only("\"select\"");
            assertThat(t.isWord("select")).isFalse();
            assertThat(t.value()).isEqualTo("select");
            assertThat(only("\"MixedCase\"").value()).isEqualTo("MixedCase");
        }

        @Test
        void zeroLengthIsError() {
            Token t = only("\"\"");
            assertThat(t.kind()).isEqualTo(ERROR);
            assertThat(t.error()).contains("zero-length");
        }

        @Test
        void unterminatedIsError() {
            List<Token> t = lex("SELECT \"abc;\nDROP");
            assertThat(t).extracting(Token::kind).containsExactly(IDENTIFIER, ERROR);
            assertThat(t.get(1).column()).isEqualTo(8);
            assertThat(t.get(1).error()).isEqualTo("unterminated quoted identifier");
        }

        @Test
        void unicodeIdentifier() {
            Token t = only("U&\"d\\0061t\\+000061\"");
            assertThat(t.kind()).isEqualTo(QUOTED_IDENTIFIER);
            assertThat(t.value()).isEqualTo("data");
            Token u = only("U&\"a!0062\" UESCAPE '!'");
            assertThat(u.kind()).isEqualTo(QUOTED_IDENTIFIER);
            assertThat(u.value()).isEqualTo("ab");
        }

        @Test
        void uAmpersandWithoutQuoteIsIdentifierAndOperator() {
            assertThat(texts("U&x")).containsExactly("U", "&", "x");
        }
    }

    @Nested
    class DollarQuotes {
        @Test
        void bodyWithSemicolonsAndQuotes() {
            Token t = only("$$ BEGIN; 'x' \"y\" -- z\n /* $$");
            assertThat(t.kind()).isEqualTo(DOLLAR_STRING);
            assertThat(t.value()).isEqualTo(" BEGIN; 'x' \"y\" -- z\n /* ");
        }

        @Test
        void nestedTags() {
            Token t = only("$a$ x $b$ y; $$ z $b$ w $a$");
            assertThat(t.kind()).isEqualTo(DOLLAR_STRING);
            assertThat(t.value()).isEqualTo(" x $b$ y; $$ z $b$ w ");
        }

        @Test
        void tagsAreCaseSensitive() {
            assertThat(only("$a$ x $A$").kind()).isEqualTo(ERROR);
        }

        @Test
        void closingTagAfterFailedTag() {
            // $xa$ is not the closer but its final $ starts the real one
            assertThat(only("$a$ $xa$a$").value()).isEqualTo(" $xa");
        }

        @Test
        void tagWithUnderscoreDigitsAndNonAscii() {
            assertThat(only("$_1$x$_1$").value()).isEqualTo("x");
            assertThat(only("$é$x$é$").value()).isEqualTo("x");
        }

        @Test
        void unterminatedDollarQuotePosition() {
            List<Token> t = lex("SELECT\n   $x$ abc");
            assertThat(t).extracting(Token::kind).containsExactly(IDENTIFIER, ERROR);
            assertThat(t.get(1).text()).isEqualTo("$x$ abc");
            assertThat(t.get(1).error()).isEqualTo("unterminated dollar-quoted string");
            assertThat(t.get(1).line()).isEqualTo(2);
            assertThat(t.get(1).column()).isEqualTo(4);
        }

        @Test
        void positionalParameterIsNotDollarQuote() {
            List<Token> t = lex("SELECT $1::int, $23");
            assertThat(t).extracting(Token::kind)
                    .containsExactly(IDENTIFIER, PARAM, OPERATOR, IDENTIFIER, PUNCTUATION, PARAM);
            assertThat(t.get(1).text()).isEqualTo("$1");
            assertThat(t.get(2).text()).isEqualTo("::");
            assertThat(t.get(5).text()).isEqualTo("$23");
        }

        @Test
        void parameterWithTrailingJunkIsError() {
            assertThat(only("$1abc").kind()).isEqualTo(ERROR);
            assertThat(only("$1_000").kind()).isEqualTo(ERROR);
        }

        @Test
        void dollarInsideIdentifierIsPartOfIt() {
            assertThat(texts("foo$$bar$$ x")).containsExactly("foo$$bar$$", "x");
        }

        @Test
        void loneDollarIsError() {
            assertThat(kinds("$")).containsExactly(ERROR);
            assertThat(kinds("$abc")).containsExactly(ERROR, IDENTIFIER);
            assertThat(kinds("$$")).containsExactly(ERROR);
        }
    }

    @Nested
    class Numbers {
        @ParameterizedTest
        @ValueSource(strings = {"0", "42", "1.5", "1.5e-3", "1.5E+3", ".5", "5.", "1e10", "0x1F", "0X_1f", "0o17",
            "0b101", "1_000", "1_000.000_1", ".5e2", "1_0e1_0"})
        void validNumbers(String number) {
            Token t = only(number);
            assertThat(t.kind()).isEqualTo(NUMBER);
            assertThat(t.text()).isEqualTo(number);
        }

        @ParameterizedTest
        @ValueSource(strings = {"123abc", "1_", "1__000", "0x", "0x1G", "1e+", "1ex", "1.5e", "1.x", "0b2", "0o8"})
        void trailingJunkIsError(String bad) {
            assertThat(kinds(bad).get(0)).as(bad).isEqualTo(ERROR);
        }

        @Test
        void numberFollowedByOperatorOrPunctuation() {
            assertThat(texts("1+2")).containsExactly("1", "+", "2");
            assertThat(texts("1::text")).containsExactly("1", "::", "text");
            assertThat(texts("a[1:2]")).containsExactly("a", "[", "1", ":", "2", "]");
        }

        @Test
        void doubleDotAfterInteger() {
            assertThat(texts("1..2")).containsExactly("1", "..", "2");
        }
    }

    @Nested
    class Operators {
        @ParameterizedTest
        @ValueSource(strings = {"::", "->>", "->", "#>>", "#>", "@>", "<@", "<=", ">=", "!=", "<>", "||", ":=", "=>",
            "~~*", "!~", "&&", "?|", "-|-", "@@", "^", "%", "*", "/"})
        void multiCharOperators(String op) {
            List<Token> t = lex("a " + op + " b");
            assertThat(t).extracting(Token::text).containsExactly("a", op, "b");
            assertThat(t.get(1).kind()).isEqualTo(OPERATOR);
        }

        @Test
        void trailingPlusMinusRule() {
            // '=-' would be two SQL operators: lexed as '=' then '-'
            assertThat(texts("a=-1")).containsExactly("a", "=", "-", "1");
            assertThat(texts("a<-1")).containsExactly("a", "<", "-", "1");
            // a non-SQL char makes the whole run one operator
            assertThat(texts("a@-1")).containsExactly("a", "@-", "1");
            assertThat(texts("a?-b")).containsExactly("a", "?-", "b");
        }

        @Test
        void punctuation() {
            List<Token> t = lex("( ) , ; [ ] . :");
            assertThat(t).extracting(Token::kind).containsOnly(PUNCTUATION);
            assertThat(t).hasSize(8);
        }

        @Test
        void isSymbolIsExact() {
            Token t = only("::");
            assertThat(t.isSymbol("::")).isTrue();
            assertThat(t.isSymbol(":")).isFalse();
            assertThat(only("'::'").isSymbol("::")).isFalse();
        }
    }

    @Nested
    class Psql {
        @Test
        void variables() {
            List<Token> t = lex("SELECT :name, :'str', :\"ident\", :{?flag}");
            assertThat(t).extracting(Token::kind).containsExactly(IDENTIFIER, PSQL_VARIABLE, PUNCTUATION,
                    PSQL_VARIABLE, PUNCTUATION, PSQL_VARIABLE, PUNCTUATION, PSQL_VARIABLE);
            assertThat(t).extracting(Token::value).containsExactly("select", "name", ",", "str", ",", "ident", ",", "flag");
        }

        @Test
        void typecastAndAssignmentAreNotVariables() {
            assertThat(kinds("x::int")).containsExactly(IDENTIFIER, OPERATOR, IDENTIFIER);
            assertThat(kinds("x := 1")).containsExactly(IDENTIFIER, OPERATOR, NUMBER);
        }

        @Test
        void arraySliceIsNotVariable() {
            assertThat(kinds("a[1:n]")).doesNotContain(PSQL_VARIABLE);
            assertThat(kinds("a[b[1]:n]")).doesNotContain(PSQL_VARIABLE);
            assertThat(kinds("a[1:2] || :n")).contains(PSQL_VARIABLE);
        }

        @Test
        void unbalancedBracketDoesNotHideVariablesInLaterStatements() {
            assertThat(kinds("SELECT a[1; SELECT :x")).contains(PSQL_VARIABLE);
        }

        @Test
        void metaCommandRunsToEndOfLine() {
            List<Token> t = lex("\\set x 'a;b'\nSELECT 1");
            assertThat(t).extracting(Token::kind).containsExactly(PSQL_META, IDENTIFIER, NUMBER);
            assertThat(t.get(0).text()).isEqualTo("\\set x 'a;b'");
            assertThat(t.get(1).line()).isEqualTo(2);
        }

        @Test
        void variablesInsideLiteralsAreNotVariables() {
            assertThat(kinds("':x' \":x\" $$:x$$ -- :x")).doesNotContain(PSQL_VARIABLE);
        }
    }

    @Nested
    class Words {
        @Test
        void caseInsensitiveKeywordComparisonKeepsText() {
            Token t = only("SeLeCt");
            assertThat(t.isWord("select")).isTrue();
            assertThat(t.isWord("SELECT")).isTrue();
            assertThat(t.isAnyWord("insert", "select")).isTrue();
            assertThat(t.text()).isEqualTo("SeLeCt");
            assertThat(t.value()).isEqualTo("select");
        }

        @Test
        void onlyAsciiCaseIsFolded() {
            // U+017F (long s) upper-cases to S and U+212A (Kelvin) lower-cases to k in Java;
            // PostgreSQL does not fold them, so they are not keywords.
            assertThat(only("\u017Felect").isWord("select")).isFalse();
            assertThat(only("\u212Aey").isWord("key")).isFalse();
            assertThat(only("\u017Felect").value()).isEqualTo("\u017Felect");
        }

        @Test
        void nonAsciiCharactersAreIdentifierCharacters() {
            assertThat(texts("café;")).containsExactly("café", ";");
            // a no-break space is not whitespace to PostgreSQL
            assertThat(texts("SELECT\u00A01")).containsExactly("SELECT\u00A01");
        }

        @Test
        void identifiersMayContainDigitsAndDollar() {
            assertThat(texts("a1$b _x")).containsExactly("a1$b", "_x");
        }
    }

    @Nested
    class Errors {
        @Test
        void unexpectedCharacters() {
            assertThat(kinds("{ }")).containsExactly(ERROR, ERROR);
            assertThat(kinds("\u0001")).containsExactly(ERROR);
        }

        @Test
        void nulAnywhereIsError() {
            assertThat(lex("SELECT 1\0").get(2).error()).isEqualTo("NUL character");
            assertThat(kinds("'a\0b'")).containsExactly(ERROR);
            assertThat(kinds("-- a\0b\nx")).containsExactly(ERROR, IDENTIFIER);
            assertThat(kinds("$$\0$$")).containsExactly(ERROR);
        }

        @Test
        void unpairedSurrogateIsErrorButPairsAreFine() {
            assertThat(kinds("SELECT a\uD800b")).containsExactly(IDENTIFIER, ERROR);
            assertThat(kinds("'\uDC00'")).containsExactly(ERROR);
            assertThat(kinds("\uDC00\uD83D")).containsExactly(ERROR);
            assertThat(kinds("SELECT '\uD83D\uDE00', x\uD83D\uDE00")).doesNotContain(ERROR);
        }

        @Test
        void verticalTabIsErrorOutsideLiterals() {
            // whitespace only from PostgreSQL 16; older servers reject it, so fail closed
            assertThat(kinds("SELECT\u000B1")).containsExactly(IDENTIFIER, ERROR, NUMBER);
            assertThat(kinds("E'a'\u000B\n'\\'")).containsExactly(ESCAPE_STRING, ERROR, STRING);
            assertThat(kinds("'\u000B' -- \u000B")).containsExactly(STRING, LINE_COMMENT);
        }

        @Test
        void overlongOperatorIsError() {
            assertThat(kinds("a " + "@".repeat(64) + " b").get(1)).isEqualTo(ERROR);
            assertThat(kinds("a " + "@".repeat(63) + " b").get(1)).isEqualTo(OPERATOR);
        }
    }

    @Nested
    class Positions {
        @Test
        void lineAndColumnAfterMultiLineCommentsAndStrings() {
            String sql = "SELECT 1, /* one\ntwo\nthree */ 'multi\nline' AS x,\n\t$$a\nb$$ y -- end\nFROM t";
            List<Token> t = lex(sql);
            Token as = t.stream().filter(x -> x.isWord("AS")).findFirst().orElseThrow();
            assertThat(as.line()).isEqualTo(4);
            assertThat(as.column()).isEqualTo(7);
            Token y = t.stream().filter(x -> x.isWord("y")).findFirst().orElseThrow();
            assertThat(y.line()).isEqualTo(6);
            assertThat(y.column()).isEqualTo(5);
            Token from = t.stream().filter(x -> x.isWord("FROM")).findFirst().orElseThrow();
            assertThat(from.line()).isEqualTo(7);
            assertThat(from.column()).isEqualTo(1);
            for (Token tok : t) {
                assertThat(sql.substring(tok.start(), tok.end())).isEqualTo(tok.text());
            }
        }

        @Test
        void crlfAndLoneCrCountAsOneLineBreakEach() {
            List<Token> t = lex("a\r\nb\rc\n\r\nd");
            assertThat(t).extracting(Token::line).containsExactly(1, 2, 3, 5);
            assertThat(t).extracting(Token::column).containsOnly(1);
        }
    }

    @Test
    void neverThrowsAndCoversAllNonWhitespace() {
        String alphabet = "'\"$\\/*-;:()[]{}eEuUbBxXnN&01_9. \n\r\t+<>=!@#?%^|`~\0é\u000B\uD83D\uDE00";
        Random rnd = new Random(42);
        for (int iter = 0; iter < 20_000; iter++) {
            int len = rnd.nextInt(40);
            StringBuilder sb = new StringBuilder(len);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String sql = sb.toString();
            assertThatCode(() -> checkInvariants(sql)).as("input %s", sql).doesNotThrowAnyException();
        }
    }

    /** Tokens are ordered, non-overlapping, exact substrings, with only whitespace between them. */
    private static void checkInvariants(String sql) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        int pos = 0;
        for (Token t : tokens) {
            if (t.start() < pos || t.text().isEmpty() || !sql.substring(t.start(), t.end()).equals(t.text())) {
                throw new AssertionError("bad token " + t);
            }
            for (int k = pos; k < t.start(); k++) {
                if (" \t\n\r\f".indexOf(sql.charAt(k)) < 0) {
                    throw new AssertionError("dropped char at " + k);
                }
            }
            int[] lc = naiveLineColumn(sql, t.start());
            if (t.line() != lc[0] || t.column() != lc[1]) {
                throw new AssertionError("bad position " + t);
            }
            if ((t.kind() == ERROR) != (t.error() != null)) {
                throw new AssertionError("error message mismatch " + t);
            }
            t.value(); // must not throw either
            pos = t.end();
        }
        for (int k = pos; k < sql.length(); k++) {
            if (" \t\n\r\f".indexOf(sql.charAt(k)) < 0) {
                throw new AssertionError("dropped trailing char at " + k);
            }
        }
    }

    private static int[] naiveLineColumn(String sql, int pos) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < pos; k++) {
            char c = sql.charAt(k);
            if (c == '\r' || (c == '\n' && (k == 0 || sql.charAt(k - 1) != '\r'))) {
                line++;
            }
            if (c == '\r' || c == '\n') {
                lineStart = k + 1;
            }
        }
        return new int[] {line, pos - lineStart + 1};
    }

    @Test
    void timingOfA30LineQuery() {
        StringBuilder sb = new StringBuilder();
        sb.append("-- report: monthly revenue per customer\n");
        sb.append("WITH recent AS (\n");
        sb.append("  SELECT o.customer_id, o.total_cents, o.created_at\n");
        sb.append("  FROM orders o\n");
        sb.append("  WHERE o.created_at >= now() - interval '30 days'\n");
        sb.append("    AND o.status <> 'cancelled' /* ignore cancelled */\n");
        sb.append("), per_customer AS (\n");
        sb.append("  SELECT customer_id, sum(total_cents) AS cents, count(*) AS n\n");
        sb.append("  FROM recent\n");
        sb.append("  GROUP BY customer_id\n");
        sb.append(")\n");
        sb.append("SELECT c.id,\n");
        sb.append("       c.name,\n");
        sb.append("       c.email,\n");
        sb.append("       p.cents / 100.0 AS revenue,\n");
        sb.append("       p.n AS orders,\n");
        sb.append("       c.meta->>'segment' AS segment,\n");
        sb.append("       c.meta #>> '{address,city}' AS city,\n");
        sb.append("       CASE WHEN p.cents > 1_000_000 THEN 'vip' ELSE 'regular' END AS tier,\n");
        sb.append("       $1::text AS label\n");
        sb.append("FROM customers c\n");
        sb.append("JOIN per_customer p ON p.customer_id = c.id\n");
        sb.append("WHERE c.deleted_at IS NULL\n");
        sb.append("  AND c.tags @> ARRAY['active']\n");
        sb.append("  AND c.name ILIKE E'%o\\'brien%'\n");
        sb.append("  AND c.id NOT IN (SELECT customer_id FROM blocked)\n");
        sb.append("  AND c.note !~ $re$^test$re$\n");
        sb.append("ORDER BY revenue DESC, c.id\n");
        sb.append("LIMIT 100\n");
        sb.append("OFFSET 0;\n");
        String sql = sb.toString();
        int tokens = SqlLexer.tokenize(sql).size();
        for (int k = 0; k < 20_000; k++) {
            SqlLexer.tokenize(sql); // warm-up
        }
        int rounds = 50_000;
        long t0 = System.nanoTime();
        int sink = 0;
        for (int k = 0; k < rounds; k++) {
            sink += SqlLexer.tokenize(sql).size();
        }
        long lexNs = (System.nanoTime() - t0) / rounds;
        long t1 = System.nanoTime();
        for (int k = 0; k < rounds; k++) {
            sink += StatementClassifier.classify(sql).flags().size();
        }
        long fullNs = (System.nanoTime() - t1) / rounds;
        System.out.printf("[timing] 30-line query, %d chars, %d tokens: lex %.2f us (%.0f tokens/ms),"
                        + " lex+split+classify %.2f us (sink %d)%n",
                sql.length(), tokens, lexNs / 1000.0, tokens * 1_000_000.0 / lexNs, fullNs / 1000.0, sink % 10);
        assertThat(tokens).isGreaterThan(150);
    }
}
