package dev.strata.guardrail.model;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.QualifiedName;
import dev.strata.catalog.Relation;
import dev.strata.catalog.RelationKind;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Walks a JSqlParser tree and resolves every table and column reference through aliases, CTEs (recursive too),
 * derived tables, subqueries in any clause (EXISTS, IN, scalar, LATERAL), set operations and simple views, against
 * the catalog and the search_path, the way PostgreSQL would: the nearest scope wins, an unqualified name present
 * in two FROM items of the same scope is ambiguous.
 */
public final class QueryModelBuilder {

    /** Words JSqlParser reads as columns that PostgreSQL treats as keywords or literals. */
    private static final Set<String> NOT_COLUMNS = Set.of("true", "false", "null", "current_date",
            "current_timestamp", "current_time", "localtime", "localtimestamp", "current_user", "session_user",
            "current_role", "user", "current_catalog", "current_schema", "default");

    private final Catalog catalog;
    private final String lowerSql;
    private final int baseOffset;
    private final Map<Long, Map<String, ColumnSource>> viewShapes;
    private final Set<Long> viewsInProgress;

    private final List<Scope> scopes = new ArrayList<>();
    private final List<TableRef> tables = new ArrayList<>();
    private final List<ColumnRef> columns = new ArrayList<>();
    private final List<Equality> equalities = new ArrayList<>();
    private final List<UnknownTable> unknownTables = new ArrayList<>();
    /** Columns, equalities and conditions of the SELECT being built; nested SELECTs push their own frame. */
    private final java.util.ArrayDeque<Frame> frames = new java.util.ArrayDeque<>();

    private static final class Frame {
        final List<Pending> pending = new ArrayList<>();
        final List<Pending[]> equalities = new ArrayList<>();
        final Map<Scope, List<List<Pending>>> conditions = new LinkedHashMap<>();
    }

    /**
     * @param sql        the statement's text, for positions
     * @param baseOffset where that text starts in the whole input, so reported offsets are absolute
     * @param viewShapes cache of view output columns → base columns, shared across builds of one catalog
     */
    public QueryModelBuilder(Catalog catalog, String sql, int baseOffset,
                             Map<Long, Map<String, ColumnSource>> viewShapes) {
        this(catalog, sql, baseOffset, viewShapes, new HashSet<>());
    }

    private QueryModelBuilder(Catalog catalog, String sql, int baseOffset,
                              Map<Long, Map<String, ColumnSource>> viewShapes, Set<Long> viewsInProgress) {
        this.catalog = catalog;
        this.lowerSql = sql.toLowerCase(Locale.ROOT);
        this.baseOffset = baseOffset;
        this.viewShapes = viewShapes;
        this.viewsInProgress = viewsInProgress;
    }

    public static Map<Long, Map<String, ColumnSource>> newViewCache() {
        return new ConcurrentHashMap<>();
    }

    public QueryModel build(Statement statement) {
        if (statement instanceof Select select) {
            select(select, null);
        }
        return new QueryModel(List.copyOf(scopes), List.copyOf(tables), List.copyOf(columns), List.copyOf(equalities),
                List.copyOf(unknownTables));
    }

    // ------------------------------------------------------------------ selects

    /** Builds a SELECT of any shape and returns its output columns (name → source; null when computed). */
    private Shape select(Select select, Scope parent) {
        Scope withScope = parent;
        if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
            withScope = newScope(parent);
            for (WithItem<?> with : select.getWithItemsList()) {
                String name = fold(with.getAliasName());
                // Register first so a recursive CTE can refer to itself; its shape is filled in after.
                Map<String, ColumnSource> shape = new LinkedHashMap<>();
                TableRef placeholder = new TableRef(null, name, null, shape, true, offsetOf(name, 0));
                withScope.ctes.put(name, placeholder);
                // A WITH item may hold INSERT/UPDATE/DELETE (refused by the statement rules); only SELECTs have a shape.
                Object body0 = with.getParenthesedStatement();
                if (body0 instanceof Select withSelect) {
                    Shape body = select(withSelect, withScope);
                    List<String> columnNames = withColumnNames(with);
                    shape.putAll(columnNames.isEmpty() ? body.columns : rename(body, columnNames));
                    withScope.ctes.put(name, new TableRef(null, name, null, shape, body.open, placeholder.offset()));
                }
            }
        }
        if (select instanceof PlainSelect plain) return plain(plain, withScope);
        if (select instanceof SetOperationList set) {
            Shape first = null;
            for (Select part : set.getSelects()) {
                Shape s = select(part, withScope);
                if (first == null) first = s;
            }
            return first == null ? Shape.OPEN : first;
        }
        if (select instanceof ParenthesedSelect parenthesed && parenthesed.getSelect() != null) {
            return select(parenthesed.getSelect(), withScope);
        }
        if (select instanceof Values values) {
            frames.push(new Frame());
            try {
                Scope scope = newScope(withScope);
                if (values.getExpressions() != null) expressions(values.getExpressions(), scope, Clause.OTHER);
                resolvePending();
            } finally {
                frames.pop();
            }
            return Shape.OPEN;
        }
        return Shape.OPEN;
    }

    private static List<String> withColumnNames(WithItem<?> with) {
        List<String> names = new ArrayList<>();
        if (with.getWithItemList() != null) {
            for (SelectItem<?> item : with.getWithItemList()) names.add(fold(item.toString()));
        }
        return names;
    }

    private static Map<String, ColumnSource> rename(Shape body, List<String> names) {
        Map<String, ColumnSource> out = new LinkedHashMap<>();
        List<ColumnSource> sources = new ArrayList<>(body.columns.values());
        for (int i = 0; i < names.size(); i++) out.put(names.get(i), i < sources.size() ? sources.get(i) : null);
        return out;
    }

    private Shape plain(PlainSelect plain, Scope parent) {
        frames.push(new Frame());
        try {
            return plainInFrame(plain, parent);
        } finally {
            frames.pop();
        }
    }

    private Shape plainInFrame(PlainSelect plain, Scope parent) {
        Scope scope = newScope(parent);
        if (plain.getFromItem() != null) fromItem(plain.getFromItem(), scope, null);
        if (plain.getJoins() != null) joins(plain.getJoins(), scope);

        Shape shape = new Shape();
        if (plain.getSelectItems() != null) {
            for (SelectItem<?> item : plain.getSelectItems()) {
                Expression e = item.getExpression();
                if (item.getAlias() != null) scope.outputAliases.add(fold(item.getAlias().getName()));
                String text = e == null ? "" : e.toString();
                if (text.equals("*") || text.endsWith(".*")) {
                    shape.open = true;
                    starColumns(scope, text, shape);
                    continue;
                }
                expression(e, scope, Clause.SELECT);
                String name = item.getAlias() != null ? fold(item.getAlias().getName())
                        : e instanceof Column c ? fold(c.getColumnName()) : null;
                if (name != null) shape.pendingColumns.put(name, e instanceof Column c ? new PendingSource(c, scope) : null);
            }
        }
        if (plain.getWhere() != null) condition(plain.getWhere(), scope, Clause.WHERE);
        GroupByElement groupBy = plain.getGroupBy();
        if (groupBy != null && groupBy.getGroupByExpressionList() != null) {
            expressions(groupBy.getGroupByExpressionList(), scope, Clause.GROUP_BY);
        }
        if (plain.getHaving() != null) condition(plain.getHaving(), scope, Clause.HAVING);
        if (plain.getOrderByElements() != null) {
            for (OrderByElement o : plain.getOrderByElements()) expression(o.getExpression(), scope, Clause.ORDER_BY);
        }
        resolvePending();
        return shape.resolve();
    }

    private void starColumns(Scope scope, String text, Shape shape) {
        String qualifier = text.equals("*") ? null : fold(text.substring(0, text.length() - 2));
        for (TableRef t : scope.tables) {
            if (qualifier != null && !qualifier.equals(t.exposedName()) && !qualifier.endsWith("." + t.name())) continue;
            if (t.relation() != null) {
                for (dev.strata.catalog.Column c : t.relation().columns()) {
                    shape.resolved.putIfAbsent(c.name(), t.column(c.name()).orElse(null));
                }
            } else {
                t.columns().forEach((k, v) -> shape.resolved.putIfAbsent(k, v));
                if (t.open()) shape.open = true;
            }
        }
    }

    private void joins(List<Join> joins, Scope scope) {
        for (Join join : joins) {
            List<TableRef> before = new ArrayList<>(scope.tables);
            TableRef right = fromItem(join.getRightItem(), scope, join);
            if (join.isCross() && right != null) scope.deliberate.add(right);
            if (join.getOnExpressions() != null) {
                for (Expression on : join.getOnExpressions()) condition(on, scope, Clause.ON);
            }
            if (join.getUsingColumns() != null && right != null) {
                for (Column using : join.getUsingColumns()) {
                    String name = fold(using.getColumnName());
                    for (TableRef left : before) {
                        if (left.knowsColumn(name)) {
                            int offset = offsetOf(name, right.offset());
                            ColumnRef l = resolved(left, name, Clause.ON, offset, scope);
                            ColumnRef r = resolved(right, name, Clause.ON, offset, scope);
                            equalities.add(new Equality(l, r, Clause.ON));
                            scope.connections.add(new TableRef[]{left, right});
                            break;
                        }
                    }
                }
            }
            if (join.isNatural() && right != null) {
                for (TableRef left : before) scope.connections.add(new TableRef[]{left, right});
            }
        }
    }

    private ColumnRef resolved(TableRef table, String name, Clause clause, int offset, Scope scope) {
        ColumnRef ref = new ColumnRef(table.exposedName(), name, clause, offset, scope, List.of(table),
                table.column(name).orElse(null), false);
        columns.add(ref);
        return ref;
    }

    /** Registers a FROM item and returns it (null for items that add no table). */
    private TableRef fromItem(FromItem item, Scope scope, Join join) {
        String alias = alias(item.getAlias());
        if (item instanceof Table table) {
            return table(table, alias, scope);
        }
        if (item instanceof LateralSubSelect lateral) {
            // LATERAL sees the items before it: build it in this scope's child and connect it to them.
            Shape shape = select(lateral.getSelect() != null ? lateral.getSelect() : lateral, scope);
            TableRef ref = add(scope, new TableRef(alias, alias == null ? "lateral" : alias, null, shape.columns,
                    shape.open, offsetOf("lateral", 0)));
            for (TableRef t : scope.tables) if (t != ref) scope.connections.add(new TableRef[]{t, ref});
            return ref;
        }
        if (item instanceof ParenthesedSelect sub) {
            Shape shape = select(sub.getSelect() != null ? sub.getSelect() : sub, scope.parent);
            return add(scope, new TableRef(alias, alias == null ? "subquery" : alias, null, shape.columns, shape.open,
                    alias == null ? baseOffset : offsetOf(alias, 0)));
        }
        if (item instanceof TableFunction function) {
            expression(function.getFunction(), scope, Clause.OTHER);
            String name = alias != null ? alias : fold(function.getFunction().getName());
            TableRef ref = add(scope, new TableRef(alias, name, null, Map.of(), true, offsetOf(name, 0)));
            // Set-returning functions in FROM usually take columns of earlier items (implicit LATERAL).
            for (TableRef t : scope.tables) if (t != ref) scope.connections.add(new TableRef[]{t, ref});
            return ref;
        }
        if (item instanceof ParenthesedFromItem parenthesed) {
            TableRef first = fromItem(parenthesed.getFromItem(), scope, null);
            if (parenthesed.getJoins() != null) joins(parenthesed.getJoins(), scope);
            return first;
        }
        if (item instanceof Values values) {
            if (values.getExpressions() != null) expressions(values.getExpressions(), scope, Clause.OTHER);
            return add(scope, new TableRef(alias, alias == null ? "values" : alias, null, Map.of(), true, baseOffset));
        }
        // Anything else JSqlParser knows: an item with unknown columns, so nothing downstream guesses.
        return add(scope, new TableRef(alias, alias == null ? "item" : alias, null, Map.of(), true, baseOffset));
    }

    private TableRef table(Table table, String alias, Scope scope) {
        String schema = table.getSchemaName() == null ? null : fold(table.getSchemaName());
        String name = fold(table.getName());
        if (schema == null) {
            TableRef cte = scope.cte(name);
            if (cte != null) {
                return add(scope, new TableRef(alias, name, null, cte.columns(), cte.open(), offsetOf(name, 0)));
            }
        }
        String reference = schema == null ? QualifiedName.quote(name) : QualifiedName.quote(schema, name);
        Relation relation = catalog.resolve(reference).orElse(null);
        int offset = offsetOf(table.getFullyQualifiedName(), 0);
        if (relation == null) {
            unknownTables.add(new UnknownTable(schema == null ? name : schema + "." + name, offset));
            return add(scope, new TableRef(alias, name, null, Map.of(), true, offset));
        }
        if (relation.kind() == RelationKind.VIEW || relation.kind() == RelationKind.MATERIALIZED_VIEW) {
            Map<String, ColumnSource> shape = viewShape(relation);
            if (shape != null) return add(scope, new TableRef(alias, name, relation, shape, false, offset));
        }
        return add(scope, new TableRef(alias, name, relation, null, false, offset));
    }

    /** A view's output columns traced to base columns, from its definition; null when it cannot be traced. */
    private Map<String, ColumnSource> viewShape(Relation view) {
        Map<String, ColumnSource> cached = viewShapes.get(view.oid());
        if (cached != null) return cached;
        // Tracing reads the view's own definition; a cycle (or a failure) leaves the view's columns untraced.
        if (view.viewDefinition() == null || !viewsInProgress.add(view.oid())) return null;
        try {
            Statement st = CCJSqlParserUtil.newParser(view.viewDefinition()).Statement();
            QueryModelBuilder inner = new QueryModelBuilder(catalog, view.viewDefinition(), 0, viewShapes,
                    viewsInProgress);
            Map<String, ColumnSource> out = new LinkedHashMap<>();
            if (st instanceof Select s) {
                Shape shape = inner.select(s, null);
                shape.columns.forEach((k, v) -> {
                    if (v != null && v.isBase()) out.put(k, v);
                });
            }
            viewShapes.put(view.oid(), out);
            return out;
        } catch (Exception | Error e) {
            viewShapes.put(view.oid(), Map.of());
            return Map.of();
        } finally {
            viewsInProgress.remove(view.oid());
        }
    }

    private TableRef add(Scope scope, TableRef ref) {
        scope.tables.add(ref);
        tables.add(ref);
        return ref;
    }

    private Scope newScope(Scope parent) {
        Scope s = new Scope(parent);
        scopes.add(s);
        return s;
    }

    // ------------------------------------------------------------------ expressions

    private void expressions(Iterable<? extends Expression> list, Scope scope, Clause clause) {
        for (Expression e : list) expression(e, scope, clause);
    }

    /** A condition: each top-level conjunct that mentions two FROM items connects them. */
    private void condition(Expression e, Scope scope, Clause clause) {
        Frame frame = frames.peek();
        for (Expression conjunct : conjuncts(e)) {
            int before = frame.pending.size();
            expression(conjunct, scope, clause);
            List<Pending> mine = new ArrayList<>(frame.pending.subList(before, frame.pending.size()));
            frame.conditions.computeIfAbsent(scope, k -> new ArrayList<>()).add(mine);
        }
    }

    private static List<Expression> conjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        if (e instanceof AndExpression and) {
            out.addAll(conjuncts(and.getLeftExpression()));
            out.addAll(conjuncts(and.getRightExpression()));
        } else if (e instanceof net.sf.jsqlparser.expression.Parenthesis p) {
            out.addAll(conjuncts(p.getExpression()));
        } else if (e != null) {
            out.add(e);
        }
        return out;
    }

    private void expression(Expression e, Scope scope, Clause clause) {
        if (e == null) return;
        e.accept(new Collector(scope, clause), null);
    }

    /** Collects columns, equalities and subqueries of one expression. */
    private final class Collector extends ExpressionVisitorAdapter<Void> {
        private final Scope scope;
        private final Clause clause;

        Collector(Scope scope, Clause clause) {
            super(null);
            this.scope = scope;
            this.clause = clause;
        }

        @Override
        public <S> Void visit(Column column, S context) {
            column(column, scope, clause);
            return null;
        }

        @Override
        public <S> Void visit(EqualsTo equalsTo, S context) {
            if (equalsTo.getLeftExpression() instanceof Column l && equalsTo.getRightExpression() instanceof Column r) {
                Pending left = column(l, scope, clause);
                Pending right = column(r, scope, clause);
                if (left != null && right != null) frames.peek().equalities.add(new Pending[]{left, right});
                return null;
            }
            return super.visit(equalsTo, context);
        }

        @Override
        public <S> Void visit(ParenthesedSelect select, S context) {
            select(select, scope);
            return null;
        }

        @Override
        public <S> Void visit(Select select, S context) {
            select(select, scope);
            return null;
        }
    }

    /** A column waiting for the FROM items of its scope to be known. */
    private record Pending(String qualifier, String name, Clause clause, int offset, Scope scope, ColumnRef[] out) {
    }

    private Pending column(Column column, Scope scope, Clause clause) {
        String name = fold(column.getColumnName());
        String qualifier = column.getTable() == null || column.getTable().getName() == null ? null
                : fold(column.getTable().getName());
        if (qualifier == null && NOT_COLUMNS.contains(name)) return null;
        String written = qualifier == null ? name : qualifier + "." + name;
        Pending p = new Pending(qualifier, name, clause, offsetOf(written, 0), scope, new ColumnRef[1]);
        frames.peek().pending.add(p);
        return p;
    }

    private void resolvePending() {
        Frame frame = frames.peek();
        for (Pending p : frame.pending) {
            if (p.out[0] == null) p.out[0] = resolve(p);
        }
        for (Map.Entry<Scope, List<List<Pending>>> e : frame.conditions.entrySet()) {
            Scope s = e.getKey();
            for (List<Pending> condition : e.getValue()) {
                Set<TableRef> items = new HashSet<>();
                for (Pending p : condition) {
                    ColumnRef ref = p.out[0];
                    if (ref != null && ref.candidates().size() == 1 && s.tables.contains(ref.candidates().get(0))) {
                        items.add(ref.candidates().get(0));
                    }
                }
                List<TableRef> list = new ArrayList<>(items);
                for (int i = 1; i < list.size(); i++) s.connections.add(new TableRef[]{list.get(0), list.get(i)});
            }
        }
        for (Pending[] pair : frame.equalities) {
            if (pair[0].out[0] != null && pair[1].out[0] != null) {
                equalities.add(new Equality(pair[0].out[0], pair[1].out[0], pair[0].clause()));
            }
        }
    }

    private ColumnRef resolve(Pending p) {
        if (p.qualifier() != null) {
            for (Scope s = p.scope(); s != null; s = s.parent) {
                for (TableRef t : s.tables) {
                    if (p.qualifier().equals(t.exposedName()) || (t.alias() == null && t.relation() != null
                            && p.qualifier().equals(t.relation().qualifiedName()))) {
                        ColumnRef ref = new ColumnRef(p.qualifier(), p.name(), p.clause(), p.offset(), p.scope(),
                                List.of(t), t.column(p.name()).orElse(null), false);
                        columns.add(ref);
                        return ref;
                    }
                }
            }
            // A qualifier that names no FROM item (may be a composite-type field or a typo).
            ColumnRef ref = new ColumnRef(p.qualifier(), p.name(), p.clause(), p.offset(), p.scope(), List.of(), null,
                    true);
            columns.add(ref);
            return ref;
        }
        for (Scope s = p.scope(); s != null; s = s.parent) {
            List<TableRef> candidates = new ArrayList<>();
            boolean open = false;
            for (TableRef t : s.tables) {
                if (t.knowsColumn(p.name())) candidates.add(t);
                else if (t.relation() == null && t.open()) open = true;
            }
            if (!candidates.isEmpty() || open) {
                ColumnSource source = candidates.size() == 1 ? candidates.get(0).column(p.name()).orElse(null) : null;
                ColumnRef ref = new ColumnRef(null, p.name(), p.clause(), p.offset(), p.scope(), candidates, source,
                        false);
                columns.add(ref);
                return ref;
            }
            if ((p.clause() == Clause.ORDER_BY || p.clause() == Clause.GROUP_BY || p.clause() == Clause.HAVING)
                    && s.outputAliases.contains(p.name())) {
                return null;
            }
        }
        ColumnRef ref = new ColumnRef(null, p.name(), p.clause(), p.offset(), p.scope(), List.of(), null, false);
        columns.add(ref);
        return ref;
    }

    // ------------------------------------------------------------------ shapes and positions

    /** Output columns of a SELECT, resolved once its scope is complete. */
    private static final class Shape {
        /** A SELECT whose columns are unknown (shared, so it must stay empty). */
        static final Shape OPEN = openShape();
        // Output columns whose source is known only once the scope's FROM items are all registered.
        final Map<String, Object> pendingColumns = new LinkedHashMap<>();
        final Map<String, ColumnSource> resolved = new LinkedHashMap<>();
        Map<String, ColumnSource> columns = new LinkedHashMap<>();
        boolean open;

        private static Shape openShape() {
            Shape s = new Shape();
            s.open = true;
            s.columns = Map.of();
            return s;
        }

        Shape resolve() {
            Map<String, ColumnSource> out = new LinkedHashMap<>(resolved);
            for (Map.Entry<String, Object> e : pendingColumns.entrySet()) {
                out.put(e.getKey(), e.getValue() instanceof PendingSource ps ? ps.resolve() : null);
            }
            columns = out;
            return this;
        }
    }

    private record PendingSource(Column column, Scope scope) {
        ColumnSource resolve() {
            String name = fold(column.getColumnName());
            String qualifier = column.getTable() == null || column.getTable().getName() == null ? null
                    : fold(column.getTable().getName());
            for (Scope s = scope; s != null; s = s.parent) {
                for (TableRef t : s.tables) {
                    boolean named = qualifier == null || qualifier.equals(t.exposedName());
                    if (named && t.knowsColumn(name)) return t.column(name).orElse(null);
                }
            }
            return null;
        }
    }

    /** Where the text first appears in the statement, as an offset in the whole input (approximate: first hit). */
    private int offsetOf(String written, int from) {
        if (written == null) return baseOffset;
        String needle = written.toLowerCase(Locale.ROOT).replace("\"", "");
        int relative = Math.max(0, from - baseOffset);
        int at = lowerSql.indexOf(needle, relative);
        if (at < 0) at = lowerSql.indexOf(needle);
        return baseOffset + Math.max(at, 0);
    }

    static String alias(Alias alias) {
        return alias == null ? null : fold(alias.getName());
    }

    /** Unquoted identifiers fold to lower case; quoted ones keep their case, without the quotes. */
    static String fold(String identifier) {
        if (identifier == null) return null;
        String s = identifier.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
