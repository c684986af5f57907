package dev.strata.drift;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Keys, foreign keys, checks, indexes and triggers of one relation. Each is identified by its definition, so a
 * redefinition shows as a drop plus an add (the drop carries the classification) and a mere rename shows nothing.
 */
final class ConstraintDiff {

    private ConstraintDiff() {
    }

    static void compare(SnapshotRelation before, SnapshotRelation after, List<Change> out) {
        String table = after.qualifiedName();
        primaryKey(table, before.primaryKey(), after.primaryKey(), out);
        sets(table, before.uniqueKeys(), after.uniqueKeys(), SnapshotKey::name, SnapshotKey::describe,
                ChangeKind.UNIQUE_KEY_ADDED, ChangeKind.UNIQUE_KEY_DROPPED, out);
        sets(table, before.foreignKeys(), after.foreignKeys(), SnapshotForeignKey::name,
                SnapshotForeignKey::describe, ChangeKind.FOREIGN_KEY_ADDED, ChangeKind.FOREIGN_KEY_DROPPED, out);
        sets(table, before.checks(), after.checks(), SnapshotCheck::name, SnapshotCheck::definition,
                ChangeKind.CHECK_ADDED, ChangeKind.CHECK_DROPPED, out);
        sets(table, before.indexes(), after.indexes(), SnapshotIndex::name, SnapshotIndex::describe,
                ChangeKind.INDEX_ADDED, ChangeKind.INDEX_DROPPED, out);
        sets(table, before.triggers(), after.triggers(), SnapshotTrigger::name, SnapshotTrigger::describe,
                ChangeKind.TRIGGER_ADDED, ChangeKind.TRIGGER_DROPPED, out);
    }

    /** A new primary key only constrains; losing one or moving it breaks whoever identified rows by it. */
    private static void primaryKey(String table, SnapshotKey before, SnapshotKey after, List<Change> out) {
        String b = before == null ? null : before.describe();
        String a = after == null ? null : after.describe();
        if (Objects.equals(a, b)) return;
        String object = table + "." + (after != null ? after.name() : before.name());
        out.add(Change.of(ChangeKind.PRIMARY_KEY_CHANGED, object, b, a, before != null));
    }

    private static <T> void sets(String table, List<T> before, List<T> after, Function<T, String> name,
                                 Function<T, String> definition, ChangeKind addedKind, ChangeKind droppedKind,
                                 List<Change> out) {
        Map<String, T> old = byDefinition(before, definition);
        Map<String, T> now = byDefinition(after, definition);
        old.forEach((def, item) -> {
            if (!now.containsKey(def)) out.add(Change.of(droppedKind, table + "." + name.apply(item), def, null));
        });
        now.forEach((def, item) -> {
            if (!old.containsKey(def)) out.add(Change.of(addedKind, table + "." + name.apply(item), null, def));
        });
    }

    private static <T> Map<String, T> byDefinition(List<T> items, Function<T, String> definition) {
        Map<String, T> map = new TreeMap<>();
        for (T item : items) map.putIfAbsent(definition.apply(item), item);
        return map;
    }
}
