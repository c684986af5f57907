package dev.strata.profile.detectors;

import dev.strata.profile.DateFormats;
import dev.strata.profile.ValueSample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Text columns that hold dates: each format and its share of the non-null values, the ambiguous slash dates, and
 * what is not a date at all. Several formats, or one whose text order is not date order, make string comparison
 * and sorting wrong.
 */
public final class DateTextDetector implements ColumnDetector {

    /** {@code formats}: format → share of non-null values. */
    public record DateText(Map<String, Double> formats, double notDateFraction, List<String> examples) {
        /** Comparing or sorting the text disagrees with date order. */
        public boolean unsafeToCompare() {
            long kinds = formats.keySet().stream().map(f -> f.equals(DateFormats.SLASH_AMBIGUOUS) ? DateFormats.US : f)
                    .distinct().count();
            return kinds > 1 || formats.keySet().stream().anyMatch(f -> !DateFormats.sortsAsText(f));
        }
    }

    @Override
    public String name() {
        return "date_text";
    }

    @Override
    public Optional<Object> detect(ValueSample sample, UnaryOperator<String> show) {
        if (sample.column().typeCategory() != 'S' || sample.isEmpty()) return Optional.empty();
        Map<String, Double> shares = new LinkedHashMap<>();
        Map<String, String> example = new LinkedHashMap<>();
        double all = sample.nonNullShare();
        double dated = 0;
        for (ValueSample.Weighted w : sample.values()) {
            String f = DateFormats.format(w.value());
            if (f == null) continue;
            dated += w.weight();
            shares.merge(f, w.weight(), Double::sum);
            example.putIfAbsent(f, show.apply(w.value()));
        }
        if (all <= 0 || dated / all < 0.5) return Optional.empty();
        Map<String, Double> formats = new LinkedHashMap<>();
        shares.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> formats.put(e.getKey(), ColumnDetector.round(e.getValue() / all)));
        return Optional.of(new DateText(formats, ColumnDetector.round(1 - dated / all),
                List.copyOf(example.values())));
    }
}
