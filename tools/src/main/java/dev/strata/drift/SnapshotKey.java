package dev.strata.drift;

import java.util.List;

/** A primary key or unique constraint. Compared by its columns: renaming the constraint changes no behaviour. */
public record SnapshotKey(String name, List<String> columns) {

    public SnapshotKey {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    String describe() {
        return "(" + String.join(", ", columns) + ")";
    }
}
