package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.Ddl;
import dev.strata.sql.StatementKind;

import java.util.Map;

/** What {@link DeleteWithoutWhere} and {@link UpdateWithoutWhere} share: every row of an existing table touched. */
abstract class UnboundedModify extends MigrationRuleBase {

    private final StatementKind kind;
    private final String fix;

    UnboundedModify(String id, String summary, StatementKind kind, String fix) {
        super(id, Severity.WARNING, summary);
        this.kind = kind;
        this.fix = fix;
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.ddl() instanceof Ddl.Modify m) || m.kind() != kind || m.hasWhere() || m.table() == null) return;
        TargetTable t = ctx.target(m.table());
        if (t.isNew() || ctx.absent(t) || ctx.state().knownEmpty(t.name())) return;
        ctx.report(this, kind + " without WHERE touches every row of " + t.describe()
                        + " in one transaction (row locks on all of them, and a table's worth of WAL and dead tuples)",
                t.name(), null, fix, Map.of("rows_estimate", Sql.rows(t)));
    }
}
