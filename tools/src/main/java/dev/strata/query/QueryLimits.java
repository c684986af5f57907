package dev.strata.query;

import java.time.Duration;

/**
 * Bounds on one query's execution. Everything is enforced by PostgreSQL or while streaming, never after loading.
 *
 * @param maxValueChars longest text kept per value; longer values are cut server-side, so one 200 MB value never
 *                      crosses the wire whole
 */
public record QueryLimits(Duration statementTimeout, Duration lockTimeout, int maxRows, long maxResultBytes,
                          int maxValueChars) {

    public static QueryLimits defaults() {
        return new QueryLimits(Duration.ofSeconds(10), Duration.ofSeconds(2), 500, 1024 * 1024, 10_000);
    }

    public QueryLimits withMaxRows(int rows) {
        return new QueryLimits(statementTimeout, lockTimeout, rows, maxResultBytes, maxValueChars);
    }
}
