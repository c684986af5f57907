package dev.strata.drift;

import java.util.List;
import java.util.Objects;

/** What changed inside one relation present in both snapshots (matched by name, or as a detected rename). */
final class RelationDiff {

    private RelationDiff() {
    }

    static void compare(SnapshotRelation before, SnapshotRelation after, List<Change> out) {
        String object = after.qualifiedName();
        if (!before.kind().equals(after.kind())) {
            out.add(Change.of(ChangeKind.KIND_CHANGED, object, before.kind(), after.kind()));
        }
        if (!Objects.equals(before.comment(), after.comment())) {
            out.add(Change.of(ChangeKind.COMMENT_CHANGED, object, before.comment(), after.comment()));
        }
        if (before.isView() || after.isView()) {
            ViewDiff.compare(before, after, out);
        } else {
            ColumnDiff.compare(before, after, out);
        }
        ConstraintDiff.compare(before, after, out);
    }
}
