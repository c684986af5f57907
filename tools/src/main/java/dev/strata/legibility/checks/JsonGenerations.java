package dev.strata.legibility.checks;

import dev.strata.guardrail.Severity;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.ReportContext;
import dev.strata.profile.detectors.JsonShapeDetector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>json-generations</b>: a JSON (or JSON-in-text) column whose documents come in several key sets, with each
 * generation's share and the rows that are not JSON at all. A path read from one generation is NULL in the
 * others; the comment draft lists the generations so readers COALESCE over them.
 */
public final class JsonGenerations implements LegibilityCheck {

    @Override
    public String id() {
        return "json-generations";
    }

    @Override
    public void check(ReportContext ctx) {
        ctx.forEachProfiledColumn((r, c) -> c.detector("json", JsonShapeDetector.JsonShape.class).ifPresent(j -> {
            boolean notJson = j.notJsonFraction() != null && j.notJsonFraction() > 0;
            if ((j.generations() == null || j.generations().size() < 2) && !notJson) return;
            String target = r.qualifiedName() + "." + c.column();
            List<String> gens = new ArrayList<>();
            for (JsonShapeDetector.Generation g : j.generations() == null ? List.<JsonShapeDetector.Generation>of()
                    : j.generations()) {
                gens.add("{" + String.join(", ", g.keys()) + "} " + ReportContext.percent(g.fraction()));
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("generations", gens);
            if (notJson) evidence.put("not_json_fraction", j.notJsonFraction());
            evidence.put("source", c.source());
            String notJsonText = notJson ? ReportContext.percent(j.notJsonFraction()) + " of rows are not JSON" : null;
            ctx.report(this, Severity.WARNING, target + " holds " + gens.size() + " generation(s) of JSON documents"
                            + (notJson ? " and " + notJsonText : "") + ": a path read from one generation is NULL in "
                            + "the others", r.qualifiedName(), c.column(),
                    "Document the generations (draft below); read each path with COALESCE over every generation's key.",
                    evidence);
            ctx.suggest(target, "COMMENT ON COLUMN " + target + " IS " + ReportContext.literal("JSON in " + gens.size()
                    + " generation(s): " + String.join("; ", gens) + (notJson ? "; " + notJsonText : "")
                    + ". COALESCE the keys of every generation.") + ";", "profile (" + c.source() + "): "
                    + String.join("; ", gens));
        }));
    }
}
