package dev.strata.migration.rules;

import dev.strata.migration.ddl.ConstraintDef;

/**
 * <b>add-primary-key</b>: {@code ADD PRIMARY KEY} on an existing table builds the index (and proves NOT NULL)
 * under ACCESS EXCLUSIVE. Build the unique index concurrently, make the columns NOT NULL the safe way (see
 * {@code set-not-null}), then adopt the index:
 * <pre>
 * CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (event_id);
 * ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;
 * </pre>
 */
public final class AddPrimaryKey extends IndexBackedConstraint {

    public AddPrimaryKey() {
        super("add-primary-key", "a PRIMARY KEY built under ACCESS EXCLUSIVE", ConstraintDef.Kind.PRIMARY_KEY,
                "PRIMARY KEY");
    }
}
