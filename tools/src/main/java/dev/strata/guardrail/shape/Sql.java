package dev.strata.guardrail.shape;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Small, shared readings of JSqlParser expressions: parentheses, AND/OR chains, the columns an expression reads,
 * aggregates. None of them descends into subqueries: each SELECT has its own {@link SelectShape}.
 */
public final class Sql {

    /** Words JSqlParser may read as columns that PostgreSQL treats as keywords or literals. */
    private static final Set<String> NOT_COLUMNS = Set.of("true", "false", "null", "current_date",
            "current_timestamp", "current_time", "localtime", "localtimestamp", "current_user", "session_user",
            "current_role", "user", "current_catalog", "current_schema", "default");

    /** Aggregates whose value changes when the same input row is seen twice. */
    public static final Set<String> COUNTING = Set.of("sum", "avg", "count");

    private static final Set<String> AGGREGATES = Set.of("sum", "avg", "count", "min", "max", "bool_and",
            "bool_or", "every", "array_agg", "string_agg", "json_agg", "jsonb_agg", "json_object_agg",
            "jsonb_object_agg", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp",
            "percentile_cont", "percentile_disc", "mode", "bit_and", "bit_or", "corr", "covar_pop", "covar_samp",
            "regr_slope", "regr_intercept", "regr_count", "any_value");

    private Sql() {
    }

    /** Unquoted identifiers fold to lower case; quoted ones keep their case, without the quotes. */
    public static String fold(String identifier) {
        if (identifier == null) return null;
        String s = identifier.trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** The expression without the parentheses around it. */
    public static Expression unwrap(Expression e) {
        while (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) e = p.get(0);
        return e;
    }

    /** Whether the expression is written inside its own parentheses. */
    public static boolean parenthesised(Expression e) {
        return e instanceof ParenthesedExpressionList<?> p && p.size() == 1;
    }

    /** The terms of an AND chain (through parentheses): every one must hold. */
    public static List<Expression> conjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        if (e != null) flatten(e, true, out);
        return out;
    }

    /** The branches of an OR chain (through parentheses). */
    public static List<Expression> disjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        if (e != null) flatten(e, false, out);
        return out;
    }

    private static void flatten(Expression e, boolean and, List<Expression> out) {
        Expression u = unwrap(e);
        if (and && u instanceof AndExpression a) {
            flatten(a.getLeftExpression(), true, out);
            flatten(a.getRightExpression(), true, out);
        } else if (!and && u instanceof OrExpression o) {
            flatten(o.getLeftExpression(), false, out);
            flatten(o.getRightExpression(), false, out);
        } else {
            out.add(u);
        }
    }

    /** The columns an expression reads, outside subqueries. */
    public static List<Column> columns(Expression e) {
        List<Column> out = new ArrayList<>();
        walk(e, x -> {
            if (x instanceof Column c && isColumn(c)) out.add(c);
        });
        return out;
    }

    public static boolean isColumn(Column c) {
        return c.getTable() != null && c.getTable().getName() != null || !NOT_COLUMNS.contains(fold(c.getColumnName()));
    }

    /** Visits every node of the expression (pre-order), without entering subqueries. */
    public static void walk(Expression e, Consumer<Expression> visit) {
        if (e == null) return;
        e.accept(new Shallow(visit), null);
    }

    /** An aggregate call (not a window function): its lower-case name, else null. */
    public static String aggregate(Expression e) {
        e = unwrap(e);
        if (e instanceof Function f && f.getName() != null) {
            String name = f.getName().toLowerCase(Locale.ROOT);
            return AGGREGATES.contains(name) ? name : null;
        }
        if (e instanceof AnalyticExpression a && a.getName() != null && a.getType() == AnalyticType.FILTER_ONLY) {
            String name = a.getName().toLowerCase(Locale.ROOT);
            return AGGREGATES.contains(name) ? name : null;
        }
        return null;
    }

    /** Whether the aggregate call counts distinct values. */
    public static boolean distinctAggregate(Expression e) {
        e = unwrap(e);
        if (e instanceof Function f) return f.isDistinct() || f.isUnique();
        if (e instanceof AnalyticExpression a) return a.isDistinct() || a.isUnique();
        return false;
    }

    /** The arguments of an aggregate call; empty for {@code count(*)}. */
    public static List<Expression> arguments(Expression e) {
        e = unwrap(e);
        List<Expression> out = new ArrayList<>();
        if (e instanceof Function f && f.getParameters() != null) {
            for (Expression p : f.getParameters()) if (!isStar(p)) out.add(p);
        } else if (e instanceof AnalyticExpression a && a.getExpression() != null && !isStar(a.getExpression())) {
            out.add(a.getExpression());
        }
        return out;
    }

    /** {@code count(*)} (or {@code count(*) FILTER (…)}). */
    public static boolean isCountStar(Expression e) {
        e = unwrap(e);
        if (!"count".equals(aggregate(e))) return false;
        if (e instanceof Function f) {
            return f.isAllColumns() || f.getParameters() == null || f.getParameters().size() == 1
                    && isStar(f.getParameters().get(0));
        }
        return e instanceof AnalyticExpression a && (a.isAllColumns() || isStar(a.getExpression()));
    }

    /** The FILTER (WHERE …) of an aggregate, or null. */
    public static Expression filter(Expression e) {
        e = unwrap(e);
        return e instanceof AnalyticExpression a ? a.getFilterExpression() : null;
    }

    private static boolean isStar(Expression e) {
        return e != null && (e instanceof net.sf.jsqlparser.statement.select.AllColumns || e.toString().equals("*"));
    }

    /** Whether the expression contains an aggregate call outside subqueries. */
    public static boolean hasAggregate(Expression e) {
        boolean[] found = {false};
        walk(e, x -> {
            if (aggregate(x) != null) found[0] = true;
        });
        return found[0];
    }

    /** Same text, ignoring case and spacing: the way GROUP BY items are matched to output expressions. */
    public static String key(Expression e) {
        return e == null ? "" : unwrap(e).toString().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /**
     * A visitor that calls back once on every node, pre-order, and does not enter subqueries. The adapter reaches
     * most children through {@code visitExpressions}/{@code applyExpression}; the node types that pass their
     * child on directly are listed here.
     */
    private static final class Shallow extends ExpressionVisitorAdapter<Void> {
        private final Consumer<Expression> visit;
        private final java.util.Set<Expression> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        Shallow(Consumer<Expression> visit) {
            this.visit = visit;
        }

        private void once(Expression e) {
            if (e != null && seen.add(e)) visit.accept(e);
        }

        @Override
        protected <S> Void applyExpression(Expression expression, S context) {
            once(expression);
            return null;
        }

        @Override
        protected <S> Void visitExpressions(Expression expression, S context,
                                            java.util.Collection<Expression> children) {
            once(expression);
            return super.visitExpressions(expression, context, children);
        }

        @Override
        public <S> Void visit(ParenthesedSelect select, S context) {
            once(select);
            return null;
        }

        @Override
        public <S> Void visit(Select select, S context) {
            once(select);
            return null;
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.operators.relational.ExistsExpression e, S context) {
            once(e);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.SignedExpression e, S context) {
            once(e);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.operators.relational.IsNullExpression e, S context) {
            once(e);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression e, S context) {
            once(e);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.CastExpression e, S context) {
            once(e);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.ExtractExpression e, S context) {
            once(e);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.IntervalExpression e, S context) {
            once(e);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.NotExpression e, S context) {
            once(e);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.JsonExpression e, S context) {
            once(e);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.CollateExpression e, S context) {
            once(e);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.TimezoneExpression e, S context) {
            once(e);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.expression.TrimFunction e, S context) {
            once(e);
            return super.visit(e, context);
        }
    }
}
