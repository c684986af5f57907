package dev.strata.migration.rules;

import dev.strata.migration.ddl.ConstraintDef;

/**
 * <b>add-check-without-not-valid</b>: adding a validated CHECK scans the whole table under ACCESS EXCLUSIVE.
 * Add it {@code NOT VALID} (enforced for new rows at once) and validate it separately:
 * <pre>
 * ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total &gt;= 0) NOT VALID;
 * ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;   -- separate transaction
 * </pre>
 */
public final class AddCheckWithoutNotValid extends ValidatingConstraint {

    public AddCheckWithoutNotValid() {
        super("add-check-without-not-valid", "a CHECK validated under lock", ConstraintDef.Kind.CHECK,
                "ACCESS EXCLUSIVE");
    }

    @Override
    String describe(ConstraintDef c) {
        return "CHECK (" + c.expression() + ")";
    }
}
