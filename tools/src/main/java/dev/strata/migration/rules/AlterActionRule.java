package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.Ddl;

/**
 * A rule about one kind of ALTER TABLE subcommand on a table that existed before the script: the walk over the
 * subcommands, and the skip of tables the script created (empty, unused), live here once.
 */
abstract class AlterActionRule<A extends AlterAction> extends MigrationRuleBase {

    private final Class<A> kind;

    AlterActionRule(String id, Severity severity, String summary, Class<A> kind) {
        super(id, severity, summary);
        this.kind = kind;
    }

    @Override
    public final void check(StatementContext ctx) {
        if (!(ctx.ddl() instanceof Ddl.AlterTable at)) return;
        TargetTable t = ctx.target(at.table());
        // a table created by the script is nobody's problem yet; one it dropped makes the statement fail
        // (unknown-table says so)
        if (t.isNew() || ctx.absent(t)) return;
        for (AlterAction a : at.actions()) {
            if (kind.isInstance(a)) check(ctx, t, kind.cast(a));
        }
    }

    abstract void check(StatementContext ctx, TargetTable table, A action);
}
