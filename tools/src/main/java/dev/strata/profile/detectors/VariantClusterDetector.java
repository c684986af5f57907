package dev.strata.profile.detectors;

import dev.strata.profile.ValueCount;
import dev.strata.profile.ValueSample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Case and whitespace variants of one value ({@code Acme Corp}, {@code acme corp}, {@code Acme Corp }): values
 * grouped by {@code lower(btrim(collapse spaces))}, reported when a group has several spellings. An equality on
 * one spelling silently misses the others.
 */
public final class VariantClusterDetector implements ColumnDetector {

    private static final int MAX_CLUSTERS = 10;

    /** {@code spellings}: each raw spelling with its share of all rows. */
    public record Cluster(String normalised, double fraction, List<ValueCount> spellings) {
    }

    public record Variants(List<Cluster> clusters, int clustersFound) {
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    public static String normalise(String v) {
        return SPACES.matcher(v.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    @Override
    public String name() {
        return "variants";
    }

    @Override
    public Optional<Object> detect(ValueSample sample, UnaryOperator<String> show) {
        if (sample.column().typeCategory() != 'S' || sample.isEmpty()) return Optional.empty();
        Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
        for (ValueSample.Weighted w : sample.values()) {
            groups.computeIfAbsent(normalise(w.value()), k -> new LinkedHashMap<>()).merge(w.value(), w.weight(),
                    Double::sum);
        }
        List<Cluster> clusters = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> g : groups.entrySet()) {
            if (g.getValue().size() < 2) continue;
            double total = g.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
            List<ValueCount> spellings = g.getValue().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> new ValueCount(show.apply(e.getKey()), ColumnDetector.round(e.getValue()))).toList();
            clusters.add(new Cluster(show.apply(g.getKey()), ColumnDetector.round(total), spellings));
        }
        if (clusters.isEmpty()) return Optional.empty();
        clusters.sort(Comparator.comparingDouble(Cluster::fraction).reversed());
        int found = clusters.size();
        return Optional.of(new Variants(List.copyOf(clusters.subList(0, Math.min(MAX_CLUSTERS, found))), found));
    }
}
