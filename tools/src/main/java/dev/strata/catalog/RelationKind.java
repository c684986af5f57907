package dev.strata.catalog;

/** The kinds of relation Strata describes, keyed by {@code pg_class.relkind}. */
public enum RelationKind {
    TABLE('r', "table"),
    VIEW('v', "view"),
    MATERIALIZED_VIEW('m', "materialized_view"),
    PARTITIONED_TABLE('p', "partitioned_table"),
    FOREIGN_TABLE('f', "foreign_table");

    private final char relkind;
    private final String label;

    RelationKind(char relkind, String label) {
        this.relkind = relkind;
        this.label = label;
    }

    public static RelationKind of(char relkind) {
        for (RelationKind k : values()) {
            if (k.relkind == relkind) return k;
        }
        throw new IllegalArgumentException("unsupported relkind " + relkind);
    }

    /** Tables hold their own rows; views and foreign tables do not. */
    public boolean storesRows() {
        return this == TABLE || this == PARTITIONED_TABLE || this == MATERIALIZED_VIEW;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
