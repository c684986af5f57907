package dev.strata.guardrail.shape;

import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.schema.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A column compared for equality with string literals: {@code col = 'x'}, {@code 'x' <> col}, {@code col [NOT] IN
 * ('x', …)}. The shape rules about literal values (wildcards, spelling variants) start from it; whether each value
 * really is a plain string literal is theirs to check ({@link Literal}).
 */
public record TextComparison(Column column, List<Expression> values, boolean negated) {

    public static Optional<TextComparison> of(Expression e) {
        if (e instanceof EqualsTo || e instanceof NotEqualsTo) {
            BinaryExpression b = (BinaryExpression) e;
            Expression l = Sql.unwrap(b.getLeftExpression());
            Expression r = Sql.unwrap(b.getRightExpression());
            boolean negated = e instanceof NotEqualsTo;
            if (l instanceof Column c && r instanceof StringValue) return Optional.of(new TextComparison(c, List.of(r), negated));
            if (r instanceof Column c && l instanceof StringValue) return Optional.of(new TextComparison(c, List.of(l), negated));
        } else if (e instanceof InExpression in && Sql.unwrap(in.getLeftExpression()) instanceof Column c
                && in.getRightExpression() instanceof ExpressionList<?> list) {
            List<Expression> values = new ArrayList<>();
            for (Expression x : list) values.add(x);
            return Optional.of(new TextComparison(c, values, in.isNot()));
        }
        return Optional.empty();
    }
}
