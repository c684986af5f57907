package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.ConstraintDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link AddUniqueConstraint} and {@link AddPrimaryKey} share: the constraint builds its index while holding
 * ACCESS EXCLUSIVE unless it adopts an index built concurrently beforehand ({@code USING INDEX}).
 */
abstract class IndexBackedConstraint extends AlterActionRule<AlterAction> {

    private final ConstraintDef.Kind kind;
    private final String words;

    IndexBackedConstraint(String id, String summary, ConstraintDef.Kind kind, String words) {
        super(id, Severity.WARNING, summary, AlterAction.class);
        this.kind = kind;
        this.words = words;
    }

    @Override
    void check(StatementContext ctx, TargetTable t, AlterAction a) {
        List<ConstraintDef> found = new ArrayList<>();
        if (a instanceof AlterAction.AddConstraint ac) found.add(ac.constraint());
        if (a instanceof AlterAction.AddColumn add) found.addAll(add.column().constraints());
        for (ConstraintDef c : found) {
            if (c.kind() != kind || c.usingIndex() != null) continue;
            String cols = String.join(", ", c.columns());
            String index = c.name() != null ? c.name()
                    : Sql.constraintName(t.name(), String.join("_", c.columns()), kind == ConstraintDef.Kind.UNIQUE
                    ? "key" : "pkey");
            ctx.reportSized(this, a.at(), t, words + " (" + cols + ") on " + t.describe()
                            + " builds its index under ACCESS EXCLUSIVE: no reads or writes until it is done",
                    "CREATE UNIQUE INDEX CONCURRENTLY " + index + " ON " + t.name() + " (" + cols + "); ALTER TABLE "
                            + t.name() + " ADD CONSTRAINT " + index + " " + words + " USING INDEX " + index + ";",
                    Map.of("lock", "ACCESS EXCLUSIVE", "rows_estimate", Sql.rows(t)));
        }
    }
}
