package dev.strata.migration;

import dev.strata.guardrail.Severity;
import dev.strata.text.Naming;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What a team tunes: rules switched off, severities changed, and the thresholds behind the judgements. Read from
 * a small YAML file ({@code .strata.yml}) by the {@code check} command; defaults otherwise.
 *
 * @param exclude          rule ids that never report
 * @param severity         per-rule severity overrides
 * @param wideTableColumns {@code wide-table} fires when a table already has more columns than this
 * @param smallTableRows   lock and rewrite findings on tables with fewer (estimated) rows drop to info
 * @param exactCheckRows   {@code existing-rows-violate} counts exactly up to this many rows, samples above
 * @param sampleRows       rows a bounded data check reads on a large table
 * @param dataCheckTimeout statement_timeout of each data check
 * @param fileTimeLimit    how long {@code check} spends on one file at most; a file it cannot finish in time is
 *                         reported as not fully analysed (never a hang)
 * @param busyOpsPerSecond a table with at least this many reads and writes per second ({@code pg_stat_user_tables}
 *                         since the last statistics reset) is busy: a blocking lock on it without lock_timeout
 *                         is a warning whatever its size
 */
public record ReviewConfig(Set<String> exclude, Map<String, Severity> severity, int wideTableColumns,
                           long smallTableRows, long exactCheckRows, int sampleRows, Duration dataCheckTimeout,
                           Duration fileTimeLimit, double busyOpsPerSecond) {

    public static final ReviewConfig DEFAULT = new ReviewConfig(Set.of(), Map.of(), Naming.WIDE_TABLE_COLUMNS, 10_000, 1_000_000, 20_000,
            Duration.ofSeconds(3), Duration.ofSeconds(30), 10.0);

    public ReviewConfig {
        exclude = Set.copyOf(exclude);
        severity = Map.copyOf(severity);
    }

    public ReviewConfig(Set<String> exclude, Map<String, Severity> severity, int wideTableColumns, long smallTableRows,
                        long exactCheckRows, int sampleRows, Duration dataCheckTimeout) {
        this(exclude, severity, wideTableColumns, smallTableRows, exactCheckRows, sampleRows, dataCheckTimeout,
                Duration.ofSeconds(30), 10.0);
    }

    public ReviewConfig withSampleRows(int rows) {
        return new ReviewConfig(exclude, severity, wideTableColumns, smallTableRows, exactCheckRows, rows,
                dataCheckTimeout, fileTimeLimit, busyOpsPerSecond);
    }

    public ReviewConfig withFileTimeLimit(Duration limit) {
        return new ReviewConfig(exclude, severity, wideTableColumns, smallTableRows, exactCheckRows, sampleRows,
                dataCheckTimeout, limit, busyOpsPerSecond);
    }
}
