package dev.strata.profile.detectors;

import dev.strata.catalog.Relation;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.TableFinding;
import dev.strata.relationships.RelationshipGraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON generations (several top-level key sets) and text columns that are only partly JSON. */
public final class JsonGenerationsDetector implements TableDetector {

    @Override
    public List<TableFinding> detect(Relation table, List<ColumnProfile> columns, RelationshipGraph graph) {
        List<TableFinding> out = new ArrayList<>();
        for (ColumnProfile p : columns) {
            p.detector("json", JsonShapeDetector.JsonShape.class).ifPresent(j -> {
                if (j.generations().size() < 2 && (j.notJsonFraction() == null || j.notJsonFraction() == 0)) return;
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("generations", j.generations());
                if (j.notJsonFraction() != null) evidence.put("not_json_fraction", j.notJsonFraction());
                evidence.put("source", p.sources().get("detectors"));
                String msg = p.column() + " holds " + j.generations().size() + " JSON key sets"
                        + (j.notJsonFraction() != null && j.notJsonFraction() > 0
                        ? "; " + Math.round(j.notJsonFraction() * 1000) / 10.0 + " % of values are not JSON" : "")
                        + ": a path present in one generation is missing in the others";
                out.add(new TableFinding("json_generations", p.column(), msg, evidence));
            });
            p.detector("date_text", DateTextDetector.DateText.class).ifPresent(d -> {
                if (!d.unsafeToCompare()) return;
                out.add(new TableFinding("dates_as_text", p.column(), p.column() + " holds dates as text in "
                        + d.formats().size() + " formats: compare and sort them only after parsing",
                        Map.of("formats", d.formats(), "source", p.sources().get("detectors"))));
            });
            p.detector("variants", VariantClusterDetector.Variants.class).ifPresent(v ->
                    out.add(new TableFinding("variant_spellings", p.column(), p.column() + " has " + v.clustersFound()
                            + " values written in several spellings (case, spaces): compare lower(btrim(...))",
                            Map.of("clusters", v.clusters().subList(0, Math.min(3, v.clusters().size())),
                                    "source", p.sources().get("detectors")))));
        }
        return out;
    }
}
