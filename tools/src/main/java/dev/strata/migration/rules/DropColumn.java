package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;

/**
 * <b>drop-column</b>: the values are gone and every query or ORM mapping that names the column fails (an ORM
 * that selects all columns by name breaks before its code is even deployed). Expand/contract: stop reading and
 * writing the column, deploy, then drop it in a later migration:
 * <pre>
 * -- release N: the application no longer uses users.legacy_flag
 * -- release N+1:
 * ALTER TABLE users DROP COLUMN legacy_flag;
 * </pre>
 */
public final class DropColumn extends AlterActionRule<AlterAction.DropColumn> {

    public DropColumn() {
        super("drop-column", Severity.WARNING, "DROP COLUMN (data loss)",
                AlterAction.DropColumn.class);
    }

    @Override
    void check(StatementContext ctx, TargetTable t, AlterAction.DropColumn d) {
        if (t.relation() != null && t.relation().column(d.column()).isEmpty()) return;
        ctx.report(this, Severity.WARNING, d.at(), "dropping " + t.name() + "." + d.column()
                        + " deletes its values and breaks every reader that still names it", t.name(), d.column(),
                "Stop using the column in the application, deploy, then drop it in a later migration.", null);
    }
}
