package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.ValueUses;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.detectors.JsonShapeDetector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>json-path-missing</b>: a JSON path that the column's documents do not hold, or hold only in some
 * generations. {@code payload->>'action'} is NULL in every row written after the format changed, so filters
 * silently find a fraction of the rows. A generation is a top-level key set; a key that is only optional (present
 * in some rows of every generation) is not missing. A COALESCE (or an OR) over the paths of every generation clears
 * it, as does a key-presence test ({@code payload ? 'action'}) that makes the choice explicit.
 *
 * <pre>
 * bad:  SELECT count(*) FROM events WHERE payload->>'action' = 'upgrade'
 * good: SELECT count(*) FROM events WHERE coalesce(payload->>'action', payload->'event'->>'type') = 'upgrade'
 * </pre>
 */
public final class JsonPathMissing extends RuleBase {

    /** Below this share of rows a path is "in some generations only". */
    private static final double COMPLETE = 0.98;

    public JsonPathMissing() {
        super("json-path-missing", Severity.WARNING, "a JSON path absent from the data or present in only some rows");
    }

    @Override
    public void check(GuardContext context) {
        ValueUses uses = DataRules.uses(context);
        for (ValueUses.JsonPath jp : uses.jsonPaths) {
            ColumnProfile p = context.profile(jp.column()).orElse(null);
            if (p == null) continue;
            JsonShapeDetector.JsonShape shape = p.detector("json", JsonShapeDetector.JsonShape.class).orElse(null);
            if (shape == null) continue;
            double share = shape.share(jp.path());
            String key = jp.column().qualifiedColumn();
            String first = jp.path().contains(".") ? jp.path().substring(0, jp.path().indexOf('.')) : jp.path();
            if (uses.keyTests.contains(key + "\u0000" + first)) continue;
            // The alternatives the statement reads: the COALESCE the path sits in, else every path it reads on
            // this column (an OR over both shapes handles the generations as well as a COALESCE does).
            List<String> alternatives = new ArrayList<>();
            for (ValueUses.JsonPath other : uses.jsonPaths) {
                if (!other.column().qualifiedColumn().equals(key)) continue;
                if (jp.coalesceGroup() < 0 || other.coalesceGroup() == jp.coalesceGroup()) alternatives.add(other.path());
            }
            if (share > 0 && shape.uncovered(alternatives) <= 1 - COMPLETE) continue;
            String column = jp.column().column().name();
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("path", jp.path());
            evidence.put("rows_with_path_fraction", share);
            evidence.put("generations", shape.generations());
            evidence.put("source", p.sources().get("detectors"));
            String last = jp.path().contains(".") ? jp.path().substring(jp.path().lastIndexOf('.') + 1) : jp.path();
            List<String> twins = shape.paths().keySet().stream().filter(x -> !x.equals(jp.path())
                    && (x.equals(last) || x.endsWith("." + last))).toList();
            String message = share == 0
                    ? jp.column().qualifiedColumn() + " never holds the path " + jp.path() + " (per "
                    + p.sources().get("detectors") + "), so it is NULL in every row"
                    : jp.column().qualifiedColumn() + " holds the path " + jp.path() + " in only "
                    + DataRules.percent(share) + " of rows (" + shape.generations().size() + " key sets): the other rows "
                    + "read NULL";
            String fix = twins.isEmpty()
                    ? "cover every generation with coalesce(" + column + "->>'" + jp.path().replace(".", "'->>'") + "', …) "
                    + "over the paths the other key sets use: " + shape.paths().keySet()
                    : "coalesce the paths of every generation, e.g. coalesce(" + arrow(column, jp.path()) + ", "
                    + arrow(column, twins.get(0)) + ")";
            context.report(this, message, jp.offset(), jp.column().relation().qualifiedName(), column, fix, evidence);
        }
    }

    private static String arrow(String column, String path) {
        String[] parts = path.split("\\.");
        StringBuilder sb = new StringBuilder(column);
        for (int i = 0; i < parts.length; i++) {
            sb.append(i == parts.length - 1 ? "->>'" : "->'").append(parts[i]).append('\'');
        }
        return sb.toString();
    }
}
