package dev.strata.relationships;

import dev.strata.relationships.ForeignKeyCorpus.Reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Inferred references scored against declared ones: precision, recall and F1 over every inferred edge, the same
 * at confidence ≥ 0.8, and a calibration table (the share right in each confidence band).
 */
public record ForeignKeyScore(String schema, boolean withData, int declared, int inferred, int correct,
                              int inferredHigh, int correctHigh, Map<String, int[]> calibration,
                              List<String> missed, List<String> wrong) {

    public static final double HIGH = 0.8;
    static final double[] BANDS = {0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01};

    public static ForeignKeyScore of(String schema, boolean withData, Set<Reference> truth, List<Edge> edges) {
        int correct = 0;
        int high = 0;
        int correctHigh = 0;
        Map<String, int[]> calibration = new LinkedHashMap<>();
        for (int i = 0; i < BANDS.length - 1; i++) calibration.put(band(i), new int[2]);
        List<String> wrong = new ArrayList<>();
        java.util.Set<Reference> found = new java.util.HashSet<>();
        for (Edge e : edges) {
            if (e.kind() != EdgeKind.INFERRED) continue;
            Reference r = new Reference(e.fromTable(), e.fromColumns(), e.toTable(), e.toColumns());
            boolean right = truth.contains(r);
            if (right) {
                correct++;
                found.add(r);
            } else {
                wrong.add(String.format(Locale.ROOT, "%.2f %s  [%s]", e.confidence(), r, e.evidence()));
            }
            if (e.confidence() >= HIGH) {
                high++;
                if (right) correctHigh++;
            }
            for (int i = 0; i < BANDS.length - 1; i++) {
                if (e.confidence() >= BANDS[i] && e.confidence() < BANDS[i + 1]) {
                    int[] cell = calibration.get(band(i));
                    cell[0]++;
                    if (right) cell[1]++;
                }
            }
        }
        List<String> missed = truth.stream().filter(r -> !found.contains(r)).map(Reference::toString).toList();
        int inferred = (int) edges.stream().filter(e -> e.kind() == EdgeKind.INFERRED).count();
        return new ForeignKeyScore(schema, withData, truth.size(), inferred, correct, high, correctHigh,
                calibration, missed, wrong);
    }

    private static String band(int i) {
        return String.format(Locale.ROOT, "%.1f–%.1f", BANDS[i], Math.min(1.0, BANDS[i + 1]));
    }

    public double precision() {
        return inferred == 0 ? 1.0 : (double) correct / inferred;
    }

    public double recall() {
        return declared == 0 ? 1.0 : (double) correct / declared;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double precisionHigh() {
        return inferredHigh == 0 ? 1.0 : (double) correctHigh / inferredHigh;
    }

    public double recallHigh() {
        return declared == 0 ? 1.0 : (double) correctHigh / declared;
    }

    /** Sums of several schemas' counts (micro-averages). */
    public static ForeignKeyScore total(String name, boolean withData, List<ForeignKeyScore> scores) {
        Map<String, int[]> calibration = new LinkedHashMap<>();
        List<String> missed = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        int d = 0, i = 0, c = 0, h = 0, ch = 0;
        for (ForeignKeyScore s : scores) {
            d += s.declared;
            i += s.inferred;
            c += s.correct;
            h += s.inferredHigh;
            ch += s.correctHigh;
            s.calibration.forEach((k, v) -> {
                int[] cell = calibration.computeIfAbsent(k, x -> new int[2]);
                cell[0] += v[0];
                cell[1] += v[1];
            });
            missed.addAll(s.missed);
            wrong.addAll(s.wrong);
        }
        return new ForeignKeyScore(name, withData, d, i, c, h, ch, calibration, missed, wrong);
    }

    /** One Markdown table row: schema | rows | declared | inferred | P | R | F1 | P@0.8 (n) | R@0.8. */
    public String row() {
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %.2f | %.2f | **%.2f** | **%.2f** (%d) | %.2f |",
                schema, withData ? "yes" : "no", declared, inferred, precision(), recall(), f1(), precisionHigh(),
                inferredHigh, recallHigh());
    }

    public String calibrationRow() {
        StringBuilder sb = new StringBuilder("| " + schema + " |");
        calibration.forEach((k, v) -> sb.append(v[0] == 0 ? " – |" : String.format(Locale.ROOT, " %d/%d |", v[1], v[0])));
        return sb.toString();
    }

    @Override
    public String toString() {
        return row();
    }
}
