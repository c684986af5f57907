package dev.strata.migration.rules;

import dev.strata.migration.ddl.ConstraintDef;

/**
 * <b>add-unique-constraint</b>: {@code ADD CONSTRAINT … UNIQUE} on an existing table builds the unique index
 * under ACCESS EXCLUSIVE. Build the index concurrently first, then adopt it (a brief lock):
 * <pre>
 * CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
 * ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
 * </pre>
 */
public final class AddUniqueConstraint extends IndexBackedConstraint {

    public AddUniqueConstraint() {
        super("add-unique-constraint", "a UNIQUE constraint built under ACCESS EXCLUSIVE", ConstraintDef.Kind.UNIQUE,
                "UNIQUE");
    }
}
