package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.shape.Literal;
import dev.strata.guardrail.shape.QueryShape;
import dev.strata.guardrail.shape.Resolved;
import dev.strata.guardrail.shape.SelectShape;
import dev.strata.guardrail.shape.Sql;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.TimezoneExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.schema.Column;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * <b>date-upper-bound</b>: a {@code timestamp}/{@code timestamptz} column compared {@code <=} (or
 * {@code BETWEEN … AND}) with a date-only literal. The literal means midnight at the start of that day, so
 * {@code created_at <= '2025-01-31'} leaves out everything that happened on January 31 after 00:00. Only for
 * timestamp columns (a {@code date} column compares whole days), only for literals without a time of day, and not
 * for the first of a month, which is a period boundary rather than a last day.
 *
 * <pre>
 * bad:  SELECT count(*) FROM orders WHERE created_at &gt;= '2025-01-01' AND created_at &lt;= '2025-01-31'
 * good: SELECT count(*) FROM orders WHERE created_at &gt;= '2025-01-01' AND created_at &lt; '2025-02-01'
 * </pre>
 */
public final class DateUpperBound extends RuleBase {

    private static final Pattern DATE_ONLY = Pattern.compile("\\s*(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})\\s*");

    public DateUpperBound() {
        super("date-upper-bound", Severity.WARNING, "a timestamp compared <= a date-only upper bound");
    }

    @Override
    public void check(GuardContext context) {
        QueryShape shape = QueryShape.of(context);
        shape.forEachExpression((s, e) -> {
            if (e instanceof MinorThanEquals le) {
                inspect(context, shape, s, e, le.getLeftExpression(), null, le.getRightExpression());
            } else if (e instanceof GreaterThanEquals ge) {
                inspect(context, shape, s, e, ge.getRightExpression(), null, ge.getLeftExpression());
            } else if (e instanceof Between b && !b.isNot()) {
                inspect(context, shape, s, e, b.getLeftExpression(), b.getBetweenExpressionStart(),
                        b.getBetweenExpressionEnd());
            }
        });
    }

    private void inspect(GuardContext context, QueryShape shape, SelectShape s, Expression at, Expression subject,
                         Expression low, Expression bound) {
        Expression u = Sql.unwrap(subject);
        boolean atTimeZone = false;
        if (u instanceof TimezoneExpression tz) {
            u = Sql.unwrap(tz.getLeftExpression());
            atTimeZone = true;
        }
        if (!(u instanceof Column c)) return;
        Resolved r = s.resolve(c);
        if (r == null || !r.isBase() || !r.column().baseType().startsWith("timestamp")) return;
        Literal l = Literal.of(bound);
        if (l == null || l.kind() != Literal.Kind.STRING) return;
        if (l.type() != null && !l.type().equals("date") && !l.type().startsWith("timestamp")) return;
        Matcher m = DATE_ONLY.matcher(l.value());
        if (!m.matches()) return;
        LocalDate day;
        try {
            day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return;
        }
        // A bound on the first of a month is a period boundary ("BETWEEN '2025-01-01' AND '2025-02-01'"): the
        // writer meant the end of the month before, not "through February 1", so no day is cut.
        if (day.getDayOfMonth() == 1) return;
        String next = bound.toString().replace(l.value(), day.plusDays(1).toString());
        String fix = low == null ? subject + " < " + next : subject + " >= " + low + " AND " + subject + " < " + next;
        String type = atTimeZone ? "timestamp" : r.column().baseType();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("column_type", r.column().type());
        evidence.put("upper_bound", l.value().strip());
        context.report(this, at + " compares a " + type + " with " + day + " 00:00" + (type.endsWith("with time zone")
                        ? " (in the session's time zone)" : "") + ": rows later on " + day + " are left out",
                shape.offset(at), r.relation().qualifiedName(), r.column().name(), fix, evidence);
    }
}
