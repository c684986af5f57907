package dev.strata.guardrail.shape;

import dev.strata.catalog.Relation;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Join;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two FROM items of one SELECT tied by column equalities ({@code o.user_id = u.id}, USING, or a WHERE equality
 * for comma joins), with the columns on each side. Rules ask which side can repeat the other's rows.
 */
public record Link(Item left, List<String> leftColumns, Item right, List<String> rightColumns) {

    /** The columns of {@code item} in this link. */
    public List<String> columnsOf(Item item) {
        return item == left ? leftColumns : rightColumns;
    }

    public Item other(Item item) {
        return item == left ? right : left;
    }

    public boolean touches(Item item) {
        return left == item || right == item;
    }

    /** Every link of the SELECT: equalities in ON and WHERE (top-level AND terms), and USING columns. */
    public static List<Link> of(SelectShape s) {
        Map<List<Item>, Link> links = new LinkedHashMap<>();
        for (Join j : s.joins()) {
            if (j.getOnExpressions() != null) {
                for (Expression on : j.getOnExpressions()) collect(s, on, links);
            }
            if (j.getUsingColumns() != null) {
                Item right = null;
                for (Item it : s.items()) if (it.join() == j) right = it;
                if (right == null) continue;
                for (Column c : j.getUsingColumns()) {
                    String name = Sql.fold(c.getColumnName());
                    for (Item left : s.items()) {
                        if (left == right) break;
                        if (left.knows(name)) {
                            add(links, left, name, right, name);
                            break;
                        }
                    }
                }
            }
        }
        if (s.select().getWhere() != null) collect(s, s.select().getWhere(), links);
        return new ArrayList<>(links.values());
    }

    private static void collect(SelectShape s, Expression condition, Map<List<Item>, Link> links) {
        for (Expression term : Sql.conjuncts(condition)) {
            if (!(term instanceof EqualsTo eq)) continue;
            if (!(Sql.unwrap(eq.getLeftExpression()) instanceof Column l)
                    || !(Sql.unwrap(eq.getRightExpression()) instanceof Column r)) {
                continue;
            }
            Resolved a = s.resolve(l);
            Resolved b = s.resolve(r);
            if (a == null || b == null || a.item() == b.item() || !s.owns(a.item()) || !s.owns(b.item())) continue;
            add(links, a.item(), a.name(), b.item(), b.name());
        }
    }

    private static void add(Map<List<Item>, Link> links, Item a, String ca, Item b, String cb) {
        Link existing = links.get(List.of(a, b));
        if (existing == null) {
            Link reversed = links.get(List.of(b, a));
            if (reversed != null) {
                reversed.leftColumns.add(cb);
                reversed.rightColumns.add(ca);
                return;
            }
            List<String> la = new ArrayList<>();
            List<String> lb = new ArrayList<>();
            la.add(ca);
            lb.add(cb);
            links.put(List.of(a, b), new Link(a, la, b, lb));
            return;
        }
        existing.leftColumns.add(ca);
        existing.rightColumns.add(cb);
    }

    /**
     * Whether these columns of the item certainly identify one row: a unique key of the table it reads one for
     * one, or the whole key of a grouped or DISTINCT subquery. {@code null} when Strata cannot tell.
     */
    public static Boolean unique(Item item, List<String> columns) {
        Relation r = item.relation();
        if (r != null) {
            if (item.rowsOf() == null) return null; // views and foreign tables declare no keys
            return Keys.unique(r, columns);
        }
        Derived d = item.derived();
        if (d == null) return null;
        if (d.uniqueOn(new java.util.HashSet<>(columns))) return true;
        Relation rows = d.rowsOf();
        if (rows == null) return null;
        List<String> base = baseColumns(item, columns);
        return base == null ? null : Keys.unique(rows, base);
    }

    /** The base-table columns behind the item's columns, or null when one is computed. */
    public static List<String> baseColumns(Item item, List<String> columns) {
        List<String> out = new ArrayList<>();
        Relation rows = item.rowsOf();
        for (String c : columns) {
            Resolved r = item.column(c);
            if (!r.isBase() || r.relation() != rows) return null;
            out.add(r.column().name());
        }
        return out;
    }
}
