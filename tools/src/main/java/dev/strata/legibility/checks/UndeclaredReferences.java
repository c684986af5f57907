package dev.strata.legibility.checks;

import dev.strata.catalog.QualifiedName;
import dev.strata.guardrail.Severity;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.ReportContext;
import dev.strata.relationships.Edge;
import dev.strata.relationships.EdgeKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * <b>undeclared-reference</b>: a column that references another table by every sign (name, type, a key on the
 * other side, and where rows exist the rows themselves) but has no foreign key, so nothing keeps orphans out and
 * tools that read only constraints see no relationship. Severity follows certainty: a warning from confidence
 * 0.8 up, advice below. Ready-to-run {@code ADD CONSTRAINT … NOT VALID} drafts are written only for references at
 * 0.8 or more whose rows were checked and all found; the others get the query that checks them first, or the
 * orphans to fix.
 *
 * <pre>
 * bad:  orders.region_code holds regions.code values with no foreign key: 'EU' rows are orphans nobody notices
 * good: ALTER TABLE orders ADD CONSTRAINT orders_region_code_fkey FOREIGN KEY (region_code)
 *         REFERENCES regions (code) NOT VALID;  -- then VALIDATE CONSTRAINT in its own transaction
 * </pre>
 */
public final class UndeclaredReferences implements LegibilityCheck {

    /** Confidence from which a reference is reported as a warning and may get a ready-to-run draft. */
    static final double SURE = 0.8;

    @Override
    public String id() {
        return "undeclared-reference";
    }

    @Override
    public void check(ReportContext ctx) {
        Set<String> inScope = ctx.scope().stream().map(r -> r.qualifiedName()).collect(Collectors.toSet());
        for (Edge e : ctx.knowledge().graph().edges()) {
            if (e.kind() != EdgeKind.INFERRED || !inScope.contains(e.fromTable())) continue;
            String cols = e.fromColumns().stream().map(QualifiedName::quoteIfNeeded).collect(Collectors.joining(", "));
            String targetCols = e.toColumns().stream().map(QualifiedName::quoteIfNeeded)
                    .collect(Collectors.joining(", "));
            String from = sqlName(e.fromTable());
            String to = sqlName(e.toTable());
            boolean sure = e.confidence() >= SURE;
            boolean rowsAgree = "confirmed".equals(e.dataCheck()) || "consistent".equals(e.dataCheck());
            String fix;
            if (sure && rowsAgree) {
                String name = QualifiedName.quoteIfNeeded(truncate(nameOf(e.fromTable()) + "_"
                        + String.join("_", e.fromColumns()) + "_fkey"));
                fix = "ALTER TABLE " + from + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + cols + ") REFERENCES "
                        + to + " (" + targetCols + ") NOT VALID; then, in its own transaction, ALTER TABLE " + from
                        + " VALIDATE CONSTRAINT " + name;
            } else if ("orphans".equals(e.dataCheck())) {
                fix = "Some rows point at nothing: fix or clear them (" + check(e, from, to) + ") before declaring "
                        + "a foreign key";
            } else {
                fix = "Confirm it against the rows before declaring a foreign key: " + check(e, from, to)
                        + " should return 0";
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("confidence", e.confidence());
            evidence.put("evidence", e.signals().isEmpty() ? List.of(e.evidence()) : e.signals());
            if (e.dataCheck() != null) evidence.put("data_check", e.dataCheck());
            ctx.report(this, sure ? Severity.WARNING : Severity.INFO, String.format(Locale.ROOT,
                            "%s (%s) references %s (%s) with no foreign key (confidence %.2f%s)", e.fromTable(),
                            String.join(", ", e.fromColumns()), e.toTable(), String.join(", ", e.toColumns()),
                            e.confidence(), e.dataCheck() == null ? "" : ", rows " + e.dataCheck()),
                    e.fromTable(), e.fromColumns().get(0), fix, evidence);
        }
    }

    /** The anti-join that counts rows pointing at nothing. */
    private static String check(Edge e, String from, String to) {
        StringBuilder on = new StringBuilder();
        for (int i = 0; i < e.fromColumns().size(); i++) {
            if (i > 0) on.append(" AND ");
            on.append("t.").append(QualifiedName.quoteIfNeeded(e.toColumns().get(i))).append(" = s.")
                    .append(QualifiedName.quoteIfNeeded(e.fromColumns().get(i)));
        }
        return "SELECT count(*) FROM " + from + " s WHERE s." + QualifiedName.quoteIfNeeded(e.fromColumns().get(0))
                + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + to + " t WHERE " + on + ")";
    }

    private static String sqlName(String qualified) {
        int dot = qualified.indexOf('.');
        return QualifiedName.quoteIfNeeded(qualified.substring(0, dot)) + "."
                + QualifiedName.quoteIfNeeded(qualified.substring(dot + 1));
    }

    private static String nameOf(String qualified) {
        return qualified.substring(qualified.indexOf('.') + 1);
    }

    /** PostgreSQL cuts identifiers at 63 bytes; a draft that names a constraint says the name it will get. */
    private static String truncate(String name) {
        return name.length() <= 63 ? name : name.substring(0, 63);
    }
}
