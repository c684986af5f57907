package dev.strata.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the data says about one column (CONTRACT.md, {@code profile_column}). {@code source} is where the top
 * values came from; {@code sources} names the source of every other figure, since one profile mixes free
 * {@code pg_stats} figures with sampled ones. {@code partial} says what could not be read and why (timeouts,
 * oversized values, an estimate the sample contradicts).
 *
 * @param detectors detector name → its evidence (only detectors that found something)
 * @param values    the complete set of values when the profile can vouch for it (exact read, or most common
 *                  values covering every row), else null; raw values, never serialised
 * @param casts     per cast target (date, json, integer): how many sampled values fail it; never serialised
 */
public record ColumnProfile(String table, String column, String type, String source, Double nullFraction,
                            Long distinctEstimate, List<ValueCount> topValues, String min, String max,
                            Map<String, Object> detectors, boolean masked, Map<String, String> sources,
                            Integer rowsSampled, List<String> partial,
                            @JsonIgnore Set<String> values, @JsonIgnore Map<String, CastCheck> casts) {

    /** How sampled values fare under a cast: the share (of non-null values) that fails, and a few of them. */
    public record CastCheck(double failShare, List<String> failing, String source) {
    }

    /** A detector's evidence, typed; empty when that detector found nothing here. */
    public <T> java.util.Optional<T> detector(String name, Class<T> type) {
        Object v = detectors == null ? null : detectors.get(name);
        return type.isInstance(v) ? java.util.Optional.of(type.cast(v)) : java.util.Optional.empty();
    }
}
