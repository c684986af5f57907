package dev.strata.drift;

/** A schema (namespace) and its comment. */
public record SnapshotSchema(String name, String comment) {
}
