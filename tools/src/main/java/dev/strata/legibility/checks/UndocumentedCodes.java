package dev.strata.legibility.checks;

import dev.strata.catalog.Column;
import dev.strata.guardrail.Severity;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.ReportContext;
import dev.strata.profile.ValueCount;
import dev.strata.profile.detectors.CodeDetector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * <b>undocumented-codes</b>: small-integer or short-text codes ({@code status = 1}) that no comment explains, and
 * above all a table with both a {@code status} and a {@code state} column of codes. The draft lists every observed
 * value with its share and the meaning where a comment documents it, a {@code ?} where a person must fill it in.
 */
public final class UndocumentedCodes implements LegibilityCheck {

    @Override
    public String id() {
        return "undocumented-codes";
    }

    @Override
    public void check(ReportContext ctx) {
        Map<String, List<String>> undocumentedByTable = new LinkedHashMap<>();
        Map<String, List<String>> statusLike = new LinkedHashMap<>();
        ctx.forEachProfiledColumn((r, c) -> c.detector("codes", CodeDetector.Codes.class).ifPresent(k -> {
            Column column = r.column(c.column()).orElse(null);
            if (column == null || k.observed() == null || k.observed().isEmpty()) return;
            boolean fullyDocumented = !k.documented().isEmpty() && k.undocumented().isEmpty();
            String target = r.qualifiedName() + "." + c.column();
            List<String> meanings = new ArrayList<>();
            for (ValueCount v : k.observed()) {
                String meaning = k.documented().get(v.value());
                meanings.add(v.value() + " = " + (meaning != null ? meaning : "?") + " ("
                        + ReportContext.percent(v.fraction()) + ")");
            }
            String values = k.observed().stream().limit(12).map(v -> v.value() + " " + ReportContext.percent(v.fraction()))
                    .collect(Collectors.joining(", "));
            if (c.column().matches("(.*_)?(status|state)")) {
                statusLike.computeIfAbsent(r.qualifiedName(), t -> new ArrayList<>()).add(c.column());
            }
            if (!fullyDocumented) {
                undocumentedByTable.computeIfAbsent(r.qualifiedName(), t -> new ArrayList<>()).add(c.column());
                if (!c.column().matches("(.*_)?(status|state)")) {
                    ctx.report(this, Severity.INFO, target + " holds codes (" + values + ") that no comment explains",
                            r.qualifiedName(), c.column(), "Comment what each code means (draft below).",
                            Map.of("values", values, "source", c.source()));
                }
            }
            ctx.suggest(target, "COMMENT ON COLUMN " + target + " IS " + ReportContext.literal((k.booleanLike()
                    ? "Boolean kept as a number: " : "Codes: ") + String.join(", ", meanings)
                    + (fullyDocumented ? "." : ". Replace each ? with its meaning before applying.")) + ";",
                    "observed values (" + c.source() + "): " + values);
        }));
        statusLike.forEach((table, columns) -> {
            List<String> undocumented = undocumentedByTable.getOrDefault(table, List.of()).stream()
                    .filter(columns::contains).toList();
            if (undocumented.isEmpty()) return;
            String message = columns.size() >= 2
                    ? table + " has both " + String.join(" and ", columns) + " holding codes, and no comment says what "
                    + String.join(" and ", undocumented) + " mean" + (undocumented.size() == 1 ? "s" : "")
                    + " or how the columns differ"
                    : table + "." + columns.get(0) + " holds codes that no comment explains";
            ctx.report(this, Severity.WARNING, message, table, undocumented.get(0),
                    "Comment each column with its codes (drafts below).", Map.of("columns", columns,
                            "undocumented", undocumented));
        });
    }
}
