package dev.strata.profile.detectors;

import dev.strata.profile.ValueCount;
import dev.strata.profile.ValueSample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small integer codes: columns that hold only 0 and 1 (boolean-like, whatever their name says) and codes
 * documented in the column comment ({@code 0=pending, 1=processing}), with the share of each observed value and
 * the values the comment does not document. {@code status = 1} means nothing until someone says what 1 is.
 */
public final class CodeDetector implements ColumnDetector {

    private static final Pattern CODE = Pattern.compile("(-?\\w{1,12})\\s*[=:]\\s*([A-Za-z][\\w -]{0,30}?)\\s*(?=[,;)]|$)");
    private static final Set<String> INTEGER_TYPES = Set.of("smallint", "integer", "bigint", "int2", "int4", "int8");

    public record Codes(boolean booleanLike, Map<String, String> documented, List<ValueCount> observed,
                        List<String> undocumented) {
    }

    /** Codes documented in a comment such as {@code Lifecycle: 0=pending, 1=processing}. */
    public static Map<String, String> documented(String comment) {
        Map<String, String> out = new LinkedHashMap<>();
        if (comment == null) return out;
        Matcher m = CODE.matcher(comment);
        while (m.find()) out.put(m.group(1), m.group(2).strip());
        return out.size() >= 2 ? out : Map.of();
    }

    @Override
    public String name() {
        return "codes";
    }

    @Override
    public Optional<Object> detect(ValueSample sample, UnaryOperator<String> show) {
        Map<String, String> doc = documented(sample.column().comment());
        boolean integer = INTEGER_TYPES.contains(sample.column().baseType());
        if (sample.isEmpty() || (!integer && doc.isEmpty())) return Optional.empty();
        if (sample.values().size() > 20) return Optional.empty();
        String name = sample.column().name();
        if (doc.isEmpty() && (name.equals("id") || name.endsWith("_id"))) return Optional.empty();
        boolean booleanLike = integer && sample.values().stream()
                .allMatch(w -> w.value().equals("0") || w.value().equals("1"));
        if (!booleanLike && doc.isEmpty() && sample.values().size() > 10) return Optional.empty();
        List<ValueCount> observed = sample.values().stream()
                .map(w -> new ValueCount(show.apply(w.value()), ColumnDetector.round(w.weight()))).toList();
        List<String> undocumented = new ArrayList<>();
        if (!doc.isEmpty()) {
            for (ValueSample.Weighted w : sample.values()) if (!doc.containsKey(w.value())) undocumented.add(w.value());
        }
        return Optional.of(new Codes(booleanLike, doc, observed, undocumented));
    }
}
