package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.ColumnRef;
import dev.strata.guardrail.model.ColumnSource;
import dev.strata.guardrail.model.ValueUses;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.detectors.SentinelDetector;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * <b>sentinel-values</b>: an aggregate, MIN/MAX or top-N over a column whose profile found sentinel or test rows —
 * only where those rows change the answer: MIN and ascending top-N for low sentinels (epoch zero, zero ids,
 * {@code 00000000}), MAX and descending top-N for high ones (far-future dates, outliers), SUM and AVG when an
 * outlier dominates the sum. A filter on the same column, or on a test flag ({@code is_test}), clears it; for SUM
 * and AVG any filter on the table does (a profile cannot tell whether it excludes the outliers, so only the
 * unfiltered total is certain to include them).
 *
 * <pre>
 * bad:  SELECT sum(total_cents) FROM orders
 * good: SELECT sum(o.total_cents) FROM orders o JOIN accounts a ON a.id = o.account_id WHERE NOT a.is_test
 * </pre>
 */
public final class SentinelValues extends RuleBase {

    private static final Set<String> TEST_FLAGS = Set.of("is_test", "test", "is_demo", "is_sample", "is_fake",
            "test_account", "is_internal");

    public SentinelValues() {
        super("sentinel-values", Severity.WARNING, "an aggregate or top-N over sentinel or test rows");
    }

    @Override
    public void check(GuardContext context) {
        ValueUses uses = DataRules.uses(context);
        Set<String> reported = new HashSet<>();
        for (ValueUses.Aggregate a : uses.aggregates) {
            String f = a.function();
            check(context, a.column(), f.equals("min") ? "low" : f.equals("max") ? "high" : "sum", f + "()",
                    a.offset(), reported);
        }
        for (ValueUses.Ordering o : uses.orderings) {
            if (!o.limited()) continue;
            check(context, o.column(), o.descending() ? "high" : "low",
                    "ORDER BY " + o.column().column().name() + (o.descending() ? " DESC" : "") + " … LIMIT", o.offset(),
                    reported);
        }
    }

    private void check(GuardContext context, ColumnSource column, String end, String what, int offset,
                       Set<String> reported) {
        ColumnProfile p = context.profile(column).orElse(null);
        if (p == null) return;
        SentinelDetector.Sentinels s = p.detector("sentinels", SentinelDetector.Sentinels.class).orElse(null);
        if (s == null) return;
        List<SentinelDetector.Sentinel> hits = s.sentinels().stream().filter(x -> end.equals("sum")
                ? x.sumShare() != null && x.sumShare() >= SentinelDetector.DOMINATES : x.end().equals(end)).toList();
        if (hits.isEmpty() || filtered(context, column) || !reported.add(column.qualifiedColumn() + end)) return;
        // Whether a filter excludes the outlier rows of a sum cannot be told from a profile; only a sum over the
        // unfiltered table certainly includes them.
        if (end.equals("sum") && conditionOn(context, column.relation())) return;
        SentinelDetector.Sentinel x = hits.get(0);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("kind", x.kind());
        evidence.put("value", x.value());
        evidence.put("rows_fraction", x.fraction());
        if (x.sumShare() != null) evidence.put("sum_share", x.sumShare());
        evidence.put("source", p.sources().get("detectors"));
        String effect = end.equals("sum") ? "they make up " + DataRules.percent(x.sumShare()) + " of the sum"
                : end.equals("low") ? "they are the smallest values" : "they are the largest values";
        context.report(this, column.qualifiedColumn() + " holds " + x.kind().replace('_', ' ') + " sentinels ('"
                        + x.value() + "', " + DataRules.percent(x.fraction()) + " of rows) and " + what
                        + " includes them: " + effect, offset, column.relation().qualifiedName(),
                column.column().name(), "exclude them first, e.g. WHERE " + column.column().name()
                        + (end.equals("low") ? " > " : " < ") + literal(column, x.value())
                        + " (or filter the test accounts: NOT is_test)", evidence);
    }

    private static String literal(ColumnSource column, String value) {
        char cat = column.column().typeCategory();
        if (cat == 'N') return value;
        if (value.startsWith("year")) return "'2100-01-01'";
        return "'" + value + "'";
    }

    private static boolean conditionOn(GuardContext context, dev.strata.catalog.Relation table) {
        for (ColumnRef c : context.model().columns()) {
            if (c.clause().isCondition() && c.source() != null && c.source().isBase() && c.source().relation() == table
                    && c.clause() != dev.strata.guardrail.model.Clause.ON) {
                return true;
            }
        }
        return false;
    }

    /** A condition on the same column or on a test flag anywhere in the statement. */
    private static boolean filtered(GuardContext context, ColumnSource column) {
        for (ColumnRef c : context.model().columns()) {
            if (!c.clause().isCondition()) continue;
            if (TEST_FLAGS.contains(c.name().toLowerCase(Locale.ROOT))) return true;
            if (c.source() != null && c.source().isBase()
                    && c.source().qualifiedColumn().equals(column.qualifiedColumn())) {
                return true;
            }
        }
        return false;
    }
}
