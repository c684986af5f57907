package dev.strata.relationships;

import java.util.Map;

/**
 * Reads which values a polymorphic type column actually holds, with the share of rows holding each. The database
 * implementation reads {@code pg_stats} first and a bounded sample second; tests may read a fixed map.
 */
@FunctionalInterface
public interface TypeValueSource {

    /** Values with their row fractions (0..1), most frequent first; empty if unknown. */
    ObservedValues values(String schema, String table, String column);

    /** The values seen and where the figures came from ({@code pg_stats}, {@code sample}). */
    record ObservedValues(Map<String, Double> fractions, String source) {
        public static ObservedValues none() {
            return new ObservedValues(Map.of(), "none");
        }
    }
}
