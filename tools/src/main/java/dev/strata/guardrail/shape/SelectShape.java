package dev.strata.guardrail.shape;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One plain SELECT: its FROM items (with join kinds and outer-join nullability), the SELECT it is nested in (for
 * correlated references), and name resolution the way PostgreSQL does it: the nearest SELECT that has the name
 * wins, and an unqualified name two items of one SELECT have is ambiguous (unresolved here).
 */
public final class SelectShape {

    private final PlainSelect select;
    private final SelectShape outer;
    final List<Item> items = new ArrayList<>();
    Derived output;

    SelectShape(PlainSelect select, SelectShape outer) {
        this.select = select;
        this.outer = outer;
    }

    public PlainSelect select() {
        return select;
    }

    /** The SELECT this one is nested in (its correlated references resolve there), or null. */
    public SelectShape outer() {
        return outer;
    }

    public List<Item> items() {
        return items;
    }

    /** This SELECT's output columns. */
    public Derived output() {
        return output;
    }

    /** A GROUP BY, or aggregates without one (a single row). */
    public boolean grouped() {
        if (hasGroupBy()) return true;
        if (select.getSelectItems() == null) return false;
        for (SelectItem<?> item : select.getSelectItems()) {
            if (item.getExpression() != null && Sql.hasAggregate(item.getExpression())) return true;
        }
        return select.getHaving() != null;
    }

    public boolean hasGroupBy() {
        GroupByElement g = select.getGroupBy();
        return g != null && (g.getGroupByExpressionList() != null && !g.getGroupByExpressionList().isEmpty()
                || g.getGroupingSets() != null && !g.getGroupingSets().isEmpty());
    }

    /** The GROUP BY expressions, ordinals and output aliases replaced by the output expressions they name. */
    public List<Expression> groupBy() {
        List<Expression> out = new ArrayList<>();
        GroupByElement g = select.getGroupBy();
        if (g == null || g.getGroupByExpressionList() == null) return out;
        for (Object o : g.getGroupByExpressionList()) {
            if (o instanceof Expression e) out.add(outputExpression(e));
        }
        return out;
    }

    /** An ordinal ({@code GROUP BY 1}) or an output alias resolved to the output expression, else the expression. */
    public Expression outputExpression(Expression e) {
        Expression u = Sql.unwrap(e);
        List<SelectItem<?>> items = select.getSelectItems();
        if (items == null) return e;
        if (u instanceof LongValue n) {
            long i = n.getValue();
            if (i >= 1 && i <= items.size() && items.get((int) i - 1).getExpression() != null) {
                return items.get((int) i - 1).getExpression();
            }
        }
        if (u instanceof Column c && (c.getTable() == null || c.getTable().getName() == null)) {
            String name = Sql.fold(c.getColumnName());
            boolean fromItem = false;
            for (Item it : this.items) if (it.knows(name)) fromItem = true;
            if (!fromItem) {
                for (SelectItem<?> item : items) {
                    if (item.getAlias() != null && Sql.fold(item.getAlias().getName()).equals(name)) {
                        return item.getExpression();
                    }
                }
            }
        }
        return e;
    }

    /** Output names that are GROUP BY keys; null when some key is not an output (rows per output not unique). */
    Set<String> groupKeyOutputs() {
        if (select.getGroupBy() != null && select.getGroupBy().getGroupingSets() != null
                && !select.getGroupBy().getGroupingSets().isEmpty()) {
            return null;
        }
        Set<String> keys = new HashSet<>();
        for (Expression g : groupBy()) {
            String name = outputNamed(g);
            if (name == null) return null;
            keys.add(name);
        }
        return keys;
    }

    /** Output names of DISTINCT ON keys, or every output for plain DISTINCT; null when unknown. */
    Set<String> distinctOutputs() {
        var d = select.getDistinct();
        if (d == null) return null;
        Set<String> keys = new HashSet<>();
        if (d.getOnSelectItems() != null && !d.getOnSelectItems().isEmpty()) {
            for (SelectItem<?> on : d.getOnSelectItems()) {
                String name = outputNamed(outputExpression(on.getExpression()));
                if (name == null) return null;
                keys.add(name);
            }
            return keys;
        }
        if (output == null || output.open()) return null;
        keys.addAll(output.outputs().keySet());
        return keys;
    }

    private String outputNamed(Expression e) {
        if (output == null) return null;
        String k = Sql.key(e);
        for (Derived.Output o : output.outputs().values()) {
            if (o.expression() != null && Sql.key(o.expression()).equals(k)) return o.name();
        }
        return null;
    }

    /** The item a qualifier names in this SELECT or an enclosing one, or null. */
    public Item item(Column column) {
        Resolved r = resolve(column);
        return r == null ? null : r.item();
    }

    /** Whether the item belongs to this SELECT (not an enclosing one). */
    public boolean owns(Item item) {
        return items.contains(item);
    }

    /** Resolves a column reference; null when unknown or ambiguous. */
    public Resolved resolve(Column column) {
        if (!Sql.isColumn(column)) return null;
        String name = Sql.fold(column.getColumnName());
        var table = column.getTable();
        String qualifier = table == null || table.getName() == null ? null : Sql.fold(table.getName());
        String schema = table == null || table.getSchemaName() == null ? null : Sql.fold(table.getSchemaName());
        for (SelectShape s = this; s != null; s = s.outer) {
            if (qualifier != null) {
                for (Item it : s.items) {
                    boolean named = it.alias() != null ? qualifier.equals(it.alias()) && schema == null
                            : qualifier.equals(it.exposedName()) && (schema == null || it.relation() != null
                            && schema.equals(it.relation().schema()));
                    if (named) return it.column(name);
                }
            } else {
                Item found = null;
                boolean open = false;
                for (Item it : s.items) {
                    if (it.knows(name)) {
                        // JOIN … USING (name) merges the column: the unqualified name is the earlier item's.
                        if (found != null && usingJoins(it, name)) continue;
                        if (found != null) return null;
                        found = it;
                    } else if (it.open()) {
                        open = true;
                    }
                }
                if (found != null) return open ? null : found.column(name);
                if (open) return null;
            }
        }
        return null;
    }

    private static boolean usingJoins(Item item, String name) {
        if (item.join() == null || item.join().getUsingColumns() == null) return false;
        for (Column c : item.join().getUsingColumns()) if (Sql.fold(c.getColumnName()).equals(name)) return true;
        return false;
    }

    /** Every expression of this SELECT's own clauses (select list, ON, WHERE, GROUP BY, HAVING, ORDER BY). */
    public List<Expression> clauses() {
        List<Expression> out = new ArrayList<>();
        if (select.getSelectItems() != null) {
            for (SelectItem<?> item : select.getSelectItems()) if (item.getExpression() != null) out.add(item.getExpression());
        }
        out.addAll(conditions());
        GroupByElement g = select.getGroupBy();
        if (g != null && g.getGroupByExpressionList() != null) {
            for (Object o : g.getGroupByExpressionList()) if (o instanceof Expression e) out.add(e);
        }
        if (select.getOrderByElements() != null) {
            for (OrderByElement o : select.getOrderByElements()) out.add(o.getExpression());
        }
        return out;
    }

    /** Where this SELECT's aggregates can stand: the select list, HAVING and ORDER BY. */
    public List<Expression> aggregatePlaces() {
        List<Expression> out = new ArrayList<>();
        if (select.getSelectItems() != null) {
            for (SelectItem<?> item : select.getSelectItems()) if (item.getExpression() != null) out.add(item.getExpression());
        }
        if (select.getHaving() != null) out.add(select.getHaving());
        if (select.getOrderByElements() != null) {
            for (OrderByElement o : select.getOrderByElements()) out.add(o.getExpression());
        }
        return out;
    }

    /** The conditions that filter rows: every ON, WHERE and HAVING. */
    public List<Expression> conditions() {
        List<Expression> out = new ArrayList<>();
        for (Join j : joins()) if (j.getOnExpressions() != null) out.addAll(j.getOnExpressions());
        if (select.getWhere() != null) out.add(select.getWhere());
        if (select.getHaving() != null) out.add(select.getHaving());
        return out;
    }

    /** The joins of this SELECT, nested ones ({@code a JOIN (b JOIN c ON …) ON …}) included. */
    public List<Join> joins() {
        List<Join> out = new ArrayList<>();
        for (Item it : items) if (it.join() != null && !out.contains(it.join())) out.add(it.join());
        return out;
    }

    @Override
    public String toString() {
        return select.toString();
    }
}
