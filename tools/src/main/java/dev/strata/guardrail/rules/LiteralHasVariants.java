package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.shape.QueryShape;
import dev.strata.guardrail.shape.Resolved;
import dev.strata.guardrail.shape.TextComparison;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.ValueCount;
import dev.strata.profile.detectors.VariantClusterDetector;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.schema.Column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * <b>literal-has-variants</b>: an equality (or IN, or {@code <>}) with a value the column holds in several case or
 * whitespace spellings: {@code name = 'Acme Corp'} misses {@code 'ACME Corp'}, {@code 'acme corp'} and
 * {@code 'Acme Corp '}. Judged from the profile's variant clusters (values grouped by lower case with trimmed and
 * collapsed spaces); the finding lists every spelling with its share and rows, and the fix compares the
 * normalised value.
 *
 * <pre>
 * bad:  SELECT count(*) FROM accounts WHERE name = 'Acme Corp'
 * good: SELECT count(*) FROM accounts WHERE lower(btrim(regexp_replace(name, '\s+', ' ', 'g'))) = 'acme corp'
 * </pre>
 */
public final class LiteralHasVariants extends RuleBase {

    public LiteralHasVariants() {
        super("literal-has-variants", Severity.WARNING, "equality with a value the column holds in several spellings");
    }

    @Override
    public void check(GuardContext context) {
        QueryShape shape = QueryShape.of(context);
        shape.forEachExpression((s, e) -> TextComparison.of(s, e).ifPresent(t -> inspect(context, shape, e, t)));
    }

    private void inspect(GuardContext context, QueryShape shape, Expression at, TextComparison t) {
        Column c = t.column();
        Resolved r = t.resolved();
        boolean negated = t.negated();
        List<String> literals = t.literals();
        ColumnProfile p = WrongResults.profile(context, r).orElse(null);
        // Masked (personal) values cannot be compared with the literal, and must not be shown.
        if (p == null || p.masked()) return;
        VariantClusterDetector.Variants variants = p.detector("variants", VariantClusterDetector.Variants.class)
                .orElse(null);
        if (variants == null) return;
        List<VariantClusterDetector.Cluster> hits = new ArrayList<>();
        List<String> normalised = new ArrayList<>();
        for (String literal : literals) {
            String norm = VariantClusterDetector.normalise(literal);
            normalised.add(norm);
            for (VariantClusterDetector.Cluster cl : variants.clusters()) {
                if (cl.normalised().equals(norm) && cl.spellings().size() > 1 && !hits.contains(cl)) hits.add(cl);
            }
        }
        // An IN list that names every spelling already matches them all.
        hits.removeIf(cl -> cl.spellings().stream().allMatch(v -> literals.contains(v.value())));
        if (hits.isEmpty()) return;
        long rows = r.relation().rowsEstimate();
        String source = p.sources() == null ? p.source() : p.sources().getOrDefault("detectors", p.source());
        String about = "exact".equals(source) ? "" : "~";
        List<Map<String, Object>> spellings = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        boolean innerSpaces = false;
        for (VariantClusterDetector.Cluster cl : hits) {
            for (ValueCount v : cl.spellings()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("value", v.value());
                one.put("fraction", v.fraction());
                if (rows > 0) one.put("rows", Math.round(v.fraction() * rows));
                spellings.add(one);
                shown.add("'" + v.value() + "'" + (rows > 0 ? " " + about + Math.round(v.fraction() * rows) : " "
                        + DataRules.percent(v.fraction())));
                if (!v.value().strip().toLowerCase(Locale.ROOT).equals(cl.normalised())) innerSpaces = true;
            }
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("spellings", spellings);
        evidence.put("source", source);
        String column = c.toString();
        String normalisedColumn = innerSpaces ? "lower(btrim(regexp_replace(" + column + ", '\\s+', ' ', 'g')))"
                : "lower(btrim(" + column + "))";
        List<String> quoted = new ArrayList<>();
        for (String n : normalised) if (!quoted.contains("'" + n.replace("'", "''") + "'")) quoted.add("'" + n.replace("'", "''") + "'");
        String fix = quoted.size() == 1 && !(at instanceof InExpression)
                ? normalisedColumn + (negated ? " <> " : " = ") + quoted.get(0)
                : normalisedColumn + (negated ? " NOT IN (" : " IN (") + String.join(", ", quoted) + ")";
        boolean exact = false;
        for (VariantClusterDetector.Cluster cl : hits) {
            for (ValueCount v : cl.spellings()) if (literals.contains(v.value())) exact = true;
        }
        String message = at + (negated ? " excludes " : " matches ") + (exact ? "one spelling only: "
                : "none of the spellings exactly: ") + WrongResults.name(r)
                + " holds the same value in " + shown.size() + " spellings (" + String.join(", ", shown)
                + (rows > 0 ? " rows" : "") + ", " + WrongResults.source(source) + ")";
        context.report(this, message, shape.offset(at), r.relation().qualifiedName(), r.column().name(), fix, evidence);
    }
}
