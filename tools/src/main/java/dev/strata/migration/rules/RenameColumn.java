package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;

/**
 * <b>rename-column</b>: instant, and every query or mapping of the running application that names the column
 * fails from that moment. Expand/contract instead:
 * <pre>
 * ALTER TABLE users ADD COLUMN display_name text;     -- write both, backfill, move readers
 * -- a later release: ALTER TABLE users DROP COLUMN name;
 * </pre>
 */
public final class RenameColumn extends AlterActionRule<AlterAction.RenameColumn> {

    public RenameColumn() {
        super("rename-column", Severity.WARNING, "RENAME of a column readers use",
                AlterAction.RenameColumn.class);
    }

    @Override
    void check(StatementContext ctx, TargetTable t, AlterAction.RenameColumn r) {
        ctx.report(this, Severity.WARNING, r.at(), "renaming " + t.name() + "." + r.from() + " to " + r.to()
                        + " breaks every query that still names " + r.from(), t.name(), r.from(),
                "Add " + r.to() + ", write both, backfill, move readers, then drop " + r.from()
                        + " in a later release.", null);
    }
}
