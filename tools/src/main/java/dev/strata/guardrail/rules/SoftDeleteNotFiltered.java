package dev.strata.guardrail.rules;

import dev.strata.catalog.RelationKind;
import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.ColumnRef;
import dev.strata.guardrail.model.ColumnSource;
import dev.strata.guardrail.model.TableRef;
import dev.strata.schema.SoftDeleteUsage;

import java.util.Map;

/**
 * <b>soft-delete-not-filtered</b>: reading a table whose soft-delete column rows actually set, without saying
 * what to do with deleted rows. A column nobody writes ({@code orders.deleted_at}) is not a reason to warn:
 * filtering it changes nothing, and warnings that change nothing teach people to ignore warnings. The share of
 * marked rows comes from the column's profile when one is cached (exact on small tables), else from the
 * {@code pg_stats} read when the catalog was loaded.
 *
 * <pre>
 * bad:  SELECT count(*) FROM users WHERE created_at > now() - interval '30 days'
 * good: SELECT count(*) FROM users WHERE created_at > now() - interval '30 days' AND deleted_at IS NULL
 * </pre>
 */
public final class SoftDeleteNotFiltered extends RuleBase {

    public SoftDeleteNotFiltered() {
        super("soft-delete-not-filtered", Severity.WARNING,
                "a table with soft-deleted rows read without filtering them");
    }

    @Override
    public void check(GuardContext context) {
        for (TableRef t : context.model().baseTables()) {
            if (t.relation().kind() != RelationKind.TABLE && t.relation().kind() != RelationKind.PARTITIONED_TABLE) {
                continue;
            }
            SoftDeleteUsage.Usage usage = context.knowledge().softDelete().of(t.relation().qualifiedName()).orElse(null);
            if (usage == null) continue;
            // A profile's figure (exact on small tables, sampled on large ones) wins over the catalog-time pg_stats.
            Double marked = usage.markedFraction();
            String source = usage.source();
            var column = t.relation().column(usage.column()).orElse(null);
            var profile = column == null ? null
                    : context.profile(new ColumnSource(t, t.relation(), column)).orElse(null);
            if (profile != null && profile.nullFraction() != null) {
                marked = markedShare(column.typeCategory(), profile);
                source = column.typeCategory() == 'D' ? profile.sources().get("null_fraction") : profile.source();
            }
            if (marked == null || marked <= 0) continue;
            boolean handled = false;
            for (ColumnRef c : context.model().columns()) {
                if (!c.name().equals(usage.column()) || !c.clause().isCondition()) continue;
                boolean onThisItem = c.candidates().contains(t);
                boolean traced = c.source() != null && c.source().isBase()
                        && c.source().relation() == t.relation();
                if (onThisItem || traced) {
                    handled = true;
                    break;
                }
            }
            if (handled) continue;
            String filter = t.exposedName() + "." + usage.filter();
            context.report(this, t.relation().qualifiedName() + " soft-deletes rows with " + usage.column() + " ("
                            + Math.round(marked * 1000) / 10.0 + " % of rows are marked), and the "
                            + "query reads them as if they were live", t.offset(), t.relation().qualifiedName(),
                    usage.column(), "add " + filter + " (or filter on " + usage.column()
                            + " explicitly if deleted rows are wanted)",
                    Map.of("rows_marked_fraction", marked, "source", source));
        }
    }

    private static double markedShare(char category, dev.strata.profile.ColumnProfile profile) {
        if (category == 'D') return Math.round((1 - profile.nullFraction()) * 10000) / 10000.0;
        double marked = 0;
        for (var v : profile.topValues()) {
            if (!v.value().equals("false") && !v.value().equals("f") && !v.value().equals("0")) marked += v.fraction();
        }
        return Math.round(marked * 10000) / 10000.0;
    }
}
