package dev.strata.drift;

import dev.strata.migration.ddl.TypeName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Column changes of a table: added, dropped, renamed, and each property of a column present in both. */
final class ColumnDiff {

    private ColumnDiff() {
    }

    static void compare(SnapshotRelation before, SnapshotRelation after, List<Change> out) {
        String table = after.qualifiedName();
        Map<String, SnapshotColumn> dropped = new LinkedHashMap<>();
        before.columns().forEach(c -> dropped.put(c.name(), c));
        List<SnapshotColumn> added = new ArrayList<>();
        for (SnapshotColumn c : after.columns()) {
            SnapshotColumn o = dropped.remove(c.name());
            if (o == null) {
                added.add(c);
            } else {
                properties(table + "." + c.name(), o, c, out);
            }
        }
        // RENAME COLUMN keeps attnum; a dropped column's number is never reused, so an added column with the
        // dropped one's position and type is the same column under a new name.
        for (SnapshotColumn gone : new ArrayList<>(dropped.values())) {
            SnapshotColumn renamed = added.stream()
                    .filter(a -> a.position() == gone.position() && a.type().equals(gone.type()))
                    .findFirst().orElse(null);
            if (renamed == null) continue;
            out.add(Change.of(ChangeKind.COLUMN_RENAMED, table + "." + gone.name(), gone.name(), renamed.name()));
            properties(table + "." + renamed.name(), gone, renamed, out);
            dropped.remove(gone.name());
            added.remove(renamed);
        }
        for (SnapshotColumn c : dropped.values()) {
            out.add(Change.of(ChangeKind.COLUMN_DROPPED, table + "." + c.name(), c.describe(), null));
        }
        for (SnapshotColumn c : added) {
            // Existing INSERTs leave the new column out: they fail when it is NOT NULL with no value source.
            boolean breaking = !c.nullable() && c.valueSource() == null;
            out.add(Change.of(ChangeKind.COLUMN_ADDED, table + "." + c.name(), null, c.describe(), breaking));
        }
    }

    private static void properties(String object, SnapshotColumn before, SnapshotColumn after, List<Change> out) {
        if (!before.type().equals(after.type())) {
            out.add(Change.of(ChangeKind.COLUMN_TYPE_CHANGED, object, before.type(), after.type(),
                    !keepsEveryValue(before.type(), after.type())));
        }
        if (before.nullable() != after.nullable()) {
            out.add(Change.of(ChangeKind.COLUMN_NULLABILITY, object, nullability(before), nullability(after),
                    !after.nullable()));
        }
        String oldSource = before.valueSource();
        String newSource = after.valueSource();
        if (!Objects.equals(oldSource, newSource)) {
            boolean losesSource = !after.nullable() && newSource == null;
            boolean becomesGenerated = after.generated() != null && before.generated() == null
                    || "always".equals(after.identity()) && !"always".equals(before.identity());
            out.add(Change.of(ChangeKind.COLUMN_DEFAULT_CHANGED, object, oldSource, newSource,
                    losesSource || becomesGenerated));
        }
        if (!Objects.equals(before.comment(), after.comment())) {
            out.add(Change.of(ChangeKind.COMMENT_CHANGED, object, before.comment(), after.comment()));
        }
    }

    /** Widening that PostgreSQL does without a rewrite is exactly the change every stored value survives. */
    static boolean keepsEveryValue(String before, String after) {
        try {
            return TypeName.fromCatalog(before).changesWithoutRewriteTo(TypeName.fromCatalog(after));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String nullability(SnapshotColumn c) {
        return c.nullable() ? "NULL" : "NOT NULL";
    }
}
