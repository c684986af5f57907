package dev.strata.guardrail.shape;

import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;

import java.util.Locale;

/**
 * A constant as written: NULL, a number, a string (possibly typed: {@code date '…'}, {@code '…'::timestamptz}) or a
 * boolean.
 *
 * @param value the number's text or the string's content (quotes removed, {@code ''} undone); null for NULL
 * @param type  the lower-case type of a typed literal or cast ({@code date}, {@code timestamptz}), else null
 */
public record Literal(Kind kind, String value, String type) {

    public enum Kind { NULL, NUMBER, STRING, BOOLEAN }

    /** The literal the expression is, or null when it is not a constant. */
    public static Literal of(Expression e) {
        e = Sql.unwrap(e);
        if (e instanceof NullValue) return new Literal(Kind.NULL, null, null);
        if (e instanceof LongValue n) return new Literal(Kind.NUMBER, n.getStringValue(), null);
        if (e instanceof DoubleValue d) return new Literal(Kind.NUMBER, d.toString(), null);
        if (e instanceof SignedExpression s && s.getSign() == '-') {
            Literal inner = of(s.getExpression());
            return inner != null && inner.kind == Kind.NUMBER ? new Literal(Kind.NUMBER, "-" + inner.value, null) : null;
        }
        if (e instanceof SignedExpression s && s.getSign() == '+') return of(s.getExpression());
        if (e instanceof StringValue s) {
            String prefix = s.getPrefix();
            // E'…' and U&'…' strings carry escapes this reading would get wrong.
            if (prefix != null && !prefix.isEmpty()) return null;
            return new Literal(Kind.STRING, s.getValue().replace("''", "'"), null);
        }
        if (e instanceof BooleanValue b) return new Literal(Kind.BOOLEAN, String.valueOf(b.getValue()), null);
        if (e instanceof DateTimeLiteralExpression d && d.getType() != null) {
            String v = d.getValue();
            if (v == null || v.length() < 2 || !v.startsWith("'") || !v.endsWith("'")) return null;
            return new Literal(Kind.STRING, v.substring(1, v.length() - 1).replace("''", "'"),
                    typeName(d.getType().name()));
        }
        if (e instanceof CastExpression c && c.getColDataType() != null) {
            Literal inner = of(c.getLeftExpression());
            if (inner == null) return null;
            if (inner.kind == Kind.NULL) return inner;
            return new Literal(inner.kind, inner.value, typeName(c.getColDataType().getDataType()));
        }
        return null;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** Type names folded to what the catalog calls them ({@code timestamptz} → {@code timestamp with time zone}). */
    static String typeName(String written) {
        String t = written.toLowerCase(Locale.ROOT).strip();
        return switch (t) {
            case "timestamptz" -> "timestamp with time zone";
            case "timestamp" -> "timestamp without time zone";
            case "int", "int4" -> "integer";
            case "int8" -> "bigint";
            case "int2" -> "smallint";
            case "varchar" -> "character varying";
            default -> t;
        };
    }
}
