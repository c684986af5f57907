package dev.strata.drift;

import dev.strata.catalog.Index;

import java.util.List;

/**
 * An index that does not back a constraint (those are the keys themselves). {@code valid} is left out: an
 * index being built concurrently is a moment, not a schema.
 */
public record SnapshotIndex(String name, List<String> columns, boolean unique, String method, String predicate) {

    public SnapshotIndex {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    static SnapshotIndex of(Index i) {
        return new SnapshotIndex(i.name(), i.columns(), i.unique(), i.method(), i.predicate());
    }

    String describe() {
        return (unique ? "UNIQUE " : "") + name + " USING " + method + " (" + String.join(", ", columns) + ")"
                + (predicate == null ? "" : " WHERE " + predicate);
    }
}
