package dev.strata.drift;

import java.util.List;
import java.util.Objects;

/**
 * A view is judged by what its readers see: the column names and types in order. A new query behind the same
 * columns is additive; column comments are compared like a table's.
 */
final class ViewDiff {

    private ViewDiff() {
    }

    static void compare(SnapshotRelation before, SnapshotRelation after, List<Change> out) {
        String object = after.qualifiedName();
        if (!before.shape().equals(after.shape())) {
            out.add(Change.of(ChangeKind.VIEW_COLUMNS_CHANGED, object, String.join(", ", before.shape()),
                    String.join(", ", after.shape())));
        } else if (!Objects.equals(before.definition(), after.definition())) {
            out.add(Change.of(ChangeKind.VIEW_DEFINITION_CHANGED, object, before.definition(), after.definition()));
        }
        for (SnapshotColumn c : after.columns()) {
            before.column(c.name()).filter(o -> !Objects.equals(o.comment(), c.comment())).ifPresent(o ->
                    out.add(Change.of(ChangeKind.COMMENT_CHANGED, object + "." + c.name(), o.comment(), c.comment())));
        }
    }
}
