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
 * column gets a comment draft stating the filter; each unused one, that it is unused. Only nullable markers that
 * some rows set count as soft delete (an archive's NOT NULL {@code deleted_at} does not), and "never written"
 * needs at least {@link SoftDeleteUsage#MIN_ROWS_FOR_NEVER} rows.
 *
 * <pre>
 * bad:  orders.deleted_at exists, 250,000 rows, none set: readers filter it for nothing
 * good: COMMENT ON COLUMN orders.deleted_at IS 'Not used: no row sets it. Do not filter on it.'
 * </pre>
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
            if (usage.markedFraction() != null && usage.markedFraction() == 0 && !usage.neverWritten()) {
                // A handful of rows proves nothing either way.
                continue;
            }
            if (usage.neverWritten()) {
                unused.add(col);
                ctx.report(this, Severity.WARNING, col + " exists but no row sets it (" + usage.source() + "): readers "
                                + "filter it for nothing, or learn to skip soft-delete filters everywhere",
                        r.qualifiedName(), usage.column(), "Drop the column, or start writing it; say which in its comment.",
                        Map.of("rows_marked_fraction", 0.0, "rows", usage.rows(), "source", usage.source()));
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
            ctx.report(this, Severity.INFO, "soft delete is partly adopted: used on "
                    + String.join(", ", ReportContext.sample(used, 10)) + "; declared but never written on "
                    + String.join(", ", ReportContext.sample(unused, 10)), null, null,
                    "Document the convention per table (drafts below).", Map.of("used", ReportContext.sample(used, 40),
                            "unused", ReportContext.sample(unused, 40)));
        }
    }
}
