package dev.strata.profile;

import dev.strata.catalog.Relation;
import dev.strata.profile.detectors.TableDetector;
import dev.strata.relationships.RelationshipGraph;

import java.util.ArrayList;
import java.util.List;

/** Runs every {@link TableDetector} over a table's column profiles. */
final class TableFindings {

    private TableFindings() {
    }

    static List<TableFinding> of(Relation r, List<ColumnProfile> columns, RelationshipGraph graph) {
        List<TableFinding> out = new ArrayList<>();
        for (TableDetector d : TableDetector.ALL) {
            try {
                out.addAll(d.detect(r, columns, graph));
            } catch (RuntimeException e) {
                // A table detector's failure leaves the others' findings.
            }
        }
        return out;
    }
}
