package dev.strata.relationships;

/** How Strata knows two tables are related; the order is the order of trust. */
public enum EdgeKind {
    /** A foreign key in the catalog. */
    DECLARED("declared"),
    /** No constraint, but names, types and keys agree (e.g. {@code region_code} → {@code regions.code}). */
    INFERRED("inferred"),
    /** An {@code x_type} + {@code x_id} pair whose type column's values name the target table. */
    POLYMORPHIC("polymorphic");

    private final String label;

    EdgeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
