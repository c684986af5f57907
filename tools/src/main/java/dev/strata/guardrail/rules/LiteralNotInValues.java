package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.ValueUses;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.detectors.CodeDetector;
import dev.strata.profile.detectors.VariantClusterDetector;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>literal-not-in-values</b>: an equality (or IN list) with a value the column does not hold, judged from a
 * profile that can vouch for the complete set of values (a table read whole, most common values that cover every
 * row, or a low-cardinality sample). The query runs and finds nothing, or everything for {@code <>}. The fix names
 * the nearest real values: the same word in another case or spacing, a close spelling, or the codes a comment
 * documents.
 *
 * <pre>
 * bad:  SELECT count(*) FROM accounts WHERE plan = 'Pro'          -- plan holds 'pro' and 'PRO'
 * good: SELECT count(*) FROM accounts WHERE lower(plan) = 'pro'
 * </pre>
 */
public final class LiteralNotInValues extends RuleBase {

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    public LiteralNotInValues() {
        super("literal-not-in-values", Severity.WARNING, "a comparison with a value the column does not hold");
    }

    @Override
    public void check(GuardContext context) {
        for (ValueUses.Comparison c : DataRules.uses(context).comparisons) {
            if (!c.isEquality()) continue;
            char cat = c.column().column().typeCategory();
            if (cat != 'S' && cat != 'N') continue;
            ColumnProfile p = context.profile(c.column()).orElse(null);
            if (p == null || p.values() == null || p.values().isEmpty()) continue;
            for (String literal : c.literals()) {
                if (holds(p.values(), literal, cat, c.column().column().baseType())) continue;
                report(context, c, p, literal);
            }
        }
    }

    private static boolean holds(Set<String> values, String literal, char cat, String type) {
        if (values.contains(literal)) return true;
        if (type.equals("character") || type.equals("bpchar")) {
            for (String v : values) if (v.stripTrailing().equals(literal.stripTrailing())) return true;
        }
        if (cat == 'N') {
            try {
                BigDecimal l = new BigDecimal(literal.strip());
                for (String v : values) {
                    try {
                        if (new BigDecimal(v).compareTo(l) == 0) return true;
                    } catch (NumberFormatException ignored) {
                        // not a number: cannot match
                    }
                }
            } catch (NumberFormatException e) {
                return true; // not a number literal: PostgreSQL itself will complain
            }
        }
        return false;
    }

    private void report(GuardContext context, ValueUses.Comparison c, ColumnProfile p, String literal) {
        String column = c.column().column().name();
        List<String> nearest = nearest(p, literal);
        Map<String, String> codes = CodeDetector.documented(c.column().column().comment());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("literal", DataRules.show(p, literal));
        evidence.put("values_known", p.values().size());
        evidence.put("source", p.source());
        if (!nearest.isEmpty()) evidence.put("nearest", nearest);
        if (!codes.isEmpty()) evidence.put("documented_codes", codes);
        List<String> sample = p.values().stream().limit(8).map(v -> DataRules.show(p, v)).toList();
        evidence.put("values", sample);
        String message = c.column().qualifiedColumn() + " never holds '" + DataRules.show(p, literal) + "' (it holds "
                + p.values().size() + " distinct values, per " + p.source() + "), so this comparison "
                + (c.op().equals("<>") || c.op().equals("!=") ? "is true for every row" : "matches no row");
        String fix;
        if (!nearest.isEmpty()) {
            boolean variants = nearest.size() > 1 && nearest.stream().map(VariantClusterDetector::normalise).distinct()
                    .count() == 1;
            fix = variants ? "the value is written in " + nearest.size() + " spellings (" + quoted(nearest)
                    + "): compare lower(btrim(" + column + ")) = '" + VariantClusterDetector.normalise(nearest.get(0)) + "'"
                    : "use one of the values the column holds: " + quoted(nearest);
        } else if (!codes.isEmpty()) {
            fix = column + " holds codes documented in its comment: " + codes;
        } else {
            fix = "use one of the values the column holds: " + quoted(sample);
        }
        context.report(this, message, c.offset(), c.column().relation().qualifiedName(), column, fix, evidence);
    }

    /** Same word in other case or spacing first, then spellings within edit distance 2. */
    private static List<String> nearest(ColumnProfile p, String literal) {
        Set<String> out = new LinkedHashSet<>();
        String norm = VariantClusterDetector.normalise(literal);
        for (String v : p.values()) if (VariantClusterDetector.normalise(v).equals(norm)) out.add(v);
        if (out.isEmpty()) {
            List<String> close = new ArrayList<>();
            for (String v : p.values()) {
                Integer d = DISTANCE.apply(VariantClusterDetector.normalise(v), norm);
                if (d != null && d >= 0 && d <= 2 && v.length() > 1) close.add(v);
            }
            out.addAll(close);
        }
        List<String> shown = new ArrayList<>();
        for (String v : out) shown.add(DataRules.show(p, v));
        return shown.size() > 6 ? shown.subList(0, 6) : shown;
    }

    private static String quoted(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (sb.length() > 0) sb.append(", ");
            sb.append('\'').append(v).append('\'');
        }
        return sb.toString();
    }

}
