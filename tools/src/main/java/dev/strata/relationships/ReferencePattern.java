package dev.strata.relationships;

/**
 * The naming conventions that make a column look like a reference, each with the confidence it earns from names
 * and types alone (what the benchmark of real schemas without rows supports). Data can raise or lower it.
 */
public enum ReferencePattern {
    /** {@code customer_id} → {@code customer.customer_id}: the target's own key, by the target's name. */
    ENTITY_SAME_KEY(0.93, "names the table and its key"),
    /** {@code user_id} → {@code users.id}. */
    ENTITY_SURROGATE(0.90, "names the table; the target's primary key"),
    /** {@code region_code} → {@code regions.code}: a natural key of the named table. */
    ENTITY_NATURAL_KEY(0.85, "names the table and one of its unique keys"),
    /** {@code memid} → {@code members.memid}, {@code o_custkey} → {@code customer.c_custkey}: an abbreviation. */
    ABBREVIATED_SAME_KEY(0.86, "abbreviates the table's name and repeats its key"),
    /** {@code cust_id} → {@code customers.id}. */
    ABBREVIATED_SURROGATE(0.72, "abbreviates the table's name"),
    /** {@code manager_staff_id} → {@code staff}, {@code original_language_id} → {@code language}: role + table. */
    ROLE_ENTITY(0.84, "a role followed by the table's name"),
    /** {@code node_id} → {@code current_nodes.id}: the table's name ends with the column's stem. */
    CONTAINED_ENTITY(0.72, "the table's name ends with the column's stem"),
    /** {@code track.medium} → {@code medium.id}: the column is named after the table. */
    NAMED_AFTER_TABLE(0.76, "named after the table"),
    /** {@code release.status} → {@code release_status.id}: a lookup table named table_column. */
    LOOKUP_TABLE(0.80, "a lookup table named after the table and the column"),
    /** {@code creator_id} → {@code person.id}: a role played by the schema's people table. */
    ROLE_PEOPLE(0.62, "a role played by the schema's people table"),
    /** {@code parent_id}, {@code reports_to}, {@code recommendedby} → the table itself. */
    SELF_REFERENCE(0.80, "a reference to a row of the same table"),
    /** {@code artist_meta.id} → {@code artist.id}: a one-to-one extension keyed by the same id. */
    EXTENSION_ID(0.66, "a one-to-one extension table keyed by the same id"),
    /** {@code (node_id, version)} → {@code nodes (node_id, version)}. */
    COMPOSITE_KEY(0.86, "repeats every column of the table's composite key"),
    /** {@code sku} → {@code products.sku}: the same column name as another table's key, nothing else. */
    SAME_KEY_NAME(0.62, "has the name of the table's key column");

    private final double prior;
    private final String description;

    ReferencePattern(double prior, String description) {
        this.prior = prior;
        this.description = description;
    }

    public double prior() {
        return prior;
    }

    public String description() {
        return description;
    }

    /** Patterns whose names alone say little: they need data, or yield to any stronger match. */
    boolean weak() {
        return this == SAME_KEY_NAME || this == CONTAINED_ENTITY || this == NAMED_AFTER_TABLE
                || this == ROLE_PEOPLE || this == EXTENSION_ID || this == ABBREVIATED_SURROGATE;
    }
}
