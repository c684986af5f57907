package dev.strata.profile;

import java.util.Map;

/**
 * A table-level observation of {@code profile_table}: soft-delete coverage, test rows, JSON generations,
 * polymorphic targets. {@code evidence} carries the numbers.
 */
public record TableFinding(String kind, String column, String message, Map<String, Object> evidence) {
}
