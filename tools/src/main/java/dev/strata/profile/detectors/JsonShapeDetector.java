package dev.strata.profile.detectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.strata.profile.JsonShapes;
import dev.strata.profile.ValueSample;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * JSON columns and text columns holding JSON: every key path with the share of JSON rows holding it,
 * generations grouped by top-level key set, and the share of values that are not JSON at all. A path present in
 * only some generations is the classic {@code payload->>'action'} that silently finds half the rows.
 */
public final class JsonShapeDetector implements ColumnDetector {

    private static final int MAX_PATHS = 60;
    private static final int MAX_SETS = 500;
    private static final int MAX_PARSED = 5_000;

    /** One generation: a top-level key set and its share of the JSON rows. */
    public record Generation(List<String> keys, double fraction) {
    }

    /**
     * @param paths           path → share of JSON rows holding it
     * @param notJsonFraction share of non-null values that are not JSON (text columns), else null
     * @param pathSets        full path set → share of JSON rows, for coverage of alternatives (not serialised)
     */
    public record JsonShape(Map<String, Double> paths, List<Generation> generations, Double notJsonFraction,
                            Integer truncatedValues, @JsonIgnore Map<Set<String>, Double> pathSets) {

        /**
         * Share of JSON rows in generations that hold none of {@code alternatives}. A generation here is a
         * top-level key set without the alternatives' own top-level keys, so a key that is merely optional (present
         * in some rows of every generation) is not "missing", while a key that a whole generation lacks is.
         */
        public double uncovered(Collection<String> alternatives) {
            Set<String> heads = new java.util.HashSet<>();
            for (String a : alternatives) heads.add(a.contains(".") ? a.substring(0, a.indexOf('.')) : a);
            Map<Set<String>, double[]> generations = new LinkedHashMap<>();
            double all = 0;
            for (Map.Entry<Set<String>, Double> e : pathSets.entrySet()) {
                Set<String> gen = new TreeSet<>();
                for (String p : e.getKey()) if (!p.contains(".") && !heads.contains(p)) gen.add(p);
                double[] g = generations.computeIfAbsent(gen, k -> new double[2]);
                g[0] += e.getValue();
                all += e.getValue();
                for (String a : alternatives) {
                    if (e.getKey().contains(a)) {
                        g[1] = 1;
                        break;
                    }
                }
            }
            double uncovered = 0;
            for (double[] g : generations.values()) if (g[1] == 0) uncovered += g[0];
            return all == 0 ? 1 : uncovered / all;
        }

        public double share(String path) {
            return paths.getOrDefault(path, 0.0);
        }
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public Optional<Object> detect(ValueSample sample, UnaryOperator<String> show) {
        String type = sample.column().baseType();
        boolean jsonType = type.equals("json") || type.equals("jsonb");
        if ((!jsonType && sample.column().typeCategory() != 'S') || sample.isEmpty()) return Optional.empty();
        Map<String, Double> pathWeight = new LinkedHashMap<>();
        Map<Set<String>, Double> sets = new LinkedHashMap<>();
        Map<List<String>, Double> generations = new LinkedHashMap<>();
        double json = 0;
        double notJson = 0;
        // Parsing is the costly part of a profile: 5,000 distinct documents describe the key paths as well as
        // 20,000 do. Every n-th value is taken (values are ordered by weight, then text), not the first ones, so the
        // subset spans every shape; shares are relative to what was parsed.
        List<ValueSample.Weighted> values = sample.values();
        int step = Math.max(1, (values.size() + MAX_PARSED - 1) / MAX_PARSED);
        for (int i = 0; i < values.size(); i += step) {
            ValueSample.Weighted w = values.get(i);
            Set<String> paths = JsonShapes.paths(w.value());
            if (paths == null) {
                notJson += w.weight();
                continue;
            }
            json += w.weight();
            for (String p : paths) pathWeight.merge(p, w.weight(), Double::sum);
            if (sets.size() < MAX_SETS || sets.containsKey(paths)) sets.merge(paths, w.weight(), Double::sum);
            List<String> top = new ArrayList<>(new TreeSet<>(paths.stream().filter(p -> !p.contains(".")).toList()));
            generations.merge(top, w.weight(), Double::sum);
        }
        double all = json + notJson;
        // Text that is mostly not JSON is just text; a JSON column is always reported.
        if (json == 0 || (!jsonType && json / all < 0.2)) return Optional.empty();
        final double j = json;
        Map<String, Double> paths = new LinkedHashMap<>();
        pathWeight.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey())).limit(MAX_PATHS)
                .forEach(e -> paths.put(e.getKey(), ColumnDetector.round(e.getValue() / j)));
        List<Generation> gens = generations.entrySet().stream()
                .map(e -> new Generation(e.getKey(), ColumnDetector.round(e.getValue() / j)))
                .sorted(Comparator.comparingDouble(Generation::fraction).reversed()).limit(10).toList();
        return Optional.of(new JsonShape(paths, gens, jsonType ? null : ColumnDetector.round(notJson / all),
                sample.truncated() > 0 ? sample.truncated() : null, sets));
    }
}
