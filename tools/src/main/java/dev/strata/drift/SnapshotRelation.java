package dev.strata.drift;

import dev.strata.catalog.Key;
import dev.strata.catalog.Relation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A table, view, materialized view, partitioned or foreign table. Lists are sorted (columns by position, the
 * rest by name) so the order PostgreSQL happens to return them in never shows up as a change.
 *
 * @param definition the SELECT of a view or materialized view, else null
 */
public record SnapshotRelation(String schema, String name, String kind, String comment, boolean partition,
                               List<SnapshotColumn> columns, SnapshotKey primaryKey, List<SnapshotKey> uniqueKeys,
                               List<SnapshotForeignKey> foreignKeys, List<SnapshotCheck> checks,
                               List<SnapshotIndex> indexes, String definition, List<SnapshotTrigger> triggers) {

    public SnapshotRelation {
        columns = sorted(columns, Comparator.comparingInt(SnapshotColumn::position));
        uniqueKeys = sorted(uniqueKeys, Comparator.comparing(SnapshotKey::name));
        foreignKeys = sorted(foreignKeys, Comparator.comparing(SnapshotForeignKey::name));
        checks = sorted(checks, Comparator.comparing(SnapshotCheck::name));
        indexes = sorted(indexes, Comparator.comparing(SnapshotIndex::name));
        triggers = sorted(triggers, Comparator.comparing(SnapshotTrigger::name));
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        return list == null ? List.of() : list.stream().sorted(order).toList();
    }

    static SnapshotRelation of(Relation r) {
        Optional<Key> pk = r.primaryKey();
        // Indexes that back a primary key, unique or exclusion constraint are the constraint: listing them again
        // would report every new unique key twice.
        Set<String> constraintNames = r.keys().stream().map(Key::name).collect(Collectors.toSet());
        r.checks().forEach(c -> constraintNames.add(c.name()));
        return new SnapshotRelation(r.schema(), r.name(), r.kind().label(), r.comment(), r.partition(),
                r.columns().stream().map(SnapshotColumn::of).toList(),
                pk.map(k -> new SnapshotKey(k.name(), k.columns())).orElse(null),
                r.keys().stream().filter(k -> !k.primary()).map(k -> new SnapshotKey(k.name(), k.columns())).toList(),
                r.foreignKeys().stream().map(SnapshotForeignKey::of).toList(),
                r.checks().stream().map(c -> new SnapshotCheck(c.name(), c.definition(), c.validated())).toList(),
                r.indexes().stream().filter(i -> !constraintNames.contains(i.name())).map(SnapshotIndex::of).toList(),
                r.viewDefinition(),
                r.triggers().stream().map(t -> new SnapshotTrigger(t.name(), t.definition(), t.enabled())).toList());
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    public Optional<SnapshotColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    boolean isView() {
        return kind.equals("view") || kind.equals("materialized_view");
    }

    /** Column names and types in order: what a table rename keeps and what a view's readers see. */
    List<String> shape() {
        return columns.stream().map(c -> c.name() + " " + c.type()).toList();
    }
}
