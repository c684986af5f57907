package dev.strata.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The changes that turn one snapshot into another, each classified as breaking or additive (see
 * {@link ChangeKind} for the list and the rules). Schemas and relations are matched here; what changed inside a
 * matched relation is {@link RelationDiff}'s concern.
 */
public final class SnapshotDiff {

    private SnapshotDiff() {
    }

    public static List<Change> between(Snapshot before, Snapshot after) {
        List<Change> changes = new ArrayList<>();
        schemas(before, after, changes);
        relations(before, after, changes);
        changes.sort(Change.ORDER);
        return List.copyOf(changes);
    }

    private static void schemas(Snapshot before, Snapshot after, List<Change> out) {
        Map<String, SnapshotSchema> old = new LinkedHashMap<>();
        before.schemas().forEach(s -> old.put(s.name(), s));
        for (SnapshotSchema s : after.schemas()) {
            SnapshotSchema o = old.remove(s.name());
            if (o == null) {
                out.add(Change.of(ChangeKind.SCHEMA_ADDED, s.name(), null, s.name()));
            } else if (!Objects.equals(o.comment(), s.comment())) {
                out.add(Change.of(ChangeKind.COMMENT_CHANGED, s.name(), o.comment(), s.comment()));
            }
        }
        old.values().forEach(s -> out.add(Change.of(ChangeKind.SCHEMA_DROPPED, s.name(), s.name(), null)));
    }

    private static void relations(Snapshot before, Snapshot after, List<Change> out) {
        Map<String, SnapshotRelation> dropped = new LinkedHashMap<>();
        before.relations().forEach(r -> dropped.put(r.qualifiedName(), r));
        List<SnapshotRelation> added = new ArrayList<>();
        for (SnapshotRelation r : after.relations()) {
            SnapshotRelation o = dropped.remove(r.qualifiedName());
            if (o == null) {
                added.add(r);
            } else {
                RelationDiff.compare(o, r, out);
            }
        }
        renames(dropped, added, out);
        for (SnapshotRelation r : dropped.values()) {
            out.add(Change.of(ChangeKind.TABLE_DROPPED, r.qualifiedName(), r.kind(), null));
        }
        for (SnapshotRelation r : added) {
            out.add(Change.of(ChangeKind.TABLE_ADDED, r.qualifiedName(), null, r.kind() + " ("
                    + String.join(", ", r.shape()) + ")"));
        }
    }

    /**
     * A dropped and an added relation of the same kind with exactly the same columns (names and types, in order)
     * are a rename or a move to another schema. Only one-to-one matches count: two look-alike tables are left as
     * drops and adds rather than guessed at.
     */
    private static void renames(Map<String, SnapshotRelation> dropped, List<SnapshotRelation> added,
                                List<Change> out) {
        for (SnapshotRelation gone : new ArrayList<>(dropped.values())) {
            if (gone.columns().isEmpty()) continue;
            List<SnapshotRelation> candidates = added.stream()
                    .filter(a -> a.kind().equals(gone.kind()) && a.shape().equals(gone.shape())).toList();
            long rivals = dropped.values().stream()
                    .filter(d -> d.kind().equals(gone.kind()) && d.shape().equals(gone.shape())).count();
            if (candidates.size() != 1 || rivals != 1) continue;
            SnapshotRelation renamed = candidates.get(0);
            out.add(Change.of(ChangeKind.TABLE_RENAMED, gone.qualifiedName(), gone.qualifiedName(),
                    renamed.qualifiedName()));
            dropped.remove(gone.qualifiedName());
            added.remove(renamed);
            // Whatever else changed with the rename (comments, indexes…) is still worth seeing.
            RelationDiff.compare(gone, renamed, out);
        }
    }
}
