package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.shape.Item;
import dev.strata.guardrail.shape.Link;
import dev.strata.guardrail.shape.QueryShape;
import dev.strata.guardrail.shape.Resolved;
import dev.strata.guardrail.shape.SelectShape;
import dev.strata.guardrail.shape.Sql;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Join;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * <b>left-join-filtered</b>: a WHERE condition on a column of the optional side of a LEFT JOIN. Where nothing
 * matched, that side's columns are NULL, so a comparison on them drops the row: the LEFT JOIN silently becomes an
 * inner join, and parents without a (matching) child disappear. A condition meant to choose which children to
 * join belongs in ON. {@code IS NULL} on that side's join key, or on a column that is NOT NULL in its table, is the
 * anti-join idiom, not a mistake; so are conditions that handle the NULL themselves ({@code IS NOT NULL},
 * {@code coalesce(…)}, {@code … OR x IS NULL}). {@code IS NULL} on a nullable column of a child table is a
 * finding: it drops the parents whose children all have a value there.
 *
 * <pre>
 * bad:  SELECT u.id, count(o.id) FROM users u LEFT JOIN orders o ON o.user_id = u.id
 *       WHERE o.created_at &gt;= '2025-01-01' GROUP BY u.id
 * good: SELECT u.id, count(o.id) FROM users u LEFT JOIN orders o ON o.user_id = u.id
 *       AND o.created_at &gt;= '2025-01-01' GROUP BY u.id
 * </pre>
 */
public final class LeftJoinFiltered extends RuleBase {

    /** Functions whose result is not NULL just because an argument is: the writer handled the NULL. */
    private static final Set<String> NULL_HANDLING = Set.of("coalesce", "ifnull", "nullif", "nvl", "greatest",
            "least", "num_nulls", "num_nonnulls", "concat", "concat_ws", "array_position", "format");

    public LeftJoinFiltered() {
        super("left-join-filtered", Severity.WARNING, "a WHERE condition on the optional side of a LEFT JOIN");
    }

    @Override
    public void check(GuardContext context) {
        QueryShape shape = QueryShape.of(context);
        for (SelectShape s : shape.selects()) {
            if (s.select().getWhere() == null) continue;
            List<Item> optional = s.items().stream().filter(Item::isLeftJoined).toList();
            if (optional.isEmpty()) continue;
            List<Expression> terms = Sql.conjuncts(s.select().getWhere());
            for (Expression term : terms) {
                for (Item r : optional) {
                    if (asksForMatch(s, terms, r)) continue;
                    List<Resolved> columns = columnsOf(s, term, r);
                    if (columns.isEmpty()) continue;
                    String verdict = judge(s, term, r, columns);
                    if (verdict == null) continue;
                    report(context, shape, s, term, r, columns.get(0), verdict);
                    break;
                }
            }
        }
    }

    private static List<Resolved> columnsOf(SelectShape s, Expression e, Item item) {
        List<Resolved> out = new ArrayList<>();
        for (Column c : Sql.columns(e)) {
            Resolved r = s.resolve(c);
            if (r != null && r.item() == item) out.add(r);
        }
        return out;
    }

    /** WHERE r.col IS NOT NULL among the terms: the writer wants only rows with a match, so the rest follows. */
    private static boolean asksForMatch(SelectShape s, List<Expression> terms, Item r) {
        for (Expression t : terms) {
            if (t instanceof IsNullExpression n && n.isNot() && Sql.unwrap(n.getLeftExpression()) instanceof Column c) {
                Resolved x = s.resolve(c);
                if (x != null && x.item() == r) return true;
            }
        }
        return false;
    }

    /** "rejects" (drops the unmatched rows), "is-null" (drops parents whose children all have a value), or null. */
    private static String judge(SelectShape s, Expression term, Item r, List<Resolved> columns) {
        if (term instanceof IsNullExpression n && Sql.unwrap(n.getLeftExpression()) instanceof Column c) {
            if (n.isNot()) return null; // asks for a match: the writer means the inner join
            Resolved col = s.resolve(c);
            if (col == null || col.item() != r) return null;
            if (joinKeys(s, r).contains(col.name()) || col.notNull()) return null; // the anti-join idiom
            if (r.rowsOf() == null && r.derived() == null) return null; // a view: NOT NULL is not known
            List<String> keys = joinKeys(s, r);
            // A lookup (one row per parent): WHERE lookup.x IS NULL filters parents, which is what it says.
            if (!keys.isEmpty() && Boolean.TRUE.equals(Link.unique(r, keys))) return null;
            return "is-null";
        }
        if (handlesNull(term, s, r)) return null;
        Expression u = Sql.unwrap(term);
        if (u instanceof OrExpression) {
            for (Expression branch : Sql.disjuncts(u)) if (columnsOf(s, branch, r).isEmpty()) return null;
        }
        return "rejects";
    }

    /** An IS NULL test, a NULL-handling function, CASE or IS DISTINCT FROM over the item's columns. */
    private static boolean handlesNull(Expression term, SelectShape s, Item r) {
        boolean[] found = {false};
        Sql.walk(term, e -> {
            if (found[0]) return;
            if (e instanceof IsNullExpression || e instanceof IsDistinctExpression || e instanceof IsBooleanExpression
                    || e instanceof CaseExpression) {
                if (!columnsOf(s, e, r).isEmpty()) found[0] = true;
            } else if (e instanceof Function f && f.getName() != null
                    && NULL_HANDLING.contains(f.getName().toLowerCase(Locale.ROOT))) {
                if (!columnsOf(s, f, r).isEmpty()) found[0] = true;
            }
        });
        return found[0];
    }

    /** The item's columns its own join condition uses (ON or USING). */
    private static List<String> joinKeys(SelectShape s, Item r) {
        List<String> keys = new ArrayList<>();
        Join j = r.join();
        if (j == null) return keys;
        if (j.getUsingColumns() != null) {
            for (Column c : j.getUsingColumns()) keys.add(Sql.fold(c.getColumnName()));
        }
        if (j.getOnExpressions() != null) {
            for (Expression on : j.getOnExpressions()) {
                for (Resolved x : columnsOf(s, on, r)) keys.add(x.name());
            }
        }
        return keys;
    }

    private void report(GuardContext context, QueryShape shape, SelectShape s, Expression term, Item r,
                        Resolved column, String verdict) {
        String table = r.displayName();
        String named = table + (r.alias() != null ? " (" + r.alias() + ")" : "");
        String message = "WHERE " + term + " tests " + named + ", the optional side of a LEFT JOIN: " + (verdict.equals(
                "is-null") ? "rows with no match are kept, but every row whose matching " + r.name() + " rows all have "
                + column.name() + " set is dropped"
                : "where no row matched, its columns are NULL and the condition drops the row, so the LEFT JOIN acts "
                + "as an inner join and the rows without a match vanish");
        message += "; move the condition into ON (out of WHERE), or write JOIN if those rows should go";
        Join j = r.join();
        String fix;
        if (j != null && j.getOnExpressions() != null && !j.getOnExpressions().isEmpty()) {
            List<String> on = new ArrayList<>();
            for (Expression e : j.getOnExpressions()) on.add(e.toString());
            String moved = Sql.unwrap(term) instanceof OrExpression ? "(" + term + ")" : term.toString();
            fix = "LEFT JOIN " + j.getRightItem() + " ON " + String.join(" AND ", on) + " AND " + moved;
        } else {
            fix = "move " + term + " into the LEFT JOIN's ON clause (or write JOIN if rows without a match should go)";
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("optional_side", table);
        evidence.put("condition", term.toString());
        context.report(this, message, shape.offset(term), WrongResults.table(column), WrongResults.column(column), fix,
                evidence);
    }
}
