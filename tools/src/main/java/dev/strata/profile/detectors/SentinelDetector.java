package dev.strata.profile.detectors;

import dev.strata.profile.ValueSample;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Sentinel and test rows: epoch-zero and far-future timestamps, zero and all-zero ids, zero dates in text,
 * {@code test}/{@code DO_NOT_USE}-style markers, and single values that dominate a column's sum. Each says at
 * which end of the distribution it sits, because that decides which queries it distorts (MIN vs MAX, ascending vs
 * descending top-N, SUM and AVG).
 */
public final class SentinelDetector implements ColumnDetector {

    private static final Pattern MARKER = Pattern.compile("(?i)(^|[^a-z])(test|do[ _-]?not[ _-]?use|dummy|fake|"
            + "placeholder)([^a-z]|$)");
    private static final String ZERO_UUID = "00000000-0000-0000-0000-000000000000";
    /** An outlier that carries at least this share of the sum dominates it (SUM and AVG mean little with it). */
    public static final double DOMINATES = 0.5;
    /** A sentinel is rare by nature; a value in more than a fifth of the rows is data. */
    private static final double MAX_SHARE = 0.2;

    /** One kind of sentinel: {@code end} is low, high or marker; {@code sumShare} for outliers. */
    public record Sentinel(String kind, String value, double fraction, String end, Double sumShare) {
    }

    public record Sentinels(List<Sentinel> sentinels) {
        public boolean any(String end) {
            return sentinels.stream().anyMatch(s -> s.end().equals(end));
        }

        public Optional<Sentinel> dominatingSum() {
            return sentinels.stream().filter(s -> s.sumShare() != null && s.sumShare() >= DOMINATES).findFirst();
        }
    }

    @Override
    public String name() {
        return "sentinels";
    }

    @Override
    public Optional<Object> detect(ValueSample sample, UnaryOperator<String> show) {
        if (sample.isEmpty()) return Optional.empty();
        char cat = sample.column().typeCategory();
        String name = sample.column().name().toLowerCase(Locale.ROOT);
        boolean idLike = name.equals("id") || name.endsWith("_id") || name.endsWith("id") && cat == 'U';
        List<Sentinel> out = new ArrayList<>();
        double epoch = 0, future = 0, zero = 0, zeroDate = 0, marker = 0;
        String markerExample = null;
        for (ValueSample.Weighted w : sample.values()) {
            String v = w.value();
            if (cat == 'D') {
                if (v.startsWith("1970-01-01") || v.startsWith("1969-12-31")) epoch += w.weight();
                else if (v.startsWith("infinity") || year(v) >= 2100) future += w.weight();
            } else if (cat == 'U' && v.equals(ZERO_UUID)) {
                zero += w.weight();
            } else if (cat == 'N' && idLike && (v.equals("0") || v.equals("-1"))) {
                zero += w.weight();
            } else if (cat == 'S') {
                String s = v.strip();
                if (s.equals("00000000") || s.equals("00/00/0000") || s.equals("0000-00-00") || s.equals("1970-01-01")) {
                    zeroDate += w.weight();
                } else if (s.equals(ZERO_UUID) && idLike) {
                    zero += w.weight();
                } else if (s.length() <= 120 && MARKER.matcher(s).find()) {
                    marker += w.weight();
                    if (markerExample == null) markerExample = show.apply(s);
                }
            }
        }
        add(out, "epoch_zero", "1970-01-01 00:00:00+00", epoch, "low");
        add(out, "far_future", "year ≥ 2100", future, "high");
        add(out, "zero_id", cat == 'U' ? ZERO_UUID : "0", zero, "low");
        add(out, "zero_date", "00000000 / 1970-01-01", zeroDate, "low");
        add(out, "test_marker", markerExample, marker, "marker");
        if (cat == 'N' && !idLike) outliers(sample, out);
        return out.isEmpty() ? Optional.empty() : Optional.of(new Sentinels(out));
    }

    private static void add(List<Sentinel> out, String kind, String value, double share, String end) {
        if (share > 0 && share <= MAX_SHARE) {
            out.add(new Sentinel(kind, value, ColumnDetector.round(share), end, null));
        }
    }

    /** One value, far above the median, that carries a large part of the sum (e.g. 99999999 on test orders). */
    private static void outliers(ValueSample sample, List<Sentinel> out) {
        List<double[]> values = new ArrayList<>();
        double total = 0;
        double weight = 0;
        for (ValueSample.Weighted w : sample.values()) {
            double v;
            try {
                v = new BigDecimal(w.value().strip()).doubleValue();
            } catch (NumberFormatException e) {
                return;
            }
            values.add(new double[]{v, w.weight()});
            total += v * w.weight();
            weight += w.weight();
        }
        if (total <= 0 || weight <= 0) return;
        values.sort((a, b) -> Double.compare(a[0], b[0]));
        double acc = 0;
        double median = 0;
        for (double[] vw : values) {
            acc += vw[1];
            if (acc >= weight / 2) {
                median = vw[0];
                break;
            }
        }
        for (double[] vw : values) {
            double share = vw[0] * vw[1] / total;
            if (share >= 0.25 && vw[0] > 10 * Math.max(1, Math.abs(median)) && vw[1] <= MAX_SHARE) {
                out.add(new Sentinel("outlier", plain(vw[0]), ColumnDetector.round(vw[1]), "high",
                        ColumnDetector.round(share)));
            }
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static int year(String v) {
        int dash = v.indexOf('-');
        if (dash < 4) return 0;
        try {
            return Integer.parseInt(v.substring(0, dash).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
