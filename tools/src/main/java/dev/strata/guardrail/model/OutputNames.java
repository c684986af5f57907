package dev.strata.guardrail.model;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.RowConstructor;
import net.sf.jsqlparser.expression.RowGetExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The name PostgreSQL gives an output column written without an alias (its {@code FigureColname}): a column's
 * own name, a function's name ({@code count}, {@code max}, {@code coalesce}), a cast's type when the value has no
 * name of its own ({@code '1'::int} is {@code int4}), {@code case}, {@code exists}, {@code array}, and
 * {@code ?column?} for operators and constants. Derived tables and ORDER BY refer to columns by these names.
 */
final class OutputNames {

    static final String NONE = "?column?";

    /** Type names as PostgreSQL spells them internally (what a cast names its column after). */
    private static final Map<String, String> INTERNAL_TYPES = Map.ofEntries(
            Map.entry("int", "int4"), Map.entry("integer", "int4"), Map.entry("bigint", "int8"),
            Map.entry("smallint", "int2"), Map.entry("real", "float4"), Map.entry("float", "float8"),
            Map.entry("double precision", "float8"), Map.entry("boolean", "bool"), Map.entry("decimal", "numeric"),
            Map.entry("dec", "numeric"), Map.entry("char", "bpchar"), Map.entry("character", "bpchar"),
            Map.entry("character varying", "varchar"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("time with time zone", "timetz"),
            Map.entry("time without time zone", "time"), Map.entry("national character", "bpchar"),
            Map.entry("nchar", "bpchar"));

    private OutputNames() {
    }

    /** The implicit name, or null when Strata cannot tell what PostgreSQL would call the column. */
    static String of(Expression e, int serverMajor) {
        Named n = name(e, serverMajor);
        return n == null ? null : n.name;
    }

    /** A name and how strongly it holds: a column's or function's own name beats a cast's type name. */
    private record Named(String name, boolean strong) {
    }

    private static Named name(Expression e, int serverMajor) {
        if (e instanceof Column c) return new Named(QueryModelBuilder.fold(c.getColumnName()), true);
        if (e instanceof RowGetExpression r) return new Named(QueryModelBuilder.fold(r.getColumnName()), true);
        if (e instanceof ArrayExpression a) return name(a.getObjExpression(), serverMajor);
        if (e instanceof CollateExpression c) return name(c.getLeftExpression(), serverMajor);
        if (e instanceof Parenthesis p) return name(p.getExpression(), serverMajor);
        if (e instanceof ParenthesedExpressionList<?> l) {
            return l.size() == 1 ? name(l.get(0), serverMajor) : new Named("row", true);
        }
        if (e instanceof CastExpression cast) {
            Named inner = name(cast.getLeftExpression(), serverMajor);
            if (inner != null && inner.strong) return inner;
            String type = typeName(cast.getColDataType() == null ? null : cast.getColDataType().toString());
            return type == null ? null : new Named(type, false);
        }
        if (e instanceof AnalyticExpression a) return new Named(functionName(a.getName()), true);
        if (e instanceof TrimFunction) return new Named("btrim", true);
        if (e instanceof ExtractExpression) return new Named(serverMajor >= 14 ? "extract" : "date_part", true);
        if (e instanceof RowConstructor<?>) return new Named("row", true);
        if (e instanceof ArrayConstructor) return new Named("array", true);
        if (e instanceof Function f) {
            String name = functionName(f.getName());
            if (name == null) return null;
            return new Named(switch (name) {
                case "row" -> "row";
                case "array" -> "array";
                default -> name;
            }, true);
        }
        if (e instanceof CaseExpression) return new Named("case", true);
        if (e instanceof ExistsExpression) return new Named("exists", true);
        if (e instanceof ParenthesedSelect sub) return subqueryName(sub);
        if (e instanceof TimeKeyExpression t) {
            String s = t.getStringValue().toLowerCase(Locale.ROOT);
            int paren = s.indexOf('(');
            return new Named((paren < 0 ? s : s.substring(0, paren)).strip(), true);
        }
        if (e instanceof IntervalExpression) return new Named("interval", false);
        if (e instanceof DateTimeLiteralExpression d) {
            String type = typeName(d.getType() == null ? null : d.getType().name().toLowerCase(Locale.ROOT));
            return type == null ? null : new Named(type, false);
        }
        if (e instanceof StringValue || e instanceof LongValue || e instanceof DoubleValue || e instanceof NullValue
                || e instanceof HexValue || e instanceof BooleanValue || e instanceof JdbcParameter
                || e instanceof BinaryExpression || e instanceof SignedExpression || e instanceof NotExpression
                || e instanceof IsNullExpression || e instanceof IsBooleanExpression || e instanceof InExpression
                || e instanceof Between || e instanceof IsDistinctExpression) {
            return new Named(NONE, false);
        }
        return null;
    }

    /** A scalar subquery is named after its own single output column. */
    private static Named subqueryName(ParenthesedSelect sub) {
        if (sub.getSelect() instanceof PlainSelect p && p.getSelectItems() != null && p.getSelectItems().size() == 1) {
            SelectItem<?> item = p.getSelectItems().get(0);
            if (item.getAlias() != null) return new Named(QueryModelBuilder.fold(item.getAlias().getName()), true);
            Named inner = name(item.getExpression(), 14);
            return inner == null ? null : new Named(inner.name, true);
        }
        return null;
    }

    private static String functionName(String written) {
        if (written == null) return null;
        String last = written;
        int dot = written.lastIndexOf('.');
        if (dot >= 0 && !written.endsWith("\"")) last = written.substring(dot + 1);
        return QueryModelBuilder.fold(last);
    }

    /** {@code integer} → {@code int4}, {@code varchar(10)} → {@code varchar}, {@code text[]} → {@code text}. */
    static String typeName(String written) {
        if (written == null) return null;
        String t = written.toLowerCase(Locale.ROOT).strip();
        int paren = t.indexOf('(');
        if (paren >= 0) {
            int close = t.indexOf(')', paren);
            t = (t.substring(0, paren) + (close >= 0 ? t.substring(close + 1) : "")).strip();
        }
        while (t.endsWith("[]")) t = t.substring(0, t.length() - 2).strip();
        t = t.replaceAll("\\s+", " ");
        String internal = INTERNAL_TYPES.get(t);
        if (internal != null) return internal;
        if (t.startsWith("timestamp") && t.contains("with time zone") && !t.contains("without")) return "timestamptz";
        if (t.startsWith("timestamp")) return "timestamp";
        if (t.startsWith("interval")) return "interval";
        int dot = t.lastIndexOf('.');
        if (dot >= 0) t = t.substring(dot + 1);
        return t.isEmpty() ? null : t.replace("\"", "");
    }

    static boolean unnamed(List<OutputColumn> columns) {
        return columns.stream().anyMatch(c -> c.name() == null);
    }
}
