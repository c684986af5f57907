package dev.strata.guardrail.shape;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.schema.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which expressions PostgreSQL certainly computes as integers, and how wide: from the catalog's column types and
 * the documented result types of functions ({@code count} is bigint; {@code sum} of smallint or integer is bigint,
 * but {@code sum} of bigint is numeric; {@code avg} is never an integer). Anything else is "not certainly an
 * integer" (0), so the rules that use this stay silent on doubt.
 */
public final class IntegerTypes {

    private IntegerTypes() {
    }

    /** 2, 4 or 8 for smallint, integer, bigint; 0 when the expression is not certainly an integer. */
    public static int width(SelectShape s, Expression e) {
        return width(s, e, 0);
    }

    private static int width(SelectShape s, Expression e, int depth) {
        if (e == null || depth > 12) return 0;
        e = Sql.unwrap(e);
        if (e instanceof LongValue n) return n.getBigIntegerValue().bitLength() < 32 ? 4 : 8;
        if (e instanceof SignedExpression sig) return width(s, sig.getExpression(), depth + 1);
        if (e instanceof Column c) return column(s, c, depth);
        if (e instanceof CastExpression cast && cast.getColDataType() != null) {
            return named(cast.getColDataType().getDataType());
        }
        if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication || e instanceof Modulo
                || e instanceof Division) {
            var b = (net.sf.jsqlparser.expression.BinaryExpression) e;
            int l = width(s, b.getLeftExpression(), depth + 1);
            int r = width(s, b.getRightExpression(), depth + 1);
            return l == 0 || r == 0 ? 0 : Math.max(l, r);
        }
        if (e instanceof CaseExpression kase) {
            int w = 0;
            List<Expression> results = new ArrayList<>();
            if (kase.getWhenClauses() != null) for (WhenClause wc : kase.getWhenClauses()) results.add(wc.getThenExpression());
            if (kase.getElseExpression() != null) results.add(kase.getElseExpression());
            for (Expression r : results) {
                if (Sql.unwrap(r) instanceof NullValue) continue;
                int x = width(s, r, depth + 1);
                if (x == 0) return 0;
                w = Math.max(w, x);
            }
            return w;
        }
        if (e instanceof AnalyticExpression a && a.getName() != null) {
            String name = a.getName().toLowerCase(Locale.ROOT);
            Expression arg = a.getExpression();
            return aggregate(s, name, arg == null || Sql.isCountStar(a) ? List.of() : List.of(arg), depth);
        }
        if (e instanceof Function f && f.getName() != null) {
            String name = f.getName().toLowerCase(Locale.ROOT);
            List<Expression> args = Sql.arguments(f);
            int w = aggregate(s, name, args, depth);
            if (w != 0 || name.equals("sum") || name.equals("count")) return w;
            switch (name) {
                case "coalesce", "nullif", "greatest", "least" -> {
                    int max = 0;
                    for (Expression arg : args) {
                        int x = width(s, arg, depth + 1);
                        if (x == 0) return 0;
                        max = Math.max(max, x);
                    }
                    return max;
                }
                case "abs" -> {
                    return args.size() == 1 ? width(s, args.get(0), depth + 1) : 0;
                }
                case "length", "char_length", "character_length", "octet_length", "bit_length", "array_length",
                     "cardinality", "strpos", "position", "ascii" -> {
                    return 4;
                }
                default -> {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static int aggregate(SelectShape s, String name, List<Expression> args, int depth) {
        switch (name) {
            case "count" -> {
                return 8;
            }
            case "sum" -> {
                if (args.size() != 1) return 0;
                int w = width(s, args.get(0), depth + 1);
                // sum(bigint) is numeric: PostgreSQL widens it so that the sum cannot overflow.
                return w == 2 || w == 4 ? 8 : 0;
            }
            case "min", "max" -> {
                return args.size() == 1 ? width(s, args.get(0), depth + 1) : 0;
            }
            default -> {
                return 0;
            }
        }
    }

    private static int column(SelectShape s, Column c, int depth) {
        Resolved r = s.resolve(c);
        if (r == null) return 0;
        if (r.isBase()) return named(r.column().baseType());
        Derived d = r.item().derived();
        if (d == null || d.plain() == null) return 0;
        Derived.Output o = d.outputs().get(r.name());
        return o == null || o.expression() == null ? 0 : width(d.plain(), o.expression(), depth + 1);
    }

    /** The width of an integer type name, 0 for any other type. */
    public static int named(String type) {
        if (type == null) return 0;
        return switch (type.toLowerCase(Locale.ROOT).strip()) {
            case "smallint", "int2", "smallserial" -> 2;
            case "integer", "int", "int4", "serial" -> 4;
            case "bigint", "int8", "bigserial" -> 8;
            default -> 0;
        };
    }

    /** Whether the expression computes an aggregate (or reads one a CTE or subquery computed). */
    public static boolean aggregated(SelectShape s, Expression e) {
        boolean[] found = {false};
        Sql.walk(e, x -> {
            if (found[0]) return;
            if (Sql.aggregate(x) != null || x instanceof AnalyticExpression) {
                found[0] = true;
            } else if (x instanceof Column c) {
                Resolved r = s.resolve(c);
                if (r != null && !r.isBase() && r.item().derived() != null) {
                    Derived.Output o = r.item().derived().outputs().get(r.name());
                    if (o != null && o.expression() != null && Sql.hasAggregate(o.expression())) found[0] = true;
                }
            }
        });
        return found[0];
    }
}
