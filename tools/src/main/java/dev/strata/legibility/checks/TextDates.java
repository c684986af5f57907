package dev.strata.legibility.checks;

import dev.strata.guardrail.Severity;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.ReportContext;
import dev.strata.profile.detectors.DateTextDetector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * <b>text-dates</b>: a text column whose sampled values are dates, with each format and its share (from the
 * profile). Comparing or sorting them as strings is wrong as soon as two formats mix; the comment draft names
 * the formats so every reader parses them.
 */
public final class TextDates implements LegibilityCheck {

    @Override
    public String id() {
        return "text-dates";
    }

    @Override
    public void check(ReportContext ctx) {
        ctx.forEachProfiledColumn((r, c) -> c.detector("date_text", DateTextDetector.DateText.class).ifPresent(d -> {
            String target = r.qualifiedName() + "." + c.column();
            String formats = d.formats().entrySet().stream().map(e -> e.getKey() + " " + ReportContext.percent(e.getValue()))
                    .collect(Collectors.joining(", "));
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("formats", d.formats());
            evidence.put("not_a_date_fraction", d.notDateFraction());
            evidence.put("source", c.source());
            ctx.report(this, d.formats().size() > 1 ? Severity.WARNING : Severity.INFO, target + " is " + c.type()
                            + " but holds dates (" + formats + "): comparing or sorting them as strings is wrong"
                            + (d.formats().size() > 1 ? " across formats" : " outside ISO order"),
                    r.qualifiedName(), c.column(),
                    "Document the formats (draft below); migrate to a date column with a USING clause per format.",
                    evidence);
            ctx.suggest(target, "COMMENT ON COLUMN " + target + " IS " + ReportContext.literal("Date stored as text in "
                    + d.formats().size() + " format(s): " + formats + ". Parse with to_date per format before "
                    + "comparing or sorting.") + ";", "profile (" + c.source() + "): " + formats);
        }));
    }

}
