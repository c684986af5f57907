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
 * A text column of a table compared for equality with plain string literals: {@code col = 'x'}, {@code 'x' <> col},
 * {@code col [NOT] IN ('x', …)}. The shape rules about literal values (wildcards, spelling variants) start from it.
 *
 * @param column   the column as written
 * @param resolved the base table column it names (text category)
 * @param literals the values, unquoted
 */
public record TextComparison(Column column, Resolved resolved, List<String> literals, boolean negated) {

    /**
     * The comparison at {@code e} within {@code select}; empty unless the column resolves to a base text column
     * and every value is an untyped string literal (a cast or a parameter says nothing about the column's values).
     */
    public static Optional<TextComparison> of(SelectShape select, Expression e) {
        Column column = null;
        List<Expression> values = new ArrayList<>();
        boolean negated = false;
        if (e instanceof EqualsTo || e instanceof NotEqualsTo) {
            BinaryExpression b = (BinaryExpression) e;
            Expression l = Sql.unwrap(b.getLeftExpression());
            Expression r = Sql.unwrap(b.getRightExpression());
            negated = e instanceof NotEqualsTo;
            if (l instanceof Column c && r instanceof StringValue) {
                column = c;
                values.add(r);
            } else if (r instanceof Column c && l instanceof StringValue) {
                column = c;
                values.add(l);
            }
        } else if (e instanceof InExpression in && Sql.unwrap(in.getLeftExpression()) instanceof Column c
                && in.getRightExpression() instanceof ExpressionList<?> list) {
            column = c;
            for (Expression x : list) values.add(x);
            negated = in.isNot();
        }
        if (column == null) return Optional.empty();
        Resolved resolved = select.resolve(column);
        if (resolved == null || !resolved.isBase() || resolved.column().typeCategory() != 'S') return Optional.empty();
        List<String> literals = new ArrayList<>();
        for (Expression v : values) {
            Literal l = Literal.of(v);
            if (l == null || l.kind() != Literal.Kind.STRING || l.type() != null) return Optional.empty();
            literals.add(l.value());
        }
        return Optional.of(new TextComparison(column, resolved, List.copyOf(literals), negated));
    }
}
