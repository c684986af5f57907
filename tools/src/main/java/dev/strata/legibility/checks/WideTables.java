package dev.strata.legibility.checks;

import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.ReportContext;
import dev.strata.text.Naming;

import java.util.Map;

/** <b>wide-table</b> on existing tables: more than 60 columns, usually several entities in one table. */
public final class WideTables implements LegibilityCheck {

    @Override
    public String id() {
        return "wide-table";
    }

    @Override
    public void check(ReportContext ctx) {
        for (Relation r : ctx.scope()) {
            int n = r.columns().size();
            if (n <= Naming.WIDE_TABLE_COLUMNS) continue;
            long uncommented = r.columns().stream().filter(c -> c.comment() == null).count();
            ctx.report(this, Severity.WARNING, r.qualifiedName() + " has " + n + " columns (" + uncommented
                            + " without a comment): readers select everything and guess between look-alike columns",
                    r.qualifiedName(), null, "Split the groups of columns that describe other things into tables keyed "
                            + "by " + r.name() + "'s key; meanwhile comment the columns in use.",
                    Map.of("columns", n, "threshold", Naming.WIDE_TABLE_COLUMNS, "uncommented", uncommented));
        }
    }
}
