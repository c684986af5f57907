package dev.strata.guardrail.model;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.QualifiedName;
import dev.strata.catalog.Relation;
import dev.strata.catalog.RelationKind;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.Limit;
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
import net.sf.jsqlparser.statement.update.Update;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Walks a JSqlParser tree and resolves every table and column reference the way PostgreSQL does, against the
 * catalog, the server's own objects ({@link ServerObjects}) and the search_path:
 * <ul>
 *   <li>FROM items: catalog relations and views (traced to their base columns), {@code pg_catalog} and
 *       {@code information_schema} relations, sequences, CTEs (recursive too), subqueries, LATERAL, function
 *       calls with their columns ({@code AS g(i)}, column definition lists, OUT parameters, WITH ORDINALITY),
 *       VALUES lists; alias column lists rename columns in order;</li>
 *   <li>columns: the nearest scope wins; a name two FROM items of one scope have is ambiguous unless a USING or
 *       NATURAL join merged it; system columns; a table name used as a value is its whole row; {@code c.f} with
 *       {@code c} a column is a field; ORDER BY and DISTINCT ON prefer output names, GROUP BY prefers input
 *       columns of its own level and then output names; numbers there are positions;</li>
 *   <li>output columns carry PostgreSQL's implicit names ({@code count}, {@code max}, {@code ?column?}).</li>
 * </ul>
 * Anything Strata cannot follow is left open or uncertain, never called wrong.
 */
public final class QueryModelBuilder {

    /** Words JSqlParser reads as columns that PostgreSQL treats as keywords or literals. */
    private static final Set<String> NOT_COLUMNS = Set.of("true", "false", "null", "current_date",
            "current_timestamp", "current_time", "localtime", "localtimestamp", "current_user", "session_user",
            "current_role", "user", "current_catalog", "current_schema", "default", "system_user");

    /** Aggregates: a SELECT of them without GROUP BY yields exactly one row. */
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "bool_and",
            "bool_or", "every", "array_agg", "string_agg", "json_agg", "jsonb_agg", "json_object_agg",
            "jsonb_object_agg", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp",
            "percentile_cont", "percentile_disc", "mode", "corr", "covar_pop", "covar_samp", "regr_avgx",
            "regr_avgy", "regr_count", "regr_intercept", "regr_r2", "regr_slope", "regr_sxx", "regr_sxy",
            "regr_syy", "bit_and", "bit_or", "bit_xor", "xmlagg", "range_agg", "range_intersect_agg",
            "json_agg_strict", "jsonb_agg_strict", "any_value");

    private final Catalog catalog;
    private final ServerObjects server;
    private final int serverMajor;
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
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();

    private static final class Frame {
        final List<Pending> pending = new ArrayList<>();
        final List<PendingEquality> equalities = new ArrayList<>();
        final List<Conjunct> conjuncts = new ArrayList<>();
        final List<Pending> keyFilters = new ArrayList<>();
    }

    /** One top-level condition of a WHERE/ON/HAVING: the references it makes, its own and its subqueries'. */
    private record Conjunct(Scope scope, List<Pending> own, int firstColumn, int lastColumn) {
    }

    private record PendingEquality(Pending left, Pending right, String leftVia, String rightVia, Clause clause) {
    }

    /**
     * @param sql        the statement's text, for positions
     * @param baseOffset where that text starts in the whole input, so reported offsets are absolute
     * @param viewShapes cache of view output columns → base columns, shared across builds of one catalog
     */
    public QueryModelBuilder(Catalog catalog, String sql, int baseOffset,
                             Map<Long, Map<String, ColumnSource>> viewShapes) {
        this(catalog, ServerObjects.NONE, sql, baseOffset, viewShapes);
    }

    /** @param server the server's own objects (system relations, sequences, functions), or {@link ServerObjects#NONE} */
    public QueryModelBuilder(Catalog catalog, ServerObjects server, String sql, int baseOffset,
                             Map<Long, Map<String, ColumnSource>> viewShapes) {
        this(catalog, server, sql, baseOffset, viewShapes, new HashSet<>());
    }

    private QueryModelBuilder(Catalog catalog, ServerObjects server, String sql, int baseOffset,
                              Map<Long, Map<String, ColumnSource>> viewShapes, Set<Long> viewsInProgress) {
        this.catalog = catalog;
        this.server = server == null ? ServerObjects.NONE : server;
        this.serverMajor = majorVersion(catalog);
        this.lowerSql = sql.toLowerCase(Locale.ROOT);
        this.baseOffset = baseOffset;
        this.viewShapes = viewShapes;
        this.viewsInProgress = viewsInProgress;
    }

    private static int majorVersion(Catalog catalog) {
        try {
            return catalog.server().versionNumber() / 10000;
        } catch (RuntimeException e) {
            return 17;
        }
    }

    public static Map<Long, Map<String, ColumnSource>> newViewCache() {
        return new ConcurrentHashMap<>();
    }

    public QueryModel build(Statement statement) {
        if (statement instanceof Select select) select(select, null);
        return new QueryModel(List.copyOf(scopes), List.copyOf(tables), List.copyOf(columns), List.copyOf(equalities),
                List.copyOf(unknownTables));
    }

    // ------------------------------------------------------------------ shapes

    /** The output of a SELECT (or VALUES, function, data-modifying CTE): its columns in order. */
    private static final class Shape {
        final List<OutputColumn> columns = new ArrayList<>();
        boolean open;
        boolean singleRow;

        static Shape open() {
            Shape s = new Shape();
            s.open = true;
            return s;
        }
    }

    // ------------------------------------------------------------------ selects

    /** Builds a SELECT of any shape and returns its output. */
    private Shape select(Select select, Scope parent) {
        Scope withScope = parent;
        if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
            withScope = newScope(parent);
            for (WithItem<?> with : select.getWithItemsList()) withItem(with, withScope);
        }
        if (select instanceof PlainSelect plain) return plain(plain, withScope);
        if (select instanceof SetOperationList set) return setOperation(set, withScope);
        if (select instanceof ParenthesedSelect parenthesed && parenthesed.getSelect() != null) {
            Shape inner = select(parenthesed.getSelect(), withScope);
            if (isOne(parenthesed.getLimit())) inner.singleRow = true;
            return inner;
        }
        if (select instanceof Values values) return values(values, withScope);
        return Shape.open();
    }

    private void withItem(WithItem<?> with, Scope scope) {
        String name = fold(with.getAliasName());
        List<String> renamed = new ArrayList<>();
        if (with.getWithItemList() != null) {
            for (SelectItem<?> item : with.getWithItemList()) renamed.add(fold(item.toString()));
        }
        int offset = offsetOf(name, 0);
        // Registered first, open, so that a recursive CTE can refer to itself; its shape is filled in after.
        scope.ctes.put(name, TableRef.derived(TableRef.Kind.CTE, null, name, null, List.of(), renamed, true, false,
                offset));
        Object body = with.getParenthesedStatement();
        Shape shape;
        if (body instanceof ParenthesedSelect ps) {
            shape = select(ps, scope);
        } else if (body instanceof Select s) {
            shape = select(s, scope);
        } else if (body instanceof Insert || body instanceof Update || body instanceof Delete
                || body instanceof net.sf.jsqlparser.statement.insert.ParenthesedInsert
                || body instanceof net.sf.jsqlparser.statement.update.ParenthesedUpdate
                || body instanceof net.sf.jsqlparser.statement.delete.ParenthesedDelete) {
            shape = modifying(body);
        } else {
            shape = Shape.open();
        }
        scope.ctes.put(name, TableRef.derived(TableRef.Kind.CTE, null, name, null, shape.columns,
                renamed.isEmpty() ? null : renamed, shape.open, shape.singleRow, offset));
    }

    /**
     * A data-modifying statement in WITH: its RETURNING list is its output (the statement itself is judged by the
     * read-only rules); an INSERT of one VALUES row returns one row.
     */
    private Shape modifying(Object body) {
        Table target = null;
        List<SelectItem<?>> returning = null;
        boolean singleRow = false;
        if (body instanceof net.sf.jsqlparser.statement.insert.ParenthesedInsert pi) body = pi.getInsert();
        if (body instanceof net.sf.jsqlparser.statement.update.ParenthesedUpdate pu) body = pu.getUpdate();
        if (body instanceof net.sf.jsqlparser.statement.delete.ParenthesedDelete pd) body = pd.getDelete();
        if (body instanceof Insert insert) {
            target = insert.getTable();
            returning = insert.getReturningClause();
            Values values = insert.getValues();
            if (values == null && insert.getSelect() instanceof Values v) values = v;
            singleRow = values != null && rows(values).size() == 1;
        } else if (body instanceof Update update) {
            target = update.getTable();
            returning = update.getReturningClause();
        } else if (body instanceof Delete delete) {
            target = delete.getTable();
            returning = delete.getReturningClause();
        }
        Shape shape = new Shape();
        shape.singleRow = singleRow;
        if (returning == null || target == null) {
            shape.open = returning != null;
            return shape;
        }
        Relation relation = resolveRelation(target.getSchemaName() == null ? null : fold(target.getSchemaName()),
                fold(target.getName())).orElse(null);
        if (relation == null) return Shape.open();
        TableRef item = TableRef.relation(null, relation.name(), relation, null, null, baseOffset);
        for (SelectItem<?> r : returning) {
            Expression e = r.getExpression();
            if (e instanceof AllColumns && !(e instanceof AllTableColumns)) {
                item.columns().forEach((k, v) -> shape.columns.add(new OutputColumn(k, v)));
                continue;
            }
            String name = r.getAlias() != null ? fold(r.getAlias().getName()) : OutputNames.of(e, serverMajor);
            ColumnSource source = e instanceof Column c ? item.columns().get(fold(c.getColumnName())) : null;
            shape.columns.add(new OutputColumn(name, source));
            if (name == null) shape.open = true;
        }
        return shape;
    }

    private Shape setOperation(SetOperationList set, Scope scope) {
        List<Shape> parts = new ArrayList<>();
        for (Select part : set.getSelects()) parts.add(select(part, scope));
        if (parts.isEmpty()) return Shape.open();
        Shape first = parts.get(0);
        Shape out = new Shape();
        out.open = first.open;
        for (int i = 0; i < first.columns.size(); i++) {
            OutputColumn c = first.columns.get(i);
            // A column passes a base column on only when every branch passes the same one.
            ColumnSource source = c.source();
            for (Shape other : parts) {
                OutputColumn o = i < other.columns.size() ? other.columns.get(i) : null;
                if (o == null || o.source() == null || source == null || !o.source().isBase() || !source.isBase()
                        || o.source().column() != source.column()) {
                    source = null;
                    break;
                }
            }
            out.columns.add(new OutputColumn(c.name(), source));
        }
        // ORDER BY of a set operation names its output columns or positions; nothing there is an input column.
        out.singleRow = isOne(set.getLimit());
        return out;
    }

    private Shape values(Values values, Scope parent) {
        frames.push(new Frame());
        try {
            Scope scope = newScope(parent);
            List<Expression> rows = rows(values);
            for (Expression row : rows) expression(row, scope, Clause.OTHER);
            resolvePending();
            Shape shape = new Shape();
            int width = rows.isEmpty() ? 0 : width(rows.get(0));
            for (int i = 1; i <= width; i++) shape.columns.add(new OutputColumn("column" + i, null));
            shape.singleRow = rows.size() == 1;
            scope.outputs.addAll(shape.columns);
            return shape;
        } finally {
            frames.pop();
        }
    }

    /** The rows of a VALUES list: {@code VALUES (1, 2), (3, 4)} has two rows of two. */
    private static List<Expression> rows(Values values) {
        ExpressionList<?> list = values.getExpressions();
        if (list == null) return List.of();
        boolean tuples = !list.isEmpty() && list.stream().allMatch(e -> e instanceof ParenthesedExpressionList<?>
                || e instanceof net.sf.jsqlparser.expression.RowConstructor<?>);
        if (tuples) return new ArrayList<>(list);
        // A single row whose items JSqlParser lists flat.
        return List.of(list instanceof ParenthesedExpressionList<?> p ? p : new ParenthesedExpressionList<>(list));
    }

    private static int width(Expression row) {
        if (row instanceof ExpressionList<?> l) return l.size();
        if (row instanceof net.sf.jsqlparser.expression.RowConstructor<?> r) return r.size();
        return 1;
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
        List<Pending> passed = new ArrayList<>();
        boolean aggregate = false;
        boolean setReturning = false;
        if (plain.getSelectItems() != null) {
            for (SelectItem<?> item : plain.getSelectItems()) {
                Expression e = item.getExpression();
                if (e instanceof AllTableColumns all) {
                    Pending p = wholeRow(all.getTable(), scope, Clause.SELECT);
                    shape.columns.add(null);
                    passed.add(p);
                    continue;
                }
                if (e instanceof AllColumns) {
                    shape.columns.add(null);
                    passed.add(null);
                    continue;
                }
                aggregate |= containsAggregate(e);
                setReturning |= containsSetReturning(e);
                String name = item.getAlias() != null ? fold(item.getAlias().getName()) : OutputNames.of(e, serverMajor);
                Pending p = null;
                if (e instanceof Column c && !notAColumn(c)) {
                    p = column(c, scope, Clause.SELECT);
                } else {
                    expression(e, scope, Clause.SELECT);
                }
                shape.columns.add(new OutputColumn(name, null));
                passed.add(p);
                scope.outputs.add(new OutputColumn(name, null));
            }
        }
        if (plain.getDistinct() != null && plain.getDistinct().getOnSelectItems() != null) {
            for (SelectItem<?> on : plain.getDistinct().getOnSelectItems()) outputFirst(on.getExpression(), scope);
        }
        if (plain.getWhere() != null) condition(plain.getWhere(), scope, Clause.WHERE);
        GroupByElement groupBy = plain.getGroupBy();
        boolean grouped = false;
        if (groupBy != null && groupBy.getGroupByExpressionList() != null) {
            for (Object o : groupBy.getGroupByExpressionList()) {
                grouped = true;
                if (o instanceof Column c && c.getTable() == null && !notAColumn(c)) {
                    Pending p = column(c, scope, Clause.GROUP_BY);
                    p.inputThenOutput = true;
                } else if (o instanceof Expression e && !(e instanceof LongValue)) {
                    expression(e, scope, Clause.GROUP_BY);
                }
            }
        }
        if (groupBy != null && groupBy.getGroupingSets() != null && !groupBy.getGroupingSets().isEmpty()) {
            grouped = true;
            for (Object set : groupBy.getGroupingSets()) {
                if (set instanceof Expression e) expression(e, scope, Clause.GROUP_BY);
            }
        }
        if (plain.getHaving() != null) condition(plain.getHaving(), scope, Clause.HAVING);
        if (plain.getWindowDefinitions() != null) {
            for (var w : plain.getWindowDefinitions()) windowDefinition(w, scope);
        }
        if (plain.getOrderByElements() != null) {
            for (OrderByElement o : plain.getOrderByElements()) outputFirst(o.getExpression(), scope);
        }
        limitExpressions(plain.getLimit(), scope);
        if (plain.getOffset() != null && plain.getOffset().getOffset() != null) {
            expression(plain.getOffset().getOffset(), scope, Clause.OTHER);
        }
        resolvePending();

        // The select list's columns, now that every name is resolved; * and t.* expand to their items' columns.
        List<OutputColumn> resolved = new ArrayList<>();
        for (int i = 0; i < shape.columns.size(); i++) {
            OutputColumn c = shape.columns.get(i);
            Pending p = passed.get(i);
            if (c == null) {
                List<TableRef> items = p == null ? visible(scope) : p.out[0] == null || p.out[0].candidates().isEmpty()
                        ? List.of() : p.out[0].candidates();
                if (p != null && (p.out[0] == null || p.out[0].candidates().isEmpty())) shape.open = true;
                for (TableRef t : items) {
                    t.columns().forEach((k, v) -> {
                        if (p != null || !mergedAwayAnywhere(scope, t, k)) resolved.add(new OutputColumn(k, v));
                    });
                    if (t.open()) shape.open = true;
                }
                continue;
            }
            ColumnSource source = p != null && p.out[0] != null && p.out[0].resolution() == ColumnRef.Resolution.COLUMN
                    ? p.out[0].source() : null;
            resolved.add(new OutputColumn(c.name(), source));
            if (c.name() == null) shape.open = true;
        }
        shape.columns.clear();
        shape.columns.addAll(resolved);
        scope.outputs.clear();
        scope.outputs.addAll(resolved);
        shape.singleRow = isOne(plain.getLimit()) || plain.getFetch() != null && plain.getFetch().getRowCount() == 1
                || (aggregate && !grouped && !setReturning)
                || (plain.getFromItem() == null && !setReturning);
        return shape;
    }

    /** ORDER BY / DISTINCT ON: a bare name of an output column means that column; positions mean nothing here. */
    private void outputFirst(Expression e, Scope scope) {
        if (e instanceof LongValue) return;
        if (e instanceof Column c && c.getTable() == null && !notAColumn(c)) {
            Pending p = column(c, scope, Clause.ORDER_BY);
            p.outputFirst = true;
            return;
        }
        expression(e, scope, Clause.ORDER_BY);
    }

    private void windowDefinition(net.sf.jsqlparser.expression.WindowDefinition w, Scope scope) {
        if (w.getPartitionExpressionList() != null) {
            for (Object e : w.getPartitionExpressionList()) {
                if (e instanceof Expression x) expression(x, scope, Clause.OTHER);
            }
        }
        if (w.getOrderByElements() != null) {
            for (OrderByElement o : w.getOrderByElements()) expression(o.getExpression(), scope, Clause.OTHER);
        }
    }

    private void limitExpressions(Limit limit, Scope scope) {
        if (limit == null) return;
        if (limit.getRowCount() != null) expression(limit.getRowCount(), scope, Clause.OTHER);
        if (limit.getOffset() != null) expression(limit.getOffset(), scope, Clause.OTHER);
    }

    private static boolean isOne(Limit limit) {
        return limit != null && limit.getRowCount() instanceof LongValue l && l.getValue() == 1;
    }

    /** Items an unqualified {@code *} expands to. */
    private static List<TableRef> visible(Scope scope) {
        return scope.tables;
    }

    private static boolean mergedAwayAnywhere(Scope scope, TableRef t, String column) {
        return scope.mergedAway(t, column);
    }

    private boolean containsAggregate(Expression e) {
        boolean[] found = new boolean[1];
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Function f, S context) {
                String n = f.getName() == null ? "" : fold(lastPart(f.getName()));
                if (AGGREGATES.contains(n)) found[0] = true;
                return super.visit(f, context);
            }

            @Override
            public <S> Void visit(AnalyticExpression a, S context) {
                // A window function does not collapse rows.
                return null;
            }

            @Override
            public <S> Void visit(ParenthesedSelect s, S context) {
                return null;
            }
        }, null);
        return found[0];
    }

    private boolean containsSetReturning(Expression e) {
        boolean[] found = new boolean[1];
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Function f, S context) {
                String n = f.getName() == null ? "" : fold(lastPart(f.getName()));
                List<ServerObjects.Function> fs = server.functions(null, n, catalog.searchPath());
                if (fs.stream().anyMatch(ServerObjects.Function::returnsSet)
                        || (!server.loaded() && Set.of("unnest", "generate_series", "jsonb_array_elements",
                        "json_array_elements", "regexp_matches", "string_to_table").contains(n))) {
                    found[0] = true;
                }
                return super.visit(f, context);
            }

            @Override
            public <S> Void visit(ParenthesedSelect s, S context) {
                return null;
            }
        }, null);
        return found[0];
    }

    // ------------------------------------------------------------------ FROM

    private void joins(List<Join> joins, Scope scope) {
        for (Join join : joins) {
            List<TableRef> before = new ArrayList<>(scope.tables);
            TableRef right = fromItem(join.getRightItem(), scope, join);
            if (right == null) continue;
            if (join.isCross()) scope.deliberate.add(right);
            if (join.getOnExpressions() != null) {
                for (Expression on : join.getOnExpressions()) condition(on, scope, Clause.ON);
            }
            List<String> merged = new ArrayList<>();
            if (join.getUsingColumns() != null) {
                for (Column using : join.getUsingColumns()) merged.add(fold(using.getColumnName()));
            }
            if (join.isNatural()) {
                for (String name : right.columns().keySet()) {
                    if (provider(scope, before, name) != null) merged.add(name);
                }
                if (merged.isEmpty()) scope.deliberate.add(right);
            }
            for (String name : merged) {
                TableRef left = provider(scope, before, name);
                if (left == null) continue;
                int offset = offsetOf(name, right.offset());
                ColumnRef l = resolved(left, name, offset, scope);
                ColumnRef r = resolved(right, name, offset, scope);
                equalities.add(new Equality(l, r, Clause.ON));
                scope.connections.add(new TableRef[]{left, right});
                // The merged column answers to the unqualified name once: the left one, or the right one of a
                // RIGHT JOIN.
                TableRef hidden = join.isRight() ? left : right;
                scope.merged.computeIfAbsent(hidden, k -> new HashSet<>()).add(name);
            }
        }
    }

    /** The item before a join that provides a column for USING/NATURAL (the one not merged away already). */
    private static TableRef provider(Scope scope, List<TableRef> before, String name) {
        TableRef found = null;
        for (TableRef t : before) {
            if (t.columns().containsKey(name) && !scope.mergedAway(t, name)) found = t;
        }
        return found;
    }

    private ColumnRef resolved(TableRef table, String name, int offset, Scope scope) {
        ColumnRef ref = new ColumnRef(table.exposedName(), name, Clause.ON, offset, scope, List.of(table),
                table.column(name).orElse(null), ColumnRef.Resolution.COLUMN);
        columns.add(ref);
        return ref;
    }

    /** Registers a FROM item and returns it (null for items that add no table). */
    private TableRef fromItem(FromItem item, Scope scope, Join join) {
        String alias = alias(item.getAlias());
        List<String> renamed = aliasColumns(item.getAlias());
        if (item instanceof Table table) {
            return add(scope, table(table, alias, renamed, scope));
        }
        if (item instanceof LateralSubSelect lateral) {
            // LATERAL sees the items before it: build it in this scope's child and connect it to them.
            Shape shape = select(lateral.getSelect() != null ? lateral.getSelect() : lateral, scope);
            TableRef ref = add(scope, TableRef.derived(TableRef.Kind.SUBQUERY, alias, alias == null ? "lateral" : alias,
                    null, shape.columns, renamed, shape.open, shape.singleRow, offsetOf("lateral", 0)));
            for (TableRef t : scope.tables) if (t != ref) scope.connections.add(new TableRef[]{t, ref});
            return ref;
        }
        if (item instanceof ParenthesedSelect sub) {
            Shape shape = select(sub, scope.parent);
            return add(scope, TableRef.derived(TableRef.Kind.SUBQUERY, alias, alias == null ? "subquery" : alias, null,
                    shape.columns, renamed, shape.open, shape.singleRow, alias == null ? baseOffset : offsetOf(alias, 0)));
        }
        if (item instanceof TableFunction function) {
            return add(scope, function(function, alias, renamed, scope));
        }
        if (item instanceof ParenthesedFromItem parenthesed) {
            FromItem inner = parenthesed.getFromItem();
            boolean bare = parenthesed.getJoins() == null || parenthesed.getJoins().isEmpty();
            if (bare && alias != null && inner instanceof Values values) {
                return add(scope, valuesItem(values, alias, renamed, scope));
            }
            if (bare && alias != null && inner instanceof ParenthesedSelect sub) {
                Shape shape = select(sub, scope.parent);
                return add(scope, TableRef.derived(TableRef.Kind.SUBQUERY, alias, alias, null, shape.columns,
                        renamed, shape.open, shape.singleRow, offsetOf(alias, 0)));
            }
            TableRef first = fromItem(inner, scope, null);
            if (!bare) joins(parenthesed.getJoins(), scope);
            return first;
        }
        if (item instanceof Values values) {
            return add(scope, valuesItem(values, alias, renamed, scope));
        }
        // Anything else JSqlParser knows: an item with unknown columns, so nothing downstream guesses.
        return add(scope, TableRef.derived(TableRef.Kind.SUBQUERY, alias, alias == null ? "item" : alias, null,
                List.of(), renamed, true, false, baseOffset));
    }

    private TableRef valuesItem(Values values, String alias, List<String> renamed, Scope scope) {
        Shape shape = values(values, scope.parent);
        return TableRef.derived(TableRef.Kind.VALUES, alias, alias == null ? "values" : alias, null, shape.columns,
                renamed, false, shape.singleRow, alias == null ? baseOffset : offsetOf(alias, 0));
    }

    private TableRef table(Table table, String alias, List<String> renamed, Scope scope) {
        String schema = table.getSchemaName() == null ? null : fold(table.getSchemaName());
        String name = fold(table.getName());
        int offset = offsetOf(table.getFullyQualifiedName(), 0);
        if (schema == null) {
            TableRef cte = scope.cte(name);
            if (cte != null) {
                List<OutputColumn> outs = new ArrayList<>();
                cte.columns().forEach((k, v) -> outs.add(new OutputColumn(k, v)));
                return TableRef.derived(TableRef.Kind.CTE, alias, name, null, outs, renamed, cte.open(),
                        cte.singleRow(), offsetOf(name, 0));
            }
        }
        List<String> path = catalog.searchPath();
        Optional<ServerObjects.SystemRelation> system = server.systemRelation(schema, name, path);
        // pg_catalog comes first on every search_path that does not name it: its relations shadow the user's.
        boolean systemFirst = system.isPresent() && schema == null && !path.contains("pg_catalog")
                && system.get().schema().equals("pg_catalog");
        Relation relation = systemFirst ? null : resolveRelation(schema, name).orElse(null);
        if (relation != null) {
            Map<String, ColumnSource> traced = null;
            if (relation.kind() == RelationKind.VIEW || relation.kind() == RelationKind.MATERIALIZED_VIEW) {
                traced = viewShape(relation);
            }
            return TableRef.relation(alias, name, relation, traced, renamed, offset);
        }
        if (system.isPresent()) {
            List<OutputColumn> outs = system.get().columns().stream().map(c -> new OutputColumn(c, null)).toList();
            return TableRef.derived(TableRef.Kind.SYSTEM, alias, name, system.get().qualifiedName(), outs, renamed,
                    false, false, offset);
        }
        Optional<String> sequence = server.sequence(schema, name, path);
        if (sequence.isPresent()) {
            List<OutputColumn> outs = List.of(new OutputColumn("last_value", null), new OutputColumn("log_cnt", null),
                    new OutputColumn("is_called", null));
            return TableRef.derived(TableRef.Kind.SEQUENCE, alias, name, sequence.get(), outs, renamed, false, true,
                    offset);
        }
        if (!server.loaded() && ServerObjects.looksSystem(schema, name)) {
            // The server's own relations are not known right now: leave it open rather than call it missing.
            return TableRef.derived(TableRef.Kind.SYSTEM, alias, name, (schema == null ? "pg_catalog" : schema) + "."
                    + name, List.of(), renamed, true, false, offset);
        }
        unknownTables.add(new UnknownTable(schema == null ? name : schema + "." + name, offset));
        return TableRef.derived(TableRef.Kind.UNKNOWN, alias, name, null, List.of(), renamed, true, false, offset);
    }

    private Optional<Relation> resolveRelation(String schema, String name) {
        String reference = schema == null ? QualifiedName.quote(name) : QualifiedName.quote(schema, name);
        return catalog.resolve(reference);
    }

    /**
     * A function call in FROM: its columns are the alias column list (with types: a column definition list), else
     * its OUT parameters, its row type's columns, or — for a function returning a single value — one column named
     * after the alias or the function. WITH ORDINALITY adds a column; a function that returns no set is one row.
     */
    private TableRef function(TableFunction item, String alias, List<String> renamed, Scope scope) {
        List<Function> calls = item.isRowsFrom() && item.getFunctions() != null ? item.getFunctions()
                : List.of(item.getFunction());
        List<OutputColumn> outputs = new ArrayList<>();
        boolean open = false;
        boolean setReturning = false;
        String firstName = null;
        for (Function call : calls) {
            expression(call, scope, Clause.OTHER);
            String written = call.getName() == null ? "" : call.getName();
            String schema = written.contains(".") && !written.endsWith("\"")
                    ? fold(written.substring(0, written.lastIndexOf('.'))) : null;
            String name = fold(lastPart(written));
            if (firstName == null) firstName = name;
            List<ServerObjects.Function> overloads = server.functions(schema, name, catalog.searchPath());
            setReturning |= overloads.isEmpty() || overloads.stream().anyMatch(ServerObjects.Function::returnsSet);
            List<String> natural = naturalColumns(overloads, calls.size() == 1 && renamed == null ? alias : null, name);
            if (natural == null) {
                open = true;
            } else {
                for (String n : natural) outputs.add(new OutputColumn(n, null));
            }
        }
        boolean definitionList = item.getAlias() != null && item.getAlias().getAliasColumns() != null
                && item.getAlias().getAliasColumns().stream().anyMatch(c -> c.colDataType != null);
        if (definitionList) {
            outputs.clear();
            for (String n : renamed) outputs.add(new OutputColumn(n, null));
            open = false;
        }
        if (item.getWithClause() != null && item.getWithClause().toLowerCase(Locale.ROOT).contains("ordinality")) {
            if (open && renamed != null) {
                // Unknown natural columns, but the alias list names them all, ordinality last.
                outputs.clear();
                for (String n : renamed) outputs.add(new OutputColumn(n, null));
                open = false;
            } else {
                outputs.add(new OutputColumn("ordinality", null));
            }
        }
        if (open && renamed != null && !renamed.isEmpty() && calls.size() == 1) {
            // Unknown natural columns renamed by position: at least these names exist.
            outputs.clear();
            for (String n : renamed) outputs.add(new OutputColumn(n, null));
        }
        String name = alias != null ? alias : firstName;
        TableRef ref = TableRef.derived(TableRef.Kind.FUNCTION, alias, name, null, outputs, definitionList ? null
                : renamed, open, !setReturning, offsetOf(name, 0));
        // A function in FROM may take columns of earlier items (implicitly LATERAL): it is joined to them.
        for (TableRef t : scope.tables) scope.connections.add(new TableRef[]{t, ref});
        return ref;
    }

    /** A function's own column names when all its overloads agree, or null when unknown. */
    private List<String> naturalColumns(List<ServerObjects.Function> overloads, String alias, String name) {
        if (overloads.isEmpty()) return null;
        List<String> agreed = null;
        for (ServerObjects.Function f : overloads) {
            List<String> cols;
            if (f.outColumns() != null) {
                cols = f.outColumns();
            } else if (f.rowType() != null) {
                Relation r = catalog.resolve(f.rowType()).orElse(null);
                if (r != null) {
                    cols = r.columns().stream().map(dev.strata.catalog.Column::name).toList();
                } else {
                    int dot = f.rowType().indexOf('.');
                    cols = server.systemRelation(f.rowType().substring(0, dot), f.rowType().substring(dot + 1),
                            List.of()).map(ServerObjects.SystemRelation::columns).orElse(null);
                }
            } else if (f.record()) {
                cols = null;
            } else {
                cols = List.of(alias != null ? alias : name);
            }
            if (cols == null) return null;
            if (agreed == null) agreed = cols;
            else if (!agreed.equals(cols)) return null;
        }
        return agreed;
    }

    /** A view's output columns traced to base columns, from its definition; null when it cannot be traced. */
    private Map<String, ColumnSource> viewShape(Relation view) {
        Map<String, ColumnSource> cached = viewShapes.get(view.oid());
        if (cached != null) return cached;
        // Tracing reads the view's own definition; a cycle (or a failure) leaves the view's columns untraced.
        if (view.viewDefinition() == null || !viewsInProgress.add(view.oid())) return null;
        try {
            Statement st = CCJSqlParserUtil.newParser(view.viewDefinition()).Statement();
            QueryModelBuilder inner = new QueryModelBuilder(catalog, server, view.viewDefinition(), 0, viewShapes,
                    viewsInProgress);
            Map<String, ColumnSource> out = new LinkedHashMap<>();
            if (st instanceof Select s) {
                Shape shape = inner.select(s, null);
                List<dev.strata.catalog.Column> own = view.columns();
                for (int i = 0; i < shape.columns.size() && i < own.size(); i++) {
                    ColumnSource v = shape.columns.get(i).source();
                    if (v != null && v.isBase()) out.put(own.get(i).name(), v);
                }
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

    private void expression(Expression e, Scope scope, Clause clause) {
        if (e == null) return;
        e.accept(new Collector(scope, clause), null);
    }

    /** A condition: each top-level conjunct that mentions two FROM items connects them. */
    private void condition(Expression e, Scope scope, Clause clause) {
        Frame frame = frames.peek();
        for (Expression conjunct : conjuncts(e)) {
            int before = frame.pending.size();
            int firstColumn = columns.size();
            keyFilter(conjunct, scope, clause);
            expression(conjunct, scope, clause);
            List<Pending> own = new ArrayList<>(frame.pending.subList(before, frame.pending.size()));
            frame.conjuncts.add(new Conjunct(scope, own, firstColumn, columns.size()));
        }
    }

    /** {@code t.key = constant} as a whole conjunct: with the key unique, t yields one row here. */
    private void keyFilter(Expression conjunct, Scope scope, Clause clause) {
        if (!(conjunct instanceof EqualsTo eq) || (clause != Clause.WHERE && clause != Clause.ON)) return;
        Expression column = null;
        if (unwrap(eq.getLeftExpression()) != null && constant(eq.getRightExpression())) column = eq.getLeftExpression();
        if (unwrap(eq.getRightExpression()) != null && constant(eq.getLeftExpression())) column = eq.getRightExpression();
        if (column == null) return;
        Column c = unwrap(column).column;
        frames.peek().keyFilters.add(new Pending(qualifierOf(c), fold(c.getColumnName()), clause, offsetOf(c.toString(),
                0), scope, new ColumnRef[1]));
    }

    private static boolean constant(Expression e) {
        if (e instanceof CastExpression c) return constant(c.getLeftExpression());
        return e instanceof StringValue || e instanceof LongValue || e instanceof DoubleValue || e instanceof HexValue
                || e instanceof JdbcParameter || e instanceof JdbcNamedParameter || e instanceof DateTimeLiteralExpression
                || e instanceof SignedExpression s && constant(s.getExpression());
    }

    private static List<Expression> conjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        if (e instanceof AndExpression and) {
            out.addAll(conjuncts(and.getLeftExpression()));
            out.addAll(conjuncts(and.getRightExpression()));
        } else if (e instanceof Parenthesis p) {
            out.addAll(conjuncts(p.getExpression()));
        } else if (e instanceof ParenthesedExpressionList<?> l && l.size() == 1) {
            out.addAll(conjuncts(l.get(0)));
        } else if (e != null) {
            out.add(e);
        }
        return out;
    }

    /** A column compared through casts and simple functions: the column, and how it was wrapped. */
    private record Unwrapped(Column column, String via) {
    }

    /**
     * The column inside {@code col}, {@code col::type}, {@code CAST(col AS type)}, {@code lower(col)},
     * {@code coalesce(col, 'x')}, {@code col COLLATE "C"}: a function qualifies when exactly one argument holds a
     * column and the others are constants. Null for anything else.
     */
    private Unwrapped unwrap(Expression e) {
        if (e instanceof Column c) return notAColumn(c) ? null : new Unwrapped(c, null);
        if (e instanceof Parenthesis p) return unwrap(p.getExpression());
        if (e instanceof ParenthesedExpressionList<?> l && l.size() == 1) return unwrap(l.get(0));
        if (e instanceof CastExpression cast) {
            Unwrapped inner = unwrap(cast.getLeftExpression());
            if (inner == null) return null;
            String type = cast.getColDataType() == null ? "?" : cast.getColDataType().toString().toLowerCase(Locale.ROOT);
            return new Unwrapped(inner.column, "::" + type + (inner.via == null ? "" : " " + inner.via));
        }
        if (e instanceof CollateExpression c) return unwrap(c.getLeftExpression());
        if (e instanceof TrimFunction t) {
            Unwrapped inner = t.getExpression() == null ? null : unwrap(t.getExpression());
            return inner == null ? null : new Unwrapped(inner.column, "trim()");
        }
        if (e instanceof Function f && !(e instanceof AnalyticExpression) && f.getParameters() != null
                && f.getName() != null) {
            String name = fold(lastPart(f.getName()));
            if (AGGREGATES.contains(name)) return null;
            Unwrapped found = null;
            for (Object arg : f.getParameters()) {
                if (!(arg instanceof Expression x)) return null;
                Unwrapped inner = unwrap(x);
                if (inner != null) {
                    if (found != null) return null;
                    found = inner;
                } else if (!constant(x) && !(x instanceof NullValue) && !(x instanceof IntervalExpression)
                        && !(x instanceof TimeKeyExpression)) {
                    return null;
                }
            }
            return found == null ? null : new Unwrapped(found.column, name + "()");
        }
        return null;
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
            if (!notAColumn(column)) column(column, scope, clause);
            return null;
        }

        @Override
        public <S> Void visit(AllTableColumns all, S context) {
            wholeRow(all.getTable(), scope, clause);
            return null;
        }

        @Override
        public <S> Void visit(EqualsTo equalsTo, S context) {
            Unwrapped l = unwrap(equalsTo.getLeftExpression());
            Unwrapped r = unwrap(equalsTo.getRightExpression());
            if (l != null && r != null) {
                Pending left = column(l.column, scope, clause);
                Pending right = column(r.column, scope, clause);
                frames.peek().equalities.add(new PendingEquality(left, right, l.via, r.via, clause));
                // Constant arguments of the wrapping functions hold no names; nothing else to visit.
                return null;
            }
            return super.visit(equalsTo, context);
        }

        @Override
        public <S> Void visit(AnalyticExpression a, S context) {
            if (a.getExpression() != null) a.getExpression().accept(this, context);
            if (a.getOffset() != null) a.getOffset().accept(this, context);
            if (a.getDefaultValue() != null) a.getDefaultValue().accept(this, context);
            if (a.getFilterExpression() != null) a.getFilterExpression().accept(this, context);
            if (a.getPartitionExpressionList() != null) {
                for (Expression e : a.getPartitionExpressionList()) e.accept(this, context);
            }
            if (a.getOrderByElements() != null) {
                for (OrderByElement o : a.getOrderByElements()) o.getExpression().accept(this, context);
            }
            if (a.getFuncOrderBy() != null) {
                for (OrderByElement o : a.getFuncOrderBy()) o.getExpression().accept(this, context);
            }
            return null;
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

        @Override
        public <S> Void visit(AllValue allValue, S context) {
            return null;
        }
    }

    /** A column waiting for the FROM items of its scope to be known. */
    private static final class Pending {
        final String qualifier;
        final String name;
        final Clause clause;
        final int offset;
        final Scope scope;
        final ColumnRef[] out;
        /** ORDER BY / DISTINCT ON: an output column of the same name wins. */
        boolean outputFirst;
        /** GROUP BY: an input column of the same level wins, then an output column. */
        boolean inputThenOutput;

        Pending(String qualifier, String name, Clause clause, int offset, Scope scope, ColumnRef[] out) {
            this.qualifier = qualifier;
            this.name = name;
            this.clause = clause;
            this.offset = offset;
            this.scope = scope;
            this.out = out;
        }
    }

    private static boolean notAColumn(Column c) {
        return c.getTable() == null || c.getTable().getName() == null
                ? NOT_COLUMNS.contains(fold(c.getColumnName())) : false;
    }

    private static String qualifierOf(Column c) {
        Table t = c.getTable();
        if (t == null || t.getName() == null) return null;
        String name = fold(t.getName());
        return t.getSchemaName() == null ? name : fold(t.getSchemaName()) + "." + name;
    }

    private Pending column(Column column, Scope scope, Clause clause) {
        String name = fold(column.getColumnName());
        String qualifier = qualifierOf(column);
        String written = qualifier == null ? name : qualifier + "." + name;
        Pending p = new Pending(qualifier, name, clause, offsetOf(written, 0), scope, new ColumnRef[1]);
        frames.peek().pending.add(p);
        return p;
    }

    /** {@code t.*}: every column of t, as a value or in the select list. */
    private Pending wholeRow(Table table, Scope scope, Clause clause) {
        String qualifier = table == null || table.getName() == null ? null
                : (table.getSchemaName() == null ? "" : fold(table.getSchemaName()) + ".") + fold(table.getName());
        Pending p = new Pending(qualifier, "*", clause, offsetOf(qualifier, 0), scope, new ColumnRef[1]);
        frames.peek().pending.add(p);
        return p;
    }

    private void resolvePending() {
        Frame frame = frames.peek();
        for (Pending p : frame.pending) {
            if (p.out[0] == null) p.out[0] = resolve(p);
        }
        for (Conjunct c : frame.conjuncts) {
            Set<TableRef> items = new LinkedHashSet<>();
            for (Pending p : c.own) addItem(items, c.scope, p.out[0]);
            // Correlated references of subqueries in the condition connect the outer items too.
            for (int i = c.firstColumn; i < c.lastColumn && i < columns.size(); i++) addItem(items, c.scope, columns.get(i));
            List<TableRef> list = new ArrayList<>(items);
            for (int i = 1; i < list.size(); i++) c.scope.connections.add(new TableRef[]{list.get(0), list.get(i)});
        }
        for (PendingEquality e : frame.equalities) {
            ColumnRef l = e.left.out[0];
            ColumnRef r = e.right.out[0];
            if (l != null && r != null) equalities.add(new Equality(l, r, e.clause, e.leftVia, e.rightVia));
        }
        for (Pending p : frame.keyFilters) {
            ColumnRef ref = resolve(p);
            if (ref.resolution() != ColumnRef.Resolution.COLUMN || ref.source() == null || !ref.source().isBase()) continue;
            TableRef item = ref.candidates().get(0);
            Relation r = item.relation();
            if (r == null || !p.scope.tables.contains(item)) continue;
            String col = ref.source().column().name();
            if (r.singlePrimaryKeyColumn().map(col::equals).orElse(false) || r.isUniqueColumn(col)) item.markSingleRow();
        }
    }

    private static void addItem(Set<TableRef> items, Scope scope, ColumnRef ref) {
        if (ref == null || ref.candidates().size() != 1) return;
        TableRef t = ref.candidates().get(0);
        if (scope.tables.contains(t)) items.add(t);
    }

    private ColumnRef resolve(Pending p) {
        if (p.name.equals("*")) {
            TableRef t = p.qualifier == null ? null : findQualified(p.scope, p.qualifier);
            return record(p, t == null ? List.of() : List.of(t), null, t == null
                    ? ColumnRef.Resolution.UNKNOWN_QUALIFIER : ColumnRef.Resolution.WHOLE_ROW);
        }
        if (p.qualifier != null) {
            TableRef t = findQualified(p.scope, p.qualifier);
            if (t != null) {
                if (t.knowsColumn(p.name)) {
                    return record(p, List.of(t), t.column(p.name).orElse(null), ColumnRef.Resolution.COLUMN);
                }
                return record(p, List.of(t), null, t.open() ? ColumnRef.Resolution.UNCERTAIN
                        : ColumnRef.Resolution.UNKNOWN);
            }
            // c.f where c is a column (a composite value), or t.c.f: a field, not a table.
            int dot = p.qualifier.indexOf('.');
            if (dot < 0 ? columnVisible(p.scope, p.qualifier)
                    : tableWithColumn(p.scope, p.qualifier.substring(0, dot), p.qualifier.substring(dot + 1))) {
                return record(p, List.of(), null, ColumnRef.Resolution.FIELD);
            }
            return record(p, List.of(), null, ColumnRef.Resolution.UNKNOWN_QUALIFIER);
        }
        if (p.outputFirst && outputNamed(p.scope, p.name)) return record(p, List.of(), null, ColumnRef.Resolution.OUTPUT);
        for (Scope s = p.scope; s != null; s = s.parent) {
            List<TableRef> candidates = new ArrayList<>();
            boolean open = false;
            List<TableRef> system = new ArrayList<>();
            for (TableRef t : s.tables) {
                if (s.mergedAway(t, p.name)) continue;
                if (t.columns().containsKey(p.name)) candidates.add(t);
                else if (t.open()) open = true;
                else if (t.knowsColumn(p.name)) system.add(t);
            }
            if (candidates.size() == 1) {
                return record(p, candidates, candidates.get(0).column(p.name).orElse(null),
                        open ? ColumnRef.Resolution.UNCERTAIN : ColumnRef.Resolution.COLUMN);
            }
            if (candidates.size() > 1) return record(p, candidates, null, ColumnRef.Resolution.AMBIGUOUS);
            if (open) return record(p, List.of(), null, ColumnRef.Resolution.UNCERTAIN);
            if (!system.isEmpty()) {
                return record(p, system, system.size() == 1 ? system.get(0).column(p.name).orElse(null) : null,
                        system.size() == 1 ? ColumnRef.Resolution.COLUMN : ColumnRef.Resolution.UNCERTAIN);
            }
            if (p.inputThenOutput && s == p.scope && outputNamed(s, p.name)) {
                return record(p, List.of(), null, ColumnRef.Resolution.OUTPUT);
            }
        }
        // Not a column anywhere: a table name used as a value is its whole row.
        for (Scope s = p.scope; s != null; s = s.parent) {
            for (TableRef t : s.tables) {
                if (p.name.equals(t.exposedName())) return record(p, List.of(t), null, ColumnRef.Resolution.WHOLE_ROW);
            }
        }
        return record(p, List.of(), null, ColumnRef.Resolution.UNKNOWN);
    }

    private ColumnRef record(Pending p, List<TableRef> candidates, ColumnSource source, ColumnRef.Resolution how) {
        ColumnRef ref = new ColumnRef(p.qualifier, p.name, p.clause, p.offset, p.scope, candidates, source, how);
        columns.add(ref);
        return ref;
    }

    private static boolean outputNamed(Scope scope, String name) {
        for (OutputColumn o : scope.outputs) if (name.equals(o.name())) return true;
        return false;
    }

    private static TableRef findQualified(Scope from, String qualifier) {
        for (Scope s = from; s != null; s = s.parent) {
            for (TableRef t : s.tables) {
                if (qualifier.equals(t.exposedName())) return t;
                if (t.alias() == null && t.qualifiedName() != null && qualifier.equals(t.qualifiedName())) return t;
            }
        }
        return null;
    }

    private static boolean columnVisible(Scope from, String column) {
        for (Scope s = from; s != null; s = s.parent) {
            for (TableRef t : s.tables) if (t.knowsColumn(column) || t.open()) return true;
        }
        return false;
    }

    private static boolean tableWithColumn(Scope from, String table, String column) {
        TableRef t = findQualified(from, table);
        return t != null && (t.knowsColumn(column) || t.open());
    }

    // ------------------------------------------------------------------ names and positions

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
        return alias == null || alias.getName() == null ? null : fold(alias.getName());
    }

    private static List<String> aliasColumns(Alias alias) {
        if (alias == null || alias.getAliasColumns() == null || alias.getAliasColumns().isEmpty()) return null;
        List<String> out = new ArrayList<>();
        for (Alias.AliasColumn c : alias.getAliasColumns()) out.add(fold(c.name));
        return out;
    }

    private static String lastPart(String written) {
        int dot = written.lastIndexOf('.');
        return dot >= 0 && !written.endsWith("\"") ? written.substring(dot + 1) : written;
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

    static boolean sameObject(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
