package dev.strata.text;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Name similarity for "did you mean" answers. Jaro-Winkler rewards shared prefixes (users/user_accounts),
 * normalised Levenshtein catches transpositions (ordres/orders); the better of the two wins.
 */
public final class Similarity {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    private Similarity() {
    }

    /** 0..1, 1 for names equal ignoring case and underscores. */
    public static double score(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        if (x.equals(y)) return 1.0;
        if (x.isEmpty() || y.isEmpty()) return 0.0;
        double jw = JARO_WINKLER.apply(x, y);
        int max = Math.max(x.length(), y.length());
        double lev = 1.0 - (double) LEVENSHTEIN.apply(x, y) / max;
        double contains = (x.contains(y) || y.contains(x)) ? 0.85 : 0.0;
        return Math.max(Math.max(jw, lev), contains);
    }

    public static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace("\"", "").replace('_', ' ').trim();
    }

    /** Keys of {@code scores} at or above {@code floor}, best first, at most {@code limit}. */
    public static List<String> best(Map<String, Double> scores, int limit, double floor) {
        return scores.entrySet().stream()
                .filter(e -> e.getValue() >= floor)
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }
}
