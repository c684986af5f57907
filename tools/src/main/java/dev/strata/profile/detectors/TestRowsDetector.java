package dev.strata.profile.detectors;

import dev.strata.catalog.Relation;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.TableFinding;
import dev.strata.profile.ValueCount;
import dev.strata.relationships.RelationshipGraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Test and sentinel rows at table level: a test flag that rows set ({@code is_test}), test markers in values,
 * and sentinel values (epoch zero, zero ids, dominating outliers) — each with its share of rows, so the reader
 * knows what an unfiltered aggregate would include.
 */
public final class TestRowsDetector implements TableDetector {

    private static final Set<String> TEST_FLAGS = Set.of("is_test", "test", "is_demo", "is_sample", "is_fake",
            "test_account", "is_internal");

    @Override
    public List<TableFinding> detect(Relation table, List<ColumnProfile> columns, RelationshipGraph graph) {
        List<TableFinding> out = new ArrayList<>();
        for (ColumnProfile p : columns) {
            if (TEST_FLAGS.contains(p.column().toLowerCase(Locale.ROOT))) {
                double set = p.topValues().stream().filter(v -> v.value().equals("true") || v.value().equals("t") || v.value().equals("1"))
                        .mapToDouble(ValueCount::fraction).sum();
                if (set > 0) {
                    out.add(new TableFinding("test_rows", p.column(), Math.round(set * 10000) / 100.0
                            + " % of rows are flagged as test data by " + p.column(),
                            Map.of("rows_fraction", ColumnDetector.round(set), "source", p.source())));
                }
            }
            p.detector("sentinels", SentinelDetector.Sentinels.class).ifPresent(s -> {
                for (SentinelDetector.Sentinel x : s.sentinels()) {
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("kind", x.kind());
                    if (x.value() != null) evidence.put("value", x.value());
                    evidence.put("rows_fraction", x.fraction());
                    if (x.sumShare() != null) evidence.put("sum_share", x.sumShare());
                    evidence.put("source", p.sources().get("detectors"));
                    String what = x.kind().equals("test_marker") ? "test markers such as '" + x.value() + "'"
                            : x.kind().equals("outlier") ? "the value " + x.value() + " (" + Math.round(x.sumShare() * 100)
                            + " % of the sum)" : x.kind().replace('_', ' ') + " values (" + x.value() + ")";
                    out.add(new TableFinding(x.kind().equals("test_marker") ? "test_rows" : "sentinel_values",
                            p.column(), p.column() + " holds " + what + " in " + Math.round(x.fraction() * 10000) / 100.0
                            + " % of rows", evidence));
                }
            });
        }
        return out;
    }
}
