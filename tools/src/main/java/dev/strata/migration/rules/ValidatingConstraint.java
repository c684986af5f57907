package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.ConstraintDef;

import java.util.Map;

/**
 * What {@link AddForeignKeyWithoutNotValid} and {@link AddCheckWithoutNotValid} share: a constraint of one kind
 * added to an existing table without {@code NOT VALID}, so every existing row is checked while the lock is held.
 */
abstract class ValidatingConstraint extends AlterActionRule<AlterAction> {

    private final ConstraintDef.Kind kind;
    private final String lock;

    ValidatingConstraint(String id, String summary, ConstraintDef.Kind kind, String lock) {
        super(id, Severity.WARNING, summary, AlterAction.class);
        this.kind = kind;
        this.lock = lock;
    }

    @Override
    void check(StatementContext ctx, TargetTable t, AlterAction a) {
        // ADD COLUMN … REFERENCES validates too (and locks the referenced table) — and cannot be NOT VALID
        ConstraintDef c = a instanceof AlterAction.AddConstraint ac ? ac.constraint()
                : a instanceof AlterAction.AddColumn add ? add.column().reference().orElse(null) : null;
        if (c == null || c.kind() != kind || c.notValid()) return;
        String name = c.name() != null ? c.name() : Sql.constraintName(t.name(), String.join("_", c.columns()),
                kind == ConstraintDef.Kind.FOREIGN_KEY ? "fkey" : "check");
        ctx.reportSized(this, a.at(), t, describe(c) + " on " + t.describe() + " checks every existing row "
                        + "while holding " + lock,
                "ALTER TABLE " + t.name() + " ADD CONSTRAINT " + name + " … NOT VALID; then, in a separate "
                        + "transaction: ALTER TABLE " + t.name() + " VALIDATE CONSTRAINT " + name + ";",
                Map.of("lock", lock, "rows_estimate", Sql.rows(t)));
    }

    abstract String describe(ConstraintDef c);
}
