package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.shape.Derived;
import dev.strata.guardrail.shape.Item;
import dev.strata.guardrail.shape.QueryShape;
import dev.strata.guardrail.shape.Resolved;
import dev.strata.guardrail.shape.SelectShape;
import dev.strata.guardrail.shape.Sql;
import dev.strata.profile.ColumnProfile;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>not-in-nullable</b>: {@code x NOT IN (SELECT col …)} where {@code col} can be NULL. As soon as the subquery
 * returns one NULL, {@code x NOT IN (…)} is NULL for every x that is not in the list: no row qualifies, and the
 * query silently returns nothing. Judged with the catalog (the column allows NULL, or comes from the outer side of
 * a join) and the profile's NULL fraction (how many NULLs are there today); a subquery that filters the column
 * ({@code IS NOT NULL}, or any comparison on it) is not a finding.
 *
 * <pre>
 * bad:  SELECT id FROM users WHERE id NOT IN (SELECT author_id FROM comments)
 * good: SELECT u.id FROM users u WHERE NOT EXISTS (SELECT 1 FROM comments c WHERE c.author_id = u.id)
 * </pre>
 */
public final class NotInNullable extends RuleBase {

    public NotInNullable() {
        super("not-in-nullable", Severity.WARNING, "NOT IN over a subquery column that can be NULL");
    }

    @Override
    public void check(GuardContext context) {
        QueryShape shape = QueryShape.of(context);
        shape.forEachExpression((s, e) -> {
            if (e instanceof InExpression in && in.isNot()
                    && Sql.unwrap(in.getRightExpression()) instanceof Select sub) {
                inspect(context, shape, s, in, in.getLeftExpression(), sub);
            } else if (e instanceof NotExpression not && Sql.unwrap(not.getExpression()) instanceof InExpression in
                    && !in.isNot() && Sql.unwrap(in.getRightExpression()) instanceof Select sub) {
                inspect(context, shape, s, not, in.getLeftExpression(), sub);
            }
        });
    }

    private void inspect(GuardContext context, QueryShape shape, SelectShape outer, Expression at, Expression left,
                         Select sub) {
        Derived d = shape.derivedOf(sub);
        if (d == null) return;
        for (SelectShape p : d.parts()) {
            List<SelectItem<?>> items = p.select().getSelectItems();
            if (items == null || items.size() != 1 || !(Sql.unwrap(items.get(0).getExpression()) instanceof Column c)) {
                continue;
            }
            Resolved r = p.resolve(c);
            if (r == null || !p.owns(r.item())) continue;
            Boolean outerJoined = canBeNull(p, r, 0);
            if (outerJoined == null) continue;
            report(context, shape, outer, at, left, p, c, r, outerJoined, d.parts().size() == 1);
            return;
        }
    }

    /**
     * Whether the column can hold NULL here: null when it cannot (NOT NULL, or filtered), else whether the NULL
     * comes from an outer join (true) or from the column itself (false). Followed into CTEs and subqueries, so a
     * filter there counts.
     */
    private static Boolean canBeNull(SelectShape p, Resolved r, int depth) {
        if (depth > 8 || rejectsNull(p, r)) return null;
        if (r.item().nullable()) return true;
        if (r.item().relation() != null) {
            // A view's columns never carry NOT NULL in the catalog, whatever the table below says: no claim.
            if (r.item().rowsOf() == null) return null;
            return r.column() != null && r.column().nullable() ? false : null;
        }
        Derived d = r.item().derived();
        if (d == null) return null;
        int index = new ArrayList<>(d.outputs().keySet()).indexOf(r.name());
        if (index < 0) return null;
        Boolean any = null;
        for (SelectShape q : d.parts()) {
            List<SelectItem<?>> items = q.select().getSelectItems();
            if (items == null || index >= items.size()) return null;
            if (!(Sql.unwrap(items.get(index).getExpression()) instanceof Column c)) continue;
            Resolved inner = q.resolve(c);
            if (inner == null || !q.owns(inner.item())) continue;
            Boolean b = canBeNull(q, inner, depth + 1);
            if (b != null) any = any == null ? b : any || b;
        }
        return any;
    }

    /** A WHERE term or inner-join condition of the subquery that drops the rows where the column is NULL. */
    private static boolean rejectsNull(SelectShape p, Resolved r) {
        List<Expression> terms = new ArrayList<>(Sql.conjuncts(p.select().getWhere()));
        if (p.select().getJoins() != null) {
            for (Join j : p.select().getJoins()) {
                if (j.isLeft() || j.isRight() || j.isFull() || j.getOnExpressions() == null) continue;
                for (Expression on : j.getOnExpressions()) terms.addAll(Sql.conjuncts(on));
            }
        }
        for (Expression t : terms) {
            List<Expression> operands = new ArrayList<>();
            if (t instanceof IsNullExpression n) {
                if (n.isNot()) operands.add(n.getLeftExpression());
            } else if (t instanceof InExpression in) {
                operands.add(in.getLeftExpression());
            } else if (t instanceof Between b) {
                operands.add(b.getLeftExpression());
            } else if (t instanceof LikeExpression like) {
                operands.add(like.getLeftExpression());
            } else if (t instanceof BinaryExpression b && isComparison(b)) {
                operands.add(b.getLeftExpression());
                operands.add(b.getRightExpression());
            }
            for (Expression o : operands) {
                if (Sql.unwrap(o) instanceof Column c) {
                    Resolved x = p.resolve(c);
                    if (x != null && x.item() == r.item() && x.name().equals(r.name())) return true;
                }
            }
        }
        return false;
    }

    private static boolean isComparison(BinaryExpression b) {
        String op = b.getStringExpression();
        return op != null && switch (op) {
            case "=", "<>", "!=", "<", ">", "<=", ">=" -> true;
            default -> false;
        };
    }

    private void report(GuardContext context, QueryShape shape, SelectShape outer, Expression at, Expression left,
                        SelectShape p, Column c, Resolved r, boolean outerJoined, boolean single) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("column", WrongResults.name(r));
        String why;
        if (outerJoined) {
            why = "it comes from the outer side of a join, so it is NULL wherever that join finds nothing";
            evidence.put("nullable", "outer join");
        } else {
            evidence.put("nullable", "catalog: the column has no NOT NULL constraint");
            ColumnProfile profile = WrongResults.profile(context, r).orElse(null);
            Double nulls = profile == null ? null : profile.nullFraction();
            if (nulls != null && nulls > 0) {
                String source = profile.sources() == null ? profile.source()
                        : profile.sources().getOrDefault("null_fraction", profile.source());
                evidence.put("null_fraction", nulls);
                evidence.put("source", source);
                why = "it allows NULL and holds NULL today (" + DataRules.percent(nulls) + " of rows, "
                        + WrongResults.source(source) + "), so the query returns no row at all";
            } else if (nulls != null) {
                evidence.put("null_fraction", nulls);
                why = "it allows NULL (none today), and the first NULL will empty the result";
            } else {
                why = "it allows NULL, and one NULL empties the result";
            }
        }
        String fix = single ? notExists(outer, left, p, c, r) : null;
        if (fix == null) {
            fix = "rewrite it as NOT EXISTS (SELECT 1 … WHERE " + r.item().exposedName() + "." + r.name() + " = "
                    + left + "), or add WHERE " + r.item().exposedName() + "." + r.name()
                    + " IS NOT NULL to the subquery";
        }
        context.report(this, left + " NOT IN (SELECT " + c + " …) is never true once the subquery returns a NULL, "
                        + "and " + WrongResults.name(r) + " can be NULL: " + why, shape.offset(at),
                WrongResults.table(r), WrongResults.column(r), fix, evidence);
    }

    /** {@code NOT EXISTS (SELECT 1 FROM … WHERE … AND inner = outer)}, or null when names could be captured. */
    private static String notExists(SelectShape outer, Expression left, SelectShape p, Column c, Resolved r) {
        PlainSelect select = p.select();
        if (select.getGroupBy() != null || select.getHaving() != null || select.getLimit() != null
                || select.getDistinct() != null && select.getDistinct().getOnSelectItems() != null
                || select.getFromItem() == null) {
            return null;
        }
        String outerText;
        Expression l = Sql.unwrap(left);
        if (l instanceof Column oc) {
            Resolved o = outer.resolve(oc);
            if (o == null) return null;
            for (Item it : p.items()) if (it.exposedName().equals(o.item().exposedName())) return null;
            outerText = oc.getTable() != null && oc.getTable().getName() != null ? oc.toString()
                    : o.item().exposedName() + "." + oc.getColumnName();
        } else {
            for (Column oc : Sql.columns(l)) if (oc.getTable() == null || oc.getTable().getName() == null) return null;
            outerText = l.toString();
        }
        String innerText = c.getTable() != null && c.getTable().getName() != null ? c.toString()
                : r.item().exposedName() + "." + c.getColumnName();
        StringBuilder sb = new StringBuilder("NOT EXISTS (SELECT 1 FROM ").append(select.getFromItem());
        if (select.getJoins() != null) {
            for (Join j : select.getJoins()) sb.append(j.isSimple() ? ", " : " ").append(j);
        }
        sb.append(" WHERE ");
        Expression where = select.getWhere();
        if (where != null) {
            sb.append(Sql.unwrap(where) instanceof OrExpression ? "(" + where + ")" : where.toString()).append(" AND ");
        }
        sb.append(innerText).append(" = ").append(outerText).append(')');
        return sb.toString();
    }
}
