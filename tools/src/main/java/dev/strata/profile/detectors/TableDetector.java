package dev.strata.profile.detectors;

import dev.strata.catalog.Relation;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.TableFinding;
import dev.strata.relationships.RelationshipGraph;

import java.util.List;

/** A finding about a whole table, drawn from its column profiles (and the relationship graph). */
public interface TableDetector {

    List<TableFinding> detect(Relation table, List<ColumnProfile> columns, RelationshipGraph graph);

    List<TableDetector> ALL = List.of(new SoftDeleteDetector(), new TestRowsDetector(), new JsonGenerationsDetector(),
            new PolymorphicTargetsDetector());
}
