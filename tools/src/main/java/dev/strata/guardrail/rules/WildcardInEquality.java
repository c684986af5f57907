package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.shape.QueryShape;
import dev.strata.guardrail.shape.Resolved;
import dev.strata.guardrail.shape.TextComparison;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.ValueCount;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * <b>wildcard-in-equality</b>: {@code =} (or {@code <>}, {@code IN}) against a literal holding {@code %} or
 * {@code _}, which only LIKE expands: {@code name = 'Acme%'} looks for the text "Acme%" and finds nothing. The
 * profile sharpens it: a column that holds values with {@code %} (or {@code _}) is not a finding, nor is a literal
 * the column holds; a {@code _} is flagged only when, read as a LIKE pattern, it matches values the equality
 * misses (an underscore is common in real values, a percent sign is not).
 *
 * <pre>
 * bad:  SELECT id, name FROM accounts WHERE name = 'Acme%'
 * good: SELECT id, name FROM accounts WHERE name LIKE 'Acme%'
 * </pre>
 */
public final class WildcardInEquality extends RuleBase {

    public WildcardInEquality() {
        super("wildcard-in-equality", Severity.WARNING, "= against a literal with % or _ meant for LIKE");
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
        List<String> patterns = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (String literal : t.literals()) {
            if (literal.indexOf('%') >= 0 || literal.indexOf('_') >= 0) patterns.add(literal);
            else plain.add(literal);
        }
        if (patterns.isEmpty()) return;
        ColumnProfile p = WrongResults.profile(context, r).orElse(null);
        Set<String> known = known(p);
        List<String> flagged = new ArrayList<>();
        Map<String, Object> evidence = new LinkedHashMap<>();
        int matchedTotal = 0;
        List<String> examples = new ArrayList<>();
        for (String literal : patterns) {
            boolean percent = literal.indexOf('%') >= 0;
            if (known.contains(literal)) continue;
            char wildcard = percent ? '%' : '_';
            boolean holds = false;
            for (String k : known) if (k.indexOf(wildcard) >= 0) holds = true;
            if (holds) continue; // the column's own values contain it: the literal may be meant as written
            Pattern like = like(literal);
            int matches = 0;
            for (String k : known) {
                if (like.matcher(k).matches()) {
                    matches++;
                    if (examples.size() < 5) examples.add("'" + DataRules.show(p, k) + "'");
                }
            }
            if (!percent && (known.isEmpty() || matches == 0)) continue;
            matchedTotal += matches;
            flagged.add(literal);
        }
        if (flagged.isEmpty()) return;
        String column = WrongResults.name(r);
        String message = c + (negated ? " <> " : " = ") + quoted(flagged) + " compares with the text as written: "
                + "only LIKE expands % and _";
        if (!known.isEmpty()) {
            String source = p.source();
            String scope = p.values() != null ? "of its " + known.size() + " values, " + WrongResults.source(source)
                    : "among its " + known.size() + " most common values, " + WrongResults.source(source);
            message += ", and " + column + " holds no value containing them (" + scope + ")"
                    + (matchedTotal > 0 ? "; as a LIKE pattern it would match "
                    + matchedTotal + " of them, e.g. " + String.join(", ", examples) : "")
                    + (negated ? ", so the condition excludes nothing" : ", so it matches no row");
            evidence.put("values_known", known.size());
            evidence.put("like_matches", matchedTotal);
            if (!examples.isEmpty()) evidence.put("examples", examples);
            evidence.put("source", source);
        } else {
            message += ", and a value with % in it is rare: this looks like a LIKE pattern";
        }
        evidence.put("literals", flagged);
        context.report(this, message, shape.offset(at), r.relation().qualifiedName(), r.column().name(),
                fix(c, flagged, plain, patterns, negated), evidence);
    }

    /** Every value the profile knows: the complete set when it has one, else the most common values. */
    private static Set<String> known(ColumnProfile p) {
        Set<String> out = new LinkedHashSet<>();
        if (p == null) return out;
        if (p.values() != null) out.addAll(p.values());
        if (p.topValues() != null && !p.masked()) {
            for (ValueCount v : p.topValues()) if (v.value() != null) out.add(v.value());
        }
        return out;
    }

    private static String fix(Column c, List<String> flagged, List<String> plain, List<String> patterns,
                              boolean negated) {
        List<String> parts = new ArrayList<>();
        String like = negated ? " NOT LIKE " : " LIKE ";
        for (String f : flagged) parts.add(c + like + sql(f));
        List<String> equal = new ArrayList<>(plain);
        for (String x : patterns) if (!flagged.contains(x)) equal.add(x);
        if (!equal.isEmpty()) {
            List<String> q = new ArrayList<>();
            for (String x : equal) q.add(sql(x));
            parts.add(equal.size() == 1 ? c + (negated ? " <> " : " = ") + q.get(0)
                    : c + (negated ? " NOT IN (" : " IN (") + String.join(", ", q) + ")");
        }
        if (parts.size() == 1) return parts.get(0);
        return "(" + String.join(negated ? " AND " : " OR ", parts) + ")";
    }

    private static String sql(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String quoted(List<String> values) {
        List<String> q = new ArrayList<>();
        for (String v : values) q.add(sql(v));
        return String.join(", ", q);
    }

    /** A LIKE pattern (backslash escapes) as a regular expression. */
    static Pattern like(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (ch == '%') {
                re.append(".*");
            } else if (ch == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
