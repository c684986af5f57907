package dev.strata.migration.rules;

import dev.strata.catalog.QualifiedName;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.Ddl;

import java.util.Map;

/**
 * <b>truncate</b>: every row of the table goes, under ACCESS EXCLUSIVE, with no WHERE to limit it and (with
 * CASCADE) every table that references it too. In a migration this is almost always a mistake or a job for a
 * one-off, reviewed script:
 * <pre>
 * DELETE FROM import_staging WHERE imported_at &lt; now() - interval '30 days';
 * </pre>
 */
public final class Truncate extends MigrationRuleBase {

    public Truncate() {
        super("truncate", Severity.WARNING, "TRUNCATE (data loss)");
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.ddl() instanceof Ddl.Truncate tr)) return;
        for (QualifiedName q : tr.tables()) {
            TargetTable t = ctx.target(q);
            if (t.isNew() || ctx.absent(t)) continue;
            ctx.report(this, "TRUNCATE " + t.describe() + (tr.cascade() ? " CASCADE" : "")
                            + " deletes every row" + (tr.cascade() ? ", and every row of the tables that reference it" : ""),
                    t.name(), null, "Delete only the rows meant to go, with a WHERE clause, in batches.",
                    Map.of("rows_estimate", Sql.rows(t)));
        }
    }
}
