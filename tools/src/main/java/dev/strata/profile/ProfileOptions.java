package dev.strata.profile;

import java.time.Duration;

/**
 * How much a profile may cost and what it may show.
 *
 * @param sampleRows       rows read per table at most; tables with fewer rows are read whole (exact figures)
 * @param mask             mask values of columns that look personal (the default; {@code --no-mask} turns it off)
 * @param statementTimeout server-side limit of each profiling query; a query that hits it leaves a partial profile
 * @param guardBudget      limit of the on-demand {@code pg_stats} read the guardrail may do while validating
 */
public record ProfileOptions(int sampleRows, boolean mask, Duration statementTimeout, Duration guardBudget) {

    public static final int DEFAULT_SAMPLE_ROWS = 20_000;

    public static ProfileOptions defaults() {
        return new ProfileOptions(DEFAULT_SAMPLE_ROWS, true, Duration.ofSeconds(5), Duration.ofMillis(150));
    }

    public ProfileOptions withSampleRows(int rows) {
        return new ProfileOptions(rows, mask, statementTimeout, guardBudget);
    }

    public ProfileOptions withMask(boolean m) {
        return new ProfileOptions(sampleRows, m, statementTimeout, guardBudget);
    }

    public ProfileOptions withStatementTimeout(Duration d) {
        return new ProfileOptions(sampleRows, mask, d, guardBudget);
    }
}
