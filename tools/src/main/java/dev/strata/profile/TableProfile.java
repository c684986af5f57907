package dev.strata.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Optional;

/**
 * {@code profile_table}: every column's profile and the table-level findings. {@code modifications} is the
 * {@code pg_stat_user_tables} write counter when the profile was taken, so the cache can tell when the table has
 * changed enough to profile again.
 */
public record TableProfile(String table, Long rowsEstimate, String sampleMethod, Integer rowsSampled,
                           long elapsedMs, List<ColumnProfile> columns, List<TableFinding> findings,
                           List<String> partial, @JsonIgnore long modifications, @JsonIgnore long takenAtNanos) {

    public Optional<ColumnProfile> column(String name) {
        return columns.stream().filter(c -> c.column().equals(name)).findFirst();
    }
}
