package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.ColumnSource;
import dev.strata.guardrail.model.ValueUses;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.detectors.DateTextDetector;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * <b>string-date-comparison</b>: a range comparison, ORDER BY, MIN or MAX on a text column whose values are dates
 * in several formats (or in one whose text order is not date order, such as {@code MM/DD/YYYY}). Strings compare
 * character by character: {@code '12/31/2019' > '2024-01-01'}, so the query runs and returns the wrong rows.
 *
 * <pre>
 * bad:  SELECT * FROM billing.invoices WHERE issued_on >= '2024-01-01'
 * good: SELECT * FROM billing.invoices WHERE due_date >= date '2024-01-31'   -- a real date column
 * </pre>
 */
public final class StringDateComparison extends RuleBase {

    public StringDateComparison() {
        super("string-date-comparison", Severity.WARNING,
                "range or order comparison on text that holds dates in several formats");
    }

    @Override
    public void check(GuardContext context) {
        ValueUses uses = DataRules.uses(context);
        Set<String> reported = new HashSet<>();
        for (ValueUses.Comparison c : uses.comparisons) {
            if (c.isRange()) check(context, c.column(), "compares it as text with " + c.op(), c.offset(), reported);
        }
        for (ValueUses.Ordering o : uses.orderings) {
            check(context, o.column(), "sorts it as text", o.offset(), reported);
        }
        for (ValueUses.Aggregate a : uses.aggregates) {
            if (a.function().equals("min") || a.function().equals("max")) {
                check(context, a.column(), "takes its " + a.function() + "() as text", a.offset(), reported);
            }
        }
    }

    private void check(GuardContext context, ColumnSource column, String what, int offset, Set<String> reported) {
        if (column.column().typeCategory() != 'S' || !reported.add(column.qualifiedColumn() + offset)) return;
        ColumnProfile p = context.profile(column).orElse(null);
        if (p == null) return;
        DateTextDetector.DateText d = p.detector("date_text", DateTextDetector.DateText.class).orElse(null);
        if (d == null || !d.unsafeToCompare()) return;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("formats", d.formats());
        evidence.put("examples", d.examples());
        evidence.put("source", p.sources().get("detectors"));
        context.report(this, column.qualifiedColumn() + " is text holding dates in " + d.formats().size()
                        + " formats " + d.formats().keySet() + "; the query " + what + ", which is not date order",
                offset, column.relation().qualifiedName(), column.column().name(),
                "parse each format first (CASE on the pattern with to_date(…, 'MM/DD/YYYY') etc.), or use a real date "
                        + "column if the table has one", evidence);
    }
}
