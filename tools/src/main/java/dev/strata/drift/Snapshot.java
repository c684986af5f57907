package dev.strata.drift;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Relation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalog as a canonical, comparable document: what a schema <em>is</em>, without anything that changes
 * when only data or time changes (oids, sizes, row estimates, load time). Two snapshots of the same schema are
 * equal, and {@link SnapshotWriter} writes them byte for byte the same, so a committed snapshot only shows up in
 * a git diff when the schema itself changed.
 *
 * @param format      layout version of the file; readers refuse newer formats instead of misreading them
 * @param serverMajor PostgreSQL major version the snapshot was taken from (type spellings can differ across them)
 */
public record Snapshot(int format, int serverMajor, List<SnapshotSchema> schemas, List<SnapshotRelation> relations) {

    public static final int FORMAT = 1;

    public Snapshot {
        schemas = schemas == null ? List.of() : schemas.stream()
                .sorted(Comparator.comparing(SnapshotSchema::name)).toList();
        relations = relations == null ? List.of() : relations.stream()
                .sorted(Comparator.comparing(SnapshotRelation::schema).thenComparing(SnapshotRelation::name)).toList();
    }

    /**
     * @param namespaces the schemas that exist (with their comments), so an empty schema still counts; schemas
     *                   that only appear through relations are added without a comment
     */
    public static Snapshot of(Catalog catalog, List<SnapshotSchema> namespaces) {
        List<SnapshotRelation> relations = new ArrayList<>();
        Set<String> known = new TreeSet<>();
        namespaces.forEach(s -> known.add(s.name()));
        List<SnapshotSchema> schemas = new ArrayList<>(namespaces);
        for (Relation r : catalog.relations()) {
            relations.add(SnapshotRelation.of(r));
            if (known.add(r.schema())) schemas.add(new SnapshotSchema(r.schema(), null));
        }
        return new Snapshot(FORMAT, catalog.server().majorVersion(), schemas, relations);
    }

    public Optional<SnapshotRelation> relation(String schema, String name) {
        return relations.stream().filter(r -> r.schema().equals(schema) && r.name().equals(name)).findFirst();
    }
}
