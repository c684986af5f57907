package dev.strata.drift;

import dev.strata.catalog.ForeignKey;

import java.util.List;

/**
 * A foreign key. Compared by {@link #describe()} (columns, target, actions): its name is not behaviour.
 *
 * @param references the target table, {@code schema.name}
 */
public record SnapshotForeignKey(String name, List<String> columns, String references, List<String> referencedColumns,
                                 String onDelete, String onUpdate, boolean validated) {

    public SnapshotForeignKey {
        columns = columns == null ? List.of() : List.copyOf(columns);
        referencedColumns = referencedColumns == null ? List.of() : List.copyOf(referencedColumns);
    }

    static SnapshotForeignKey of(ForeignKey fk) {
        return new SnapshotForeignKey(fk.name(), fk.columns(), fk.targetQualifiedName(), fk.targetColumns(),
                fk.onDelete(), fk.onUpdate(), fk.validated());
    }

    String describe() {
        return "(" + String.join(", ", columns) + ") REFERENCES " + references + " ("
                + String.join(", ", referencedColumns) + ")"
                + (onDelete.equals("no action") ? "" : " ON DELETE " + onDelete.toUpperCase(java.util.Locale.ROOT))
                + (onUpdate.equals("no action") ? "" : " ON UPDATE " + onUpdate.toUpperCase(java.util.Locale.ROOT));
    }
}
