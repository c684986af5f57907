package dev.strata.drift;

/** A CHECK or EXCLUDE constraint, compared by its definition. */
public record SnapshotCheck(String name, String definition, boolean validated) {
}
