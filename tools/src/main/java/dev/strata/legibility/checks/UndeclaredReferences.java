package dev.strata.legibility.checks;

import dev.strata.guardrail.Severity;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.ReportContext;
import dev.strata.relationships.Edge;
import dev.strata.relationships.EdgeKind;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * <b>undeclared-reference</b>: a column that references another table by every sign (name, type, a key on the
 * other side) but has no foreign key, so nothing keeps orphans out and tools that read only constraints see no
 * relationship. The fix is the constraint, added without blocking writers.
 */
public final class UndeclaredReferences implements LegibilityCheck {

    @Override
    public String id() {
        return "undeclared-reference";
    }

    @Override
    public void check(ReportContext ctx) {
        Set<String> inScope = ctx.scope().stream().map(r -> r.qualifiedName()).collect(Collectors.toSet());
        for (Edge e : ctx.knowledge().graph().edges()) {
            if (e.kind() != EdgeKind.INFERRED || !inScope.contains(e.fromTable())) continue;
            String cols = String.join(", ", e.fromColumns());
            String name = e.fromTable().substring(e.fromTable().indexOf('.') + 1) + "_" + String.join("_", e.fromColumns())
                    + "_fkey";
            ctx.report(this, e.confidence() >= 0.8 ? Severity.WARNING : Severity.INFO, e.fromTable() + " (" + cols
                            + ") references " + e.toTable() + " (" + String.join(", ", e.toColumns())
                            + ") with no foreign key", e.fromTable(), e.fromColumns().get(0),
                    "ALTER TABLE " + e.fromTable() + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + cols + ") REFERENCES "
                            + e.toTable() + " (" + String.join(", ", e.toColumns()) + ") NOT VALID; then VALIDATE "
                            + "CONSTRAINT " + name + " once orphans are fixed",
                    Map.of("confidence", e.confidence(), "evidence", e.evidence()));
        }
    }
}
