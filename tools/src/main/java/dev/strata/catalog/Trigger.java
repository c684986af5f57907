package dev.strata.catalog;

/** A user trigger: logic that runs on writes and that no column or constraint shows. */
public record Trigger(String name, String definition, boolean enabled) {
}
