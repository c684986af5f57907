package dev.strata.guardrail;

import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlStatement;

import java.util.List;

/**
 * Names, in words a reader recognises, the PostgreSQL construct Strata's parser stopped at: the answer
 * {@code unsupported-syntax} gives instead of a parser's token dump.
 */
final class UnsupportedConstructs {

    private UnsupportedConstructs() {
    }

    static String name(SqlStatement statement, int errorOffset) {
        List<Token> t = statement.tokens();
        for (int i = 0; i < t.size(); i++) {
            Token x = t.get(i);
            Token next = i + 1 < t.size() ? t.get(i + 1) : null;
            Token after = i + 2 < t.size() ? t.get(i + 2) : null;
            if (x.isSymbol(")") && next != null && next.isSymbol(".") && after != null && after.isSymbol("*")) {
                return "a composite value expanded with (…).*";
            }
            if (x.isWord("group") && next != null && next.isWord("by") && after != null && after.isWord("distinct")) {
                return "GROUP BY DISTINCT";
            }
            if (x.isWord("operator") && next != null && next.isSymbol("(")) return "an OPERATOR(schema.op) call";
            if (x.isWord("is") && next != null && (next.isWord("json") || next.isWord("not") && after != null
                    && after.isWord("json"))) {
                return "the IS JSON predicate";
            }
            if (x.isWord("using") && i > 0 && t.get(i - 1).kind() != null && next != null
                    && (next.isSymbol(">") || next.isSymbol("<"))) {
                return "ORDER BY … USING an operator";
            }
            if (x.isWord("with") && i > 0 && t.get(i - 1).isSymbol("(") && containsWrite(t, i)) {
                return "a WITH clause inside a data-modifying CTE";
            }
        }
        Token at = null;
        for (Token x : t) {
            if (x.start() <= errorOffset) at = x;
            else break;
        }
        if (at == null) return "the start of the statement";
        String text = at.text().length() > 40 ? at.text().substring(0, 39) + "…" : at.text();
        return "`" + text + "` at line " + at.line() + ", column " + at.column();
    }

    private static boolean containsWrite(List<Token> t, int from) {
        int depth = 0;
        for (int i = from; i < t.size(); i++) {
            if (t.get(i).isSymbol("(")) depth++;
            if (t.get(i).isSymbol(")") && --depth < 0) return false;
            if (t.get(i).isAnyWord("insert", "update", "delete", "merge")) return true;
        }
        return false;
    }
}
