package dev.strata.drift;

import java.util.Comparator;

/**
 * One difference between two snapshots.
 *
 * @param kind     one of {@link ChangeKind}'s ids, e.g. {@code column_dropped}
 * @param object   what changed: {@code schema}, {@code schema.table}, {@code schema.table.column} or
 *                 {@code schema.table.constraint_or_index}
 * @param before   the old state in one phrase (null when the object is new)
 * @param after    the new state in one phrase (null when the object is gone)
 * @param breaking whether existing readers or writers of the old schema can fail or silently change meaning
 */
public record Change(String kind, String object, String before, String after, boolean breaking) {

    /** Breaking first, then by object and kind, so the same two snapshots always list the same way. */
    public static final Comparator<Change> ORDER = Comparator.comparing((Change c) -> !c.breaking())
            .thenComparing(Change::object).thenComparing(Change::kind)
            .thenComparing(c -> c.before == null ? "" : c.before).thenComparing(c -> c.after == null ? "" : c.after);

    static Change of(ChangeKind kind, String object, String before, String after, boolean breaking) {
        return new Change(kind.id(), object, before, after, breaking);
    }

    /** For kinds whose classification never depends on the details. */
    static Change of(ChangeKind kind, String object, String before, String after) {
        return of(kind, object, before, after, kind.alwaysBreaking());
    }
}
