package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.shape.Literal;
import dev.strata.guardrail.shape.QueryShape;
import dev.strata.guardrail.shape.Resolved;
import dev.strata.guardrail.shape.SelectShape;
import dev.strata.guardrail.shape.Sql;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * <b>null-comparison</b>: {@code = NULL}, {@code <> NULL} and NULL inside an {@code IN}/{@code NOT IN} list. Any
 * comparison with NULL yields NULL, never true: {@code x = NULL} keeps no row, {@code x <> NULL} keeps no row either,
 * {@code x IN (1, NULL)} never matches the rows where x is NULL, and {@code x NOT IN (1, NULL)} keeps no row at all.
 * PostgreSQL runs all of them without a word. This is a fact about SQL, so the rule is an error.
 *
 * <pre>
 * bad:  SELECT id, email FROM users WHERE deleted_at = NULL
 * good: SELECT id, email FROM users WHERE deleted_at IS NULL
 * </pre>
 */
public final class NullComparison extends RuleBase {

    public NullComparison() {
        super("null-comparison", Severity.ERROR, "a comparison with NULL, which is never true");
    }

    @Override
    public void check(GuardContext context) {
        QueryShape shape = QueryShape.of(context);
        for (SelectShape s : shape.selects()) {
            for (Expression clause : s.clauses()) {
                Sql.walk(clause, e -> inspect(context, shape, s, e));
            }
        }
    }

    private void inspect(GuardContext context, QueryShape shape, SelectShape s, Expression e) {
        if (e instanceof BinaryExpression b && isComparison(b)) {
            boolean leftNull = isNull(b.getLeftExpression());
            boolean rightNull = isNull(b.getRightExpression());
            if (!leftNull && !rightNull) return;
            Expression other = leftNull ? b.getRightExpression() : b.getLeftExpression();
            String op = b.getStringExpression();
            String fix;
            if (b instanceof EqualsTo) fix = other + " IS NULL";
            else if (b instanceof NotEqualsTo) fix = other + " IS NOT NULL";
            else fix = "compare with IS NULL or IS NOT NULL: an order comparison with NULL is never true";
            Resolved column = Sql.unwrap(other) instanceof Column c ? s.resolve(c) : null;
            boolean base = column != null && column.isBase();
            context.report(this, "'" + b + "' is never true: a comparison with NULL yields NULL, so the condition "
                    + "keeps no row", shape.offset(b), base ? column.relation().qualifiedName() : null,
                    base ? column.column().name() : null, fix, Map.of("operator", op));
        } else if (e instanceof InExpression in && in.getRightExpression() instanceof ExpressionList<?> list) {
            List<Expression> rest = new ArrayList<>();
            boolean hasNull = false;
            for (Expression x : list) {
                if (isNull(x)) hasNull = true;
                else rest.add(x);
            }
            if (!hasNull) return;
            String left = in.getLeftExpression().toString();
            String values = String.join(", ", rest.stream().map(Object::toString).toList());
            String message;
            String fix;
            if (in.isNot()) {
                message = "'" + in + "' is never true: NOT IN with a NULL in its list yields NULL for every row, so "
                        + "the condition keeps no row";
                fix = rest.isEmpty() ? left + " IS NOT NULL" : left + " NOT IN (" + values + ")";
            } else {
                message = "the NULL in '" + in + "' never matches: rows where " + left + " is NULL are not selected";
                fix = rest.isEmpty() ? left + " IS NULL" : "(" + left + " IN (" + values + ") OR " + left + " IS NULL)";
            }
            context.report(this, message, shape.offset(in), null, null, fix, Map.of("operator",
                    in.isNot() ? "NOT IN" : "IN"));
        } else if (e instanceof CaseExpression c && c.getSwitchExpression() != null && c.getWhenClauses() != null) {
            for (WhenClause w : c.getWhenClauses()) {
                if (!isNull(w.getWhenExpression())) continue;
                context.report(this, "'CASE " + c.getSwitchExpression() + " WHEN NULL' never matches: the simple "
                                + "CASE compares with =, and = NULL is never true", shape.offset(w.getWhenExpression()),
                        null, null,
                        searched(c),
                        Map.of("operator", "CASE WHEN"));
            }
        }
    }

    /** The simple CASE rewritten as a searched CASE, with IS NULL where it compared with NULL. */
    private static String searched(CaseExpression c) {
        StringBuilder sb = new StringBuilder("CASE");
        for (WhenClause w : c.getWhenClauses()) {
            sb.append(" WHEN ").append(c.getSwitchExpression())
                    .append(isNull(w.getWhenExpression()) ? " IS NULL" : " = " + w.getWhenExpression())
                    .append(" THEN ").append(w.getThenExpression());
        }
        if (c.getElseExpression() != null) sb.append(" ELSE ").append(c.getElseExpression());
        return sb.append(" END").toString();
    }

    private static boolean isComparison(BinaryExpression b) {
        return b instanceof EqualsTo || b instanceof NotEqualsTo || b instanceof GreaterThan
                || b instanceof GreaterThanEquals || b instanceof MinorThan || b instanceof MinorThanEquals;
    }

    private static boolean isNull(Expression e) {
        Literal l = Literal.of(e);
        return l != null && l.isNull();
    }
}
