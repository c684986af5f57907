package dev.strata.legibility.checks;

import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.ReportContext;
import dev.strata.schema.SoftDeleteUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * <b>soft-delete-partial</b>: soft delete adopted by some tables and not others, or declared and never written
 * (a column nobody sets makes every reader filter for nothing, or stop filtering where it matters). Each used
 * column gets a comment draft stating the filter; each unused one, that it is unused.
 */
public final class SoftDeletePartlyAdopted implements LegibilityCheck {

    @Override
    public String id() {
        return "soft-delete-partial";
    }

    @Override
    public void check(ReportContext ctx) {
        List<String> used = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (Relation r : ctx.scope()) {
            Optional<SoftDeleteUsage.Usage> u = ctx.knowledge().softDelete().of(r.qualifiedName());
            if (u.isEmpty()) continue;
            SoftDeleteUsage.Usage usage = u.get();
            String col = r.qualifiedName() + "." + usage.column();
            if (usage.markedFraction() != null && usage.markedFraction() == 0) {
                unused.add(col);
                ctx.report(this, Severity.WARNING, col + " exists but no row sets it (" + usage.source() + "): readers "
                                + "filter it for nothing, or learn to skip soft-delete filters everywhere",
                        r.qualifiedName(), usage.column(), "Drop the column, or start writing it; say which in its comment.",
                        Map.of("rows_marked_fraction", 0.0, "source", usage.source()));
                ctx.suggest(col, "COMMENT ON COLUMN " + col + " IS " + ReportContext.literal("Not used: no row sets "
                        + "it. Do not filter on it.") + ";", usage.source() + ": no row marked");
            } else {
                used.add(col);
                String share = usage.markedFraction() == null ? "" : String.format(Locale.ROOT,
                        " (%.1f %% of rows are marked)", usage.markedFraction() * 100);
                ctx.suggest(col, "COMMENT ON COLUMN " + col + " IS " + ReportContext.literal("Soft delete" + share
                                + ": live rows have " + usage.filter() + "; add that filter unless deleted rows are wanted.")
                        + ";", usage.source() + share);
            }
        }
        if (!used.isEmpty() && !unused.isEmpty()) {
            ctx.report(this, Severity.INFO, "soft delete is partly adopted: used on " + String.join(", ", used)
                    + "; declared but never written on " + String.join(", ", unused), null, null,
                    "Document the convention per table (drafts below).", Map.of("used", used, "unused", unused));
        }
    }
}
