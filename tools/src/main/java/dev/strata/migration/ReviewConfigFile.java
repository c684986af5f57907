package dev.strata.migration;

import dev.strata.guardrail.Severity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code check} config file, YAML:
 * <pre>
 * exclude: [missing-comment, bare-id-primary-key]
 * severity: {timestamp-without-time-zone: error}
 * wide_table_columns: 60
 * small_table_rows: 10000
 * exact_check_rows: 1000000
 * sample_rows: 20000
 * data_check_timeout_ms: 3000
 * file_time_limit_ms: 30000
 * busy_ops_per_second: 10
 * fail_on: warning
 * </pre>
 * Unknown keys and unknown rule ids are errors: a typo must not silently switch a rule back on.
 */
public final class ReviewConfigFile {

    /** The file as written; absent keys keep their defaults. */
    public record Settings(List<String> exclude, Map<String, String> severity, Integer wideTableColumns,
                           Long smallTableRows, Long exactCheckRows, Integer sampleRows, Long dataCheckTimeoutMs,
                           Long fileTimeLimitMs, Double busyOpsPerSecond, String failOn) {
    }

    /** The config and the fail-on threshold it names (null when the file does not say). */
    public record Loaded(ReviewConfig config, Severity failOn) {
    }

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReviewConfigFile() {
    }

    public static Loaded load(Path file) {
        Settings s;
        try {
            String text = Files.readString(file);
            s = text.isBlank() ? null : YAML.readValue(text, Settings.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
        }
        ReviewConfig d = ReviewConfig.DEFAULT;
        if (s == null) return new Loaded(d, null);
        Set<String> exclude = Set.copyOf(s.exclude() == null ? List.of() : s.exclude());
        for (String id : exclude) known(file, id);
        Map<String, Severity> severity = new HashMap<>();
        if (s.severity() != null) {
            s.severity().forEach((id, level) -> severity.put(known(file, id), severity(file, level)));
        }
        ReviewConfig config = new ReviewConfig(exclude, severity,
                s.wideTableColumns() != null ? s.wideTableColumns() : d.wideTableColumns(),
                s.smallTableRows() != null ? s.smallTableRows() : d.smallTableRows(),
                s.exactCheckRows() != null ? s.exactCheckRows() : d.exactCheckRows(),
                s.sampleRows() != null ? s.sampleRows() : d.sampleRows(),
                s.dataCheckTimeoutMs() != null ? Duration.ofMillis(s.dataCheckTimeoutMs()) : d.dataCheckTimeout(),
                s.fileTimeLimitMs() != null ? Duration.ofMillis(Math.max(1, s.fileTimeLimitMs())) : d.fileTimeLimit(),
                s.busyOpsPerSecond() != null ? s.busyOpsPerSecond() : d.busyOpsPerSecond());
        return new Loaded(config, s.failOn() == null ? null : severity(file, s.failOn()));
    }

    private static String known(Path file, String id) {
        if (MigrationRules.byId(id).isEmpty()) {
            throw new IllegalArgumentException(file + ": unknown rule id '" + id + "'");
        }
        return id;
    }

    public static Severity severity(Object where, String level) {
        try {
            return Severity.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": severity must be error, warning or info, got '" + level + "'");
        }
    }
}
