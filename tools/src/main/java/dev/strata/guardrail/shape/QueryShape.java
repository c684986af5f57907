package dev.strata.guardrail.shape;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.QualifiedName;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.GuardContext;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.statement.select.WithItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement's plain SELECTs with their FROM items, as the wrong-result rules read them: built once per
 * validation from JSqlParser's tree and the catalog (CTEs, derived tables, LATERAL, subqueries in any clause).
 * Positions come from the parser's tokens, so findings point at the expression itself.
 */
public final class QueryShape {

    private static final QueryShape EMPTY = new QueryShape(null, 0);

    private final Catalog catalog;
    private final int base;
    private final List<SelectShape> selects = new ArrayList<>();
    private final List<Derived> derived = new ArrayList<>();
    private final Map<Select, Derived> bySelect = new java.util.IdentityHashMap<>();

    private QueryShape(Catalog catalog, int base) {
        this.catalog = catalog;
        this.base = base;
    }

    /** The shape of the validation's statement (built once; empty without a tree or a catalog). */
    public static QueryShape of(GuardContext context) {
        return context.memo(QueryShape.class, () -> {
            Statement tree = context.tree();
            if (tree == null || context.knowledge() == null || context.statements().isEmpty()) return EMPTY;
            QueryShape shape = new QueryShape(context.catalog(), context.statements().get(0).start());
            try {
                if (tree instanceof Select select) shape.select(select, null, null);
            } catch (RuntimeException | StackOverflowError e) {
                // A tree shape Strata does not know: the wrong-result rules stay silent rather than guess.
                return EMPTY;
            }
            return shape;
        });
    }

    /** Every plain SELECT of the statement, outermost first within each query level. */
    public List<SelectShape> selects() {
        return selects;
    }

    /** Visits every expression node of every clause (select list, WHERE, ON, GROUP BY, HAVING…) of every SELECT. */
    public void forEachExpression(java.util.function.BiConsumer<SelectShape, Expression> visitor) {
        for (SelectShape s : selects) {
            for (Expression clause : s.clauses()) Sql.walk(clause, e -> visitor.accept(s, e));
        }
    }

    /** Every derived table, CTE and set operation body met while building. */
    public List<Derived> derivedTables() {
        return derived;
    }

    /** The derived table a subquery (or CTE body) was read as, or null. */
    public Derived derivedOf(Select select) {
        Derived d = bySelect.get(select);
        if (d == null && select instanceof ParenthesedSelect p && p.getSelect() != null) d = bySelect.get(p.getSelect());
        return d;
    }

    /**
     * Where the expression starts in the whole input (0-based): its own token when the parser kept one, else the
     * leftmost token of anything inside it (JSqlParser keeps tokens for columns, functions and some operators).
     */
    public int offset(Expression e) {
        if (e == null) return base;
        int own = begin(e);
        if (own >= 0) return base + own;
        int[] min = {Integer.MAX_VALUE};
        Sql.walk(e, x -> {
            int b = begin(x);
            if (b >= 0 && b < min[0]) min[0] = b;
        });
        return min[0] == Integer.MAX_VALUE ? base : base + min[0];
    }

    private static int begin(Object node) {
        if (node instanceof net.sf.jsqlparser.parser.ASTNodeAccess a && a.getASTNode() != null
                && a.getASTNode().jjtGetFirstToken() != null) {
            return Math.max(0, a.getASTNode().jjtGetFirstToken().absoluteBegin - 1);
        }
        return -1;
    }

    // ------------------------------------------------------------------ building

    /** CTEs visible at a point of the query. */
    private record Ctes(Map<String, Derived> names, Ctes parent) {
        Derived find(String name) {
            for (Ctes c = this; c != null; c = c.parent) {
                Derived d = c.names.get(name);
                if (d != null) return d;
            }
            return null;
        }
    }

    private Derived select(Select select, Ctes ctes, SelectShape outer) {
        Ctes scope = ctes;
        if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
            scope = new Ctes(new HashMap<>(), ctes);
            boolean recursive = false;
            for (WithItem<?> with : select.getWithItemsList()) recursive |= with.isRecursive();
            for (WithItem<?> with : select.getWithItemsList()) {
                // A data-modifying CTE (refused by the statement rules) has no rows to shape.
                if (!(with.getParenthesedStatement() instanceof Select withSelect)) continue;
                Derived body = select(withSelect, scope, null);
                // In WITH RECURSIVE, UNION (not ALL) is how the recursion stops on cycles: deliberate.
                if (recursive && body.unionDistinct()) {
                    body = new Derived(body.body(), body.outputs(), body.open(), body.parts(), false);
                }
                List<String> renamed = new ArrayList<>();
                if (with.getWithItemList() != null) {
                    for (SelectItem<?> item : with.getWithItemList()) renamed.add(Sql.fold(item.toString()));
                }
                scope.names.put(Sql.fold(with.getAliasName()), renamed.isEmpty() ? body : rename(body, renamed));
            }
        }
        Derived out;
        if (select instanceof PlainSelect plain) {
            out = plain(plain, scope, outer).output;
        } else if (select instanceof SetOperationList set) {
            List<SelectShape> parts = new ArrayList<>();
            Derived first = null;
            for (Select part : set.getSelects()) {
                Derived d = select(part, scope, outer);
                if (first == null) first = d;
                parts.addAll(d.parts());
            }
            boolean distinct = false;
            if (set.getOperations() != null) {
                for (SetOperation op : set.getOperations()) if (op instanceof UnionOp u && !u.isAll()) distinct = true;
            }
            out = new Derived(set, first == null ? Map.of() : first.outputs(), first == null || first.open(), parts,
                    distinct);
        } else if (select instanceof ParenthesedSelect p && p.getSelect() != null) {
            out = select(p.getSelect(), scope, outer);
        } else {
            out = new Derived(select, Map.of(), true, List.of(), false);
        }
        derived.add(out);
        bySelect.put(select, out);
        return out;
    }

    private static Derived rename(Derived body, List<String> names) {
        Map<String, Derived.Output> outputs = new LinkedHashMap<>();
        List<Derived.Output> values = new ArrayList<>(body.outputs().values());
        for (int i = 0; i < names.size(); i++) {
            Derived.Output o = i < values.size() ? values.get(i) : null;
            outputs.put(names.get(i), new Derived.Output(names.get(i), o == null ? null : o.expression(),
                    o == null ? null : o.source()));
        }
        return new Derived(body.body(), outputs, false, body.parts(), body.unionDistinct());
    }

    private SelectShape plain(PlainSelect plain, Ctes ctes, SelectShape outer) {
        SelectShape shape = new SelectShape(plain, outer);
        selects.add(shape);
        if (plain.getFromItem() != null) fromItem(plain.getFromItem(), null, shape, ctes);
        if (plain.getJoins() != null) joins(plain.getJoins(), shape, ctes);

        Map<String, Derived.Output> outputs = new LinkedHashMap<>();
        boolean open = false;
        if (plain.getSelectItems() != null) {
            for (SelectItem<?> item : plain.getSelectItems()) {
                Expression e = item.getExpression();
                String text = e == null ? "" : e.toString();
                if (text.equals("*") || text.endsWith(".*")) {
                    open |= star(shape, text, outputs);
                    continue;
                }
                String name = item.getAlias() != null ? Sql.fold(item.getAlias().getName())
                        : e instanceof Column c ? Sql.fold(c.getColumnName()) : null;
                if (name == null) continue;
                Resolved source = e instanceof Column c ? shape.resolve(c) : null;
                outputs.put(name, new Derived.Output(name, e, source != null && source.isBase() ? source : null));
            }
        }
        shape.output = new Derived(plain, outputs, open, List.of(shape), false);
        // Subqueries in any clause see this SELECT's items (correlation).
        for (Expression e : shape.clauses()) subqueries(e, shape, ctes);
        if (plain.getDistinct() != null && plain.getDistinct().getOnSelectItems() != null) {
            for (SelectItem<?> on : plain.getDistinct().getOnSelectItems()) subqueries(on.getExpression(), shape, ctes);
        }
        return shape;
    }

    private boolean star(SelectShape shape, String text, Map<String, Derived.Output> outputs) {
        String qualifier = text.equals("*") ? null : Sql.fold(text.substring(0, text.length() - 2));
        boolean open = false;
        for (Item it : shape.items) {
            if (qualifier != null && !qualifier.equals(it.exposedName())) continue;
            if (it.relation() != null) {
                for (var c : it.relation().columns()) {
                    outputs.putIfAbsent(c.name(), new Derived.Output(c.name(), null, it.column(c.name())));
                }
            } else if (it.derived() != null) {
                for (var e : it.derived().outputs().entrySet()) outputs.putIfAbsent(e.getKey(), e.getValue());
                open |= it.derived().open();
            } else {
                open = true;
            }
        }
        return open;
    }

    private void subqueries(Expression e, SelectShape shape, Ctes ctes) {
        Sql.walk(e, x -> {
            if (x instanceof Select s) select(s, ctes, shape);
        });
    }

    private void joins(List<Join> joins, SelectShape shape, Ctes ctes) {
        for (Join join : joins) {
            int before = shape.items.size();
            fromItem(join.getRightItem(), join, shape, ctes);
            if (join.isRight() || join.isFull()) {
                for (int i = 0; i < before; i++) shape.items.get(i).nullable = true;
            }
            if (join.isLeft() || join.isFull()) {
                for (int i = before; i < shape.items.size(); i++) shape.items.get(i).nullable = true;
            }
        }
    }

    private void fromItem(FromItem item, Join join, SelectShape shape, Ctes ctes) {
        String alias = item.getAlias() == null ? null : Sql.fold(item.getAlias().getName());
        if (item instanceof Table table) {
            shape.items.add(table(table, alias, join, ctes));
        } else if (item instanceof LateralSubSelect lateral) {
            Derived d = select(lateral.getSelect() != null ? lateral.getSelect() : lateral, ctes, shape);
            shape.items.add(new Item(alias, alias == null ? "lateral" : alias, null, d, join, offset(lateral)));
        } else if (item instanceof ParenthesedSelect sub) {
            Derived d = select(sub.getSelect() != null ? sub.getSelect() : sub, ctes, null);
            shape.items.add(new Item(alias, alias == null ? "subquery" : alias, null, d, join, offset(sub)));
        } else if (item instanceof ParenthesedFromItem nested) {
            int before = shape.items.size();
            fromItem(nested.getFromItem(), join, shape, ctes);
            if (nested.getJoins() != null) joins(nested.getJoins(), shape, ctes);
            if (join != null && (join.isLeft() || join.isFull())) {
                for (int i = before; i < shape.items.size(); i++) shape.items.get(i).nullable = true;
            }
        } else {
            // Functions, VALUES and anything else: an item whose columns Strata does not know.
            shape.items.add(new Item(alias, alias == null ? "item" : alias, null, null, join, base));
        }
    }

    private Item table(Table table, String alias, Join join, Ctes ctes) {
        String schema = table.getSchemaName() == null ? null : Sql.fold(table.getSchemaName());
        String name = Sql.fold(table.getName());
        int at = offset(table);
        if (schema == null && ctes != null) {
            Derived cte = ctes.find(name);
            if (cte != null) return new Item(alias, name, null, cte, join, at);
        }
        String reference = schema == null ? QualifiedName.quote(name) : QualifiedName.quote(schema, name);
        Relation relation = catalog.resolve(reference).orElse(null);
        return new Item(alias, name, relation, null, join, at);
    }

    private int offset(Object node) {
        int b = begin(node);
        return b < 0 ? base : base + b;
    }
}
