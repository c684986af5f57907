package dev.strata.drift;

/** A user trigger, compared by its full definition and whether it is enabled. */
public record SnapshotTrigger(String name, String definition, boolean enabled) {

    String describe() {
        return definition + (enabled ? "" : " (disabled)");
    }
}
