package dev.strata.profile.detectors;

import dev.strata.profile.ValueSample;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One pathology a column's values can reveal (DOMAIN.md). A detector looks at a {@link ValueSample} and returns
 * its evidence (fractions, examples) or nothing. Examples go through {@code show}, which masks personal values.
 */
public interface ColumnDetector {

    /** The key under which the evidence appears in a profile's {@code detectors}. */
    String name();

    Optional<Object> detect(ValueSample sample, UnaryOperator<String> show);

    /** Every column detector, in the order profiles list them. */
    List<ColumnDetector> ALL = List.of(new SentinelDetector(), new DateTextDetector(), new VariantClusterDetector(),
            new JsonShapeDetector(), new CodeDetector());

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
