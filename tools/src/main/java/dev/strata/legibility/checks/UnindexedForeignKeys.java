package dev.strata.legibility.checks;

import dev.strata.catalog.ForeignKey;
import dev.strata.catalog.Index;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.ReportContext;

import java.util.Map;

/**
 * <b>fk-column-without-index</b> on existing tables: a declared foreign key whose columns no index leads with, so
 * each delete on the referenced table scans this one, and joins along the key do too.
 */
public final class UnindexedForeignKeys implements LegibilityCheck {

    @Override
    public String id() {
        return "fk-column-without-index";
    }

    @Override
    public void check(ReportContext ctx) {
        for (Relation r : ctx.scope()) {
            for (ForeignKey fk : r.foreignKeys()) {
                boolean covered = false;
                for (Index i : r.indexes()) {
                    if (i.columns().size() >= fk.columns().size()
                            && i.columns().subList(0, fk.columns().size()).equals(fk.columns())) covered = true;
                }
                if (covered) continue;
                String cols = String.join(", ", fk.columns());
                ctx.report(this, r.rowsEstimate() > 10_000 ? Severity.WARNING : Severity.INFO, r.qualifiedName() + " ("
                                + cols + ") references " + fk.targetQualifiedName() + " and no index leads with it",
                        r.qualifiedName(), fk.columns().get(0), "CREATE INDEX CONCURRENTLY " + r.name() + "_"
                                + String.join("_", fk.columns()) + "_idx ON " + r.qualifiedName() + " (" + cols + ");",
                        Map.of("rows_estimate", r.rowsEstimate()));
            }
        }
    }
}
