package dev.strata.query;

import java.util.List;

/**
 * What a read-only query returned.
 *
 * @param truncated   why rows stop early: {@code max_rows}, {@code max_result_bytes}, or null when complete
 * @param cutValues   how many values were longer than the per-value limit and were cut
 */
public record QueryResult(List<ResultColumn> columns, List<List<Object>> rows, int rowCount, String truncated,
                          int cutValues, long elapsedMs) {

    /** A result column: its name and its PostgreSQL type. */
    public record ResultColumn(String name, String type) {
    }
}
