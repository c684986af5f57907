package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.shape.IntegerTypes;
import dev.strata.guardrail.shape.Literal;
import dev.strata.guardrail.shape.QueryShape;
import dev.strata.guardrail.shape.SelectShape;
import dev.strata.guardrail.shape.Sql;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.schema.Column;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * <b>integer-division</b>: an aggregate ratio of integers, such as {@code count(*) FILTER (…) / count(*)} or
 * {@code sum(quantity) / count(*)}. PostgreSQL divides integers as integers and truncates: a share comes out 0
 * (or 1), an average loses its fraction. Only where both sides are certainly integers by the catalog and the
 * functions' result types ({@code count} is bigint, {@code sum} of an integer column is bigint, but {@code sum} of
 * a bigint column is numeric and divides exactly) and both sides are aggregates; a division by a constant, or a
 * numerator scaled by a constant (an integer percentage on purpose), is not a finding.
 *
 * <pre>
 * bad:  SELECT count(*) FILTER (WHERE state = 4) / count(*) AS cancel_rate FROM orders
 * good: SELECT count(*) FILTER (WHERE state = 4)::numeric / count(*) AS cancel_rate FROM orders
 * </pre>
 */
public final class IntegerDivision extends RuleBase {

    public IntegerDivision() {
        super("integer-division", Severity.ERROR, "an aggregate ratio of integers that truncates");
    }

    @Override
    public void check(GuardContext context) {
        QueryShape shape = QueryShape.of(context);
        shape.forEachExpression((s, e) -> {
            if (e instanceof Division d) inspect(context, shape, s, d);
        });
    }

    private void inspect(GuardContext context, QueryShape shape, SelectShape s, Division d) {
        Expression left = d.getLeftExpression();
        Expression right = d.getRightExpression();
        if (!IntegerTypes.aggregated(s, left) || !IntegerTypes.aggregated(s, right)) return;
        if (scaled(left)) return;
        int l = IntegerTypes.width(s, left);
        int r = IntegerTypes.width(s, right);
        if (l == 0 || r == 0) return;
        boolean average = isSum(left) && isCount(right);
        String effect = average ? "the average loses its fraction (7 / 2 is 3)"
                : "a share comes out 0, or 1 when every row qualifies";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("numerator_type", type(l));
        evidence.put("denominator_type", type(r));
        context.report(this, d + " divides " + type(l) + " by " + type(r) + ": PostgreSQL truncates integer "
                        + "division, so " + effect, shape.offset(d), null, null,
                numeric(left) + " / " + right, evidence);
    }

    /** A numerator multiplied by a constant ({@code 100 * count(x) / count(*)}): a whole percentage on purpose. */
    private static boolean scaled(Expression e) {
        Expression u = Sql.unwrap(e);
        return u instanceof Multiplication m && (Literal.of(m.getLeftExpression()) != null
                || Literal.of(m.getRightExpression()) != null);
    }

    private static boolean isSum(Expression e) {
        return "sum".equals(Sql.aggregate(e));
    }

    private static boolean isCount(Expression e) {
        return "count".equals(Sql.aggregate(e));
    }

    private static String type(int width) {
        return width == 2 ? "smallint" : width == 4 ? "integer" : "bigint";
    }

    /** The numerator cast to numeric, parenthesised where the cast would bind to less than all of it. */
    private static String numeric(Expression e) {
        Expression u = Sql.unwrap(e);
        boolean simple = u instanceof Column || u instanceof Function
                || u instanceof AnalyticExpression a && a.getFilterExpression() == null;
        return (simple ? u.toString() : "(" + u + ")") + "::numeric";
    }
}
