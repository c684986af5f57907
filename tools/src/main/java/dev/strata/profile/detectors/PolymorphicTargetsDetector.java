package dev.strata.profile.detectors;

import dev.strata.catalog.Relation;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.TableFinding;
import dev.strata.relationships.PolymorphicDetector;
import dev.strata.relationships.RelationshipGraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Polymorphic type columns: the share of rows pointing at each target table. */
public final class PolymorphicTargetsDetector implements TableDetector {

    @Override
    public List<TableFinding> detect(Relation table, List<ColumnProfile> columns, RelationshipGraph graph) {
        List<TableFinding> out = new ArrayList<>();
        if (graph == null) return out;
        for (PolymorphicDetector.Pair pair : graph.polymorphicPairs()) {
            if (!pair.table().equals(table.qualifiedName())) continue;
            List<Map<String, Object>> targets = new ArrayList<>();
            StringBuilder msg = new StringBuilder(pair.typeColumn() + " selects the table " + pair.idColumn()
                    + " points at:");
            for (PolymorphicDetector.Target t : pair.targets()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("value", t.value());
                m.put("table", t.table());
                m.put("column", t.column());
                m.put("fraction", ColumnDetector.round(t.fraction()));
                targets.add(m);
                msg.append(' ').append(t.value()).append(" → ").append(t.table()).append('.').append(t.column());
                // Enum labels of an empty table name the targets but not their shares.
                if (!pair.source().startsWith("enum")) {
                    msg.append(" (").append(Math.round(t.fraction() * 1000) / 10.0).append(" %)");
                }
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("targets", targets);
            if (!pair.unmappedValues().isEmpty()) evidence.put("unmapped_values", pair.unmappedValues());
            evidence.put("source", pair.source());
            out.add(new TableFinding("polymorphic_targets", pair.typeColumn(), msg.toString(), evidence));
        }
        return out;
    }
}
