package dev.strata.guardrail.model;

import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlLexer.TokenKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a statement uses the values of its columns, read from the tokens next to each column reference: comparisons
 * with literals, casts, JSON paths, aggregates and ORDER BY … LIMIT. The data-aware rules need exactly these
 * shapes, and the token stream has them in order (JSqlParser's tree has no reliable offsets), while
 * {@link QueryModel} says which base column each reference is.
 */
public final class ValueUses {

    /** {@code col op literal} (or the mirror), {@code col IN (…)}, {@code col BETWEEN a AND b}. */
    public record Comparison(ColumnSource column, String op, List<String> literals, int offset) {
        public boolean isRange() {
            return op.equals("<") || op.equals(">") || op.equals("<=") || op.equals(">=") || op.equals("between");
        }

        public boolean isEquality() {
            return op.equals("=") || op.equals("<>") || op.equals("!=") || op.equals("in");
        }
    }

    /** {@code col::type} or {@code CAST(col AS type)}. */
    public record Cast(ColumnSource column, String type, int offset) {
    }

    /** {@code col->'a'->>'b'} or {@code col #>> '{a,b}'}; {@code coalesceGroup} ≥ 0 inside a COALESCE call. */
    public record JsonPath(ColumnSource column, String path, int offset, int coalesceGroup) {
    }

    /** {@code min(col)}, {@code max}, {@code sum}, {@code avg}. */
    public record Aggregate(ColumnSource column, String function, int offset) {
    }

    /** A column of ORDER BY, its direction, and whether the statement keeps only the first rows. */
    public record Ordering(ColumnSource column, boolean descending, boolean limited, int offset) {
    }

    public final List<Comparison> comparisons = new ArrayList<>();
    public final List<Cast> casts = new ArrayList<>();
    public final List<JsonPath> jsonPaths = new ArrayList<>();
    public final List<Aggregate> aggregates = new ArrayList<>();
    public final List<Ordering> orderings = new ArrayList<>();
    /** Base columns tested by a pattern ({@code ~}, {@code SIMILAR TO}, {@code pg_input_is_valid}, {@code IS JSON}). */
    public final Set<String> guarded = new HashSet<>();
    /** JSON keys tested for presence with {@code ?}, per base column. */
    public final Set<String> keyTests = new HashSet<>();

    private ValueUses() {
    }

    public static ValueUses scan(List<Token> tokens, QueryModel model) {
        ValueUses out = new ValueUses();
        if (model == null) return out;
        boolean limited = false;
        for (Token t : tokens) if (t.isWord("limit") || t.isWord("fetch")) limited = true;
        boolean inOrderBy = false;
        int orderDepth = 0;
        int depth = 0;
        boolean validator = false;
        for (Token t : tokens) if (t.isWord("pg_input_is_valid")) validator = true;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) depth++;
            if (t.isSymbol(")")) {
                depth--;
                if (inOrderBy && depth < orderDepth) inOrderBy = false;
            }
            if (t.isWord("order") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("by")) {
                inOrderBy = true;
                orderDepth = depth;
                i++;
                continue;
            }
            if (inOrderBy && (t.isAnyWord("limit", "offset", "fetch", "union", "except", "intersect") || t.isSymbol(";"))) {
                inOrderBy = false;
            }
            if (!isName(t) || (i > 0 && tokens.get(i - 1).isSymbol("."))) continue;
            int end = i;
            List<String> parts = new ArrayList<>();
            parts.add(t.value());
            while (end + 2 < tokens.size() && tokens.get(end + 1).isSymbol(".") && isName(tokens.get(end + 2))) {
                parts.add(tokens.get(end + 2).value());
                end += 2;
            }
            if (end + 1 < tokens.size() && tokens.get(end + 1).isSymbol("(")) continue;
            String name = parts.get(parts.size() - 1);
            String qualifier = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
            ColumnSource source = resolve(model, qualifier, name);
            int next = end + 1;
            if (source == null) {
                i = end;
                continue;
            }
            String key = source.qualifiedColumn();
            Token after = next < tokens.size() ? tokens.get(next) : null;
            Token before = i > 0 ? tokens.get(i - 1) : null;
            // comparisons
            if (after != null && isComparison(after) && literal(tokens, next + 1) != null) {
                out.comparisons.add(new Comparison(source, after.text(), List.of(literal(tokens, next + 1)), t.start()));
            } else if (before != null && isComparison(before) && i >= 2 && literalEndingAt(tokens, i - 2) != null) {
                out.comparisons.add(new Comparison(source, mirror(before.text()), List.of(literalEndingAt(tokens, i - 2)),
                        t.start()));
            }
            if (after != null && after.isWord("in") && next + 1 < tokens.size() && tokens.get(next + 1).isSymbol("(")
                    && !(before != null && before.isWord("not"))) {
                List<String> lits = new ArrayList<>();
                int j = next + 2;
                boolean all = true;
                while (j < tokens.size() && !tokens.get(j).isSymbol(")")) {
                    String lit = literal(tokens, j);
                    if (lit == null) {
                        all = false;
                        break;
                    }
                    lits.add(lit);
                    j++;
                    if (j < tokens.size() && tokens.get(j).isSymbol(",")) j++;
                }
                if (all && !lits.isEmpty()) out.comparisons.add(new Comparison(source, "in", lits, t.start()));
            }
            if (after != null && after.isWord("between") && literal(tokens, next + 1) != null) {
                out.comparisons.add(new Comparison(source, "between", List.of(literal(tokens, next + 1)), t.start()));
            }
            if (after != null && (after.isSymbol("~") || after.isSymbol("~*") || after.isWord("similar")
                    || (after.isWord("is") && next + 1 < tokens.size() && tokens.get(next + 1).isWord("json")))) {
                out.guarded.add(key);
            }
            if (validator) out.guarded.add(key);
            // casts
            if (after != null && after.isSymbol("::") && next + 1 < tokens.size()) {
                out.casts.add(new Cast(source, tokens.get(next + 1).value(), t.start()));
            }
            if (before != null && before.isSymbol("(") && i >= 2 && tokens.get(i - 2).isWord("cast") && after != null
                    && after.isWord("as") && next + 1 < tokens.size()) {
                out.casts.add(new Cast(source, tokens.get(next + 1).value(), t.start()));
            }
            // JSON paths, after an optional cast to json/jsonb
            int j = next;
            if (after != null && after.isSymbol("::") && j + 1 < tokens.size()
                    && tokens.get(j + 1).isAnyWord("json", "jsonb")) {
                j += 2;
            }
            List<String> path = new ArrayList<>();
            while (j + 1 < tokens.size() && (tokens.get(j).isSymbol("->") || tokens.get(j).isSymbol("->>"))
                    && tokens.get(j + 1).kind().isString()) {
                path.add(tokens.get(j + 1).value());
                j += 2;
            }
            if (path.isEmpty() && j + 1 < tokens.size() && (tokens.get(j).isSymbol("#>") || tokens.get(j).isSymbol("#>>"))
                    && tokens.get(j + 1).kind().isString()) {
                String p = tokens.get(j + 1).value().strip();
                if (p.startsWith("{") && p.endsWith("}")) {
                    for (String part : p.substring(1, p.length() - 1).split(",")) path.add(part.strip());
                }
            }
            if (!path.isEmpty()) {
                out.jsonPaths.add(new JsonPath(source, String.join(".", path), t.start(), coalesceGroup(tokens, i)));
            }
            if (after != null && after.isSymbol("?") && next + 1 < tokens.size() && tokens.get(next + 1).kind().isString()) {
                out.keyTests.add(key + "\u0000" + tokens.get(next + 1).value());
            }
            // aggregates
            if (before != null && before.isSymbol("(") && i >= 2
                    && tokens.get(i - 2).isAnyWord("min", "max", "sum", "avg") && after != null && after.isSymbol(")")) {
                out.aggregates.add(new Aggregate(source, tokens.get(i - 2).value(), t.start()));
            }
            if (inOrderBy && depth == orderDepth && (before == null || before.isSymbol(",") || before.isWord("by"))) {
                boolean desc = after != null && after.isWord("desc");
                if (after == null || after.isSymbol(",") || after.isAnyWord("asc", "desc", "nulls", "limit", "offset",
                        "fetch") || after.isSymbol(")") || after.isSymbol(";")) {
                    out.orderings.add(new Ordering(source, desc, limited, t.start()));
                }
            }
            i = end;
        }
        return out;
    }

    private static boolean isName(Token t) {
        return t.kind() == TokenKind.IDENTIFIER || t.kind() == TokenKind.QUOTED_IDENTIFIER;
    }

    private static boolean isComparison(Token t) {
        return t.kind() == TokenKind.OPERATOR && Set.of("=", "<>", "!=", "<", ">", "<=", ">=").contains(t.text());
    }

    private static String mirror(String op) {
        return switch (op) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> op;
        };
    }

    /** A string or number constant starting at {@code i} (a leading minus, {@code date '…'} typed literals too). */
    private static String literal(List<Token> tokens, int i) {
        if (i >= tokens.size()) return null;
        Token t = tokens.get(i);
        if (t.kind().isString() && t.kind() != TokenKind.BIT_STRING) return t.value();
        if (t.kind() == TokenKind.NUMBER) return t.text();
        if (t.isSymbol("-") && i + 1 < tokens.size() && tokens.get(i + 1).kind() == TokenKind.NUMBER) {
            return "-" + tokens.get(i + 1).text();
        }
        if (t.isAnyWord("date", "timestamp", "timestamptz") && i + 1 < tokens.size()
                && tokens.get(i + 1).kind().isString()) {
            return tokens.get(i + 1).value();
        }
        return null;
    }

    private static String literalEndingAt(List<Token> tokens, int i) {
        if (i < 0) return null;
        Token t = tokens.get(i);
        if (i > 0 && t.kind().isString() && tokens.get(i - 1).isAnyWord("date", "timestamp", "timestamptz")) {
            return t.value();
        }
        if (t.kind().isString() && t.kind() != TokenKind.BIT_STRING) {
            if (i > 0 && (tokens.get(i - 1).isSymbol("::") || tokens.get(i - 1).isSymbol("->>")
                    || tokens.get(i - 1).isSymbol("->"))) {
                return null;
            }
            return t.value();
        }
        if (t.kind() == TokenKind.NUMBER) return t.text();
        return null;
    }

    /** The token index of the innermost enclosing {@code coalesce(}, or -1. */
    private static int coalesceGroup(List<Token> tokens, int i) {
        int depth = 0;
        for (int k = i - 1; k >= 0; k--) {
            Token t = tokens.get(k);
            if (t.isSymbol(")")) depth++;
            else if (t.isSymbol("(")) {
                if (depth == 0) return k > 0 && tokens.get(k - 1).isWord("coalesce") ? k : -1;
                depth--;
            }
        }
        return -1;
    }

    /** The single base column a written reference resolves to, or null when unknown or ambiguous. */
    static ColumnSource resolve(QueryModel model, String qualifier, String name) {
        Map<String, ColumnSource> found = new LinkedHashMap<>();
        for (ColumnRef c : model.columns()) {
            if (!c.name().equalsIgnoreCase(name)) continue;
            if (qualifier == null ? c.qualifier() != null : !qualifier.equalsIgnoreCase(c.qualifier())) continue;
            if (c.source() == null || !c.source().isBase()) continue;
            found.put(c.source().qualifiedColumn(), c.source());
        }
        return found.size() == 1 ? found.values().iterator().next() : null;
    }

}
