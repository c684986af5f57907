package dev.strata.legibility.checks;

import dev.strata.guardrail.Severity;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.ReportContext;
import dev.strata.relationships.PolymorphicDetector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * <b>polymorphic-reference</b> on existing tables: an {@code x_type} + {@code x_id} pair with no foreign key,
 * with the target of each type value and its share of rows (from the type column's statistics), and a comment
 * draft that tells every reader the type filter the id needs.
 */
public final class PolymorphicPairs implements LegibilityCheck {

    @Override
    public String id() {
        return "polymorphic-reference";
    }

    @Override
    public void check(ReportContext ctx) {
        Set<String> inScope = ctx.scope().stream().map(r -> r.qualifiedName()).collect(Collectors.toSet());
        for (PolymorphicDetector.Pair p : ctx.knowledge().graph().polymorphicPairs()) {
            if (!inScope.contains(p.table())) continue;
            Map<String, Object> targets = new LinkedHashMap<>();
            for (PolymorphicDetector.Target t : p.targets()) {
                targets.put(t.value(), t.table() + "." + t.column() + (p.source().startsWith("enum") ? ""
                        : String.format(java.util.Locale.ROOT, " (%.1f %% of rows)", t.fraction() * 100)));
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("targets", targets);
            if (!p.unmappedValues().isEmpty()) evidence.put("unmapped_values", p.unmappedValues());
            evidence.put("source", p.source());
            ctx.report(this, Severity.WARNING, p.table() + "." + p.typeColumn() + " + " + p.idColumn()
                            + " is a polymorphic reference with no foreign key: " + p.idColumn() + " means a different "
                            + "table for each " + p.typeColumn() + " value", p.table(), p.idColumn(),
                    "Document the type filter in a comment (draft below); for new code prefer one foreign-key column "
                            + "per target.", evidence);
            String mapping = p.targets().stream().map(t -> p.typeColumn() + " = '" + t.value() + "' → " + t.table()
                    + "." + t.column()).collect(Collectors.joining("; "));
            if (!mapping.isEmpty()) {
                ctx.suggest(p.table() + "." + p.idColumn(), "COMMENT ON COLUMN " + p.table() + "." + p.idColumn()
                                + " IS " + ReportContext.literal("Polymorphic id, no foreign key: " + mapping
                                + ". Always filter " + p.typeColumn() + " when joining on it.") + ";",
                        "type values from " + p.source() + ": " + targets);
            }
        }
    }

}
