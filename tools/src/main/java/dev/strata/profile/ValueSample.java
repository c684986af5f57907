package dev.strata.profile;

import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;

import java.util.List;

/**
 * The values a detector looks at, each with the share of all rows it stands for. One shape for every source: a
 * sample (each distinct value weighs count / rows), a whole small table (exact), or {@code pg_stats} alone (most
 * common values weigh their frequency, histogram bounds share what is left) — so detectors need not care where
 * the values came from, and say so through {@link #source()}.
 *
 * @param values    distinct non-null values, most frequent first, weights as shares of all rows
 * @param nullShare share of rows that are NULL
 * @param rows      rows read (0 for pg_stats)
 * @param oversized non-null values too large to fetch (counted, never read into the JVM)
 * @param truncated values fetched only in part (their text is a prefix)
 */
public record ValueSample(Relation table, Column column, List<Weighted> values, double nullShare, int rows,
                          int oversized, int truncated, String source) {

    /** One distinct value and the share of rows holding it. */
    public record Weighted(String value, double weight) {
    }

    /** Share of rows with a non-null value (the sum of the weights). */
    public double nonNullShare() {
        double s = 0;
        for (Weighted w : values) s += w.weight;
        return s;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
