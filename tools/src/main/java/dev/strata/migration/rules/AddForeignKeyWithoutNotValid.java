package dev.strata.migration.rules;

import dev.strata.migration.ddl.ConstraintDef;

/**
 * <b>add-foreign-key-without-not-valid</b>: adding a validated FOREIGN KEY takes SHARE ROW EXCLUSIVE on both
 * tables (writes to either wait) and checks every existing row while holding it. Add it {@code NOT VALID} (new
 * rows are checked at once) and validate separately, under SHARE UPDATE EXCLUSIVE, which blocks no reads or
 * writes:
 * <pre>
 * ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (user_id) NOT VALID;
 * ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;   -- separate transaction
 * </pre>
 */
public final class AddForeignKeyWithoutNotValid extends ValidatingConstraint {

    public AddForeignKeyWithoutNotValid() {
        super("add-foreign-key-without-not-valid", "a FOREIGN KEY validated under lock",
                ConstraintDef.Kind.FOREIGN_KEY, "SHARE ROW EXCLUSIVE on both tables");
    }

    @Override
    String describe(ConstraintDef c) {
        return "FOREIGN KEY (" + String.join(", ", c.columns()) + ") REFERENCES "
                + (c.references() == null ? "?" : c.references().name());
    }
}
