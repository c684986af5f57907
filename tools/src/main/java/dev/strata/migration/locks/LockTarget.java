package dev.strata.migration.locks;

/** The object a statement form locks, by its role in the statement. */
public enum LockTarget {
    /** The table the statement names (ALTER TABLE t, CREATE INDEX ON t, DROP TRIGGER … ON t, the table of an index). */
    TABLE("the table"),
    /** The table a foreign key points to. */
    REFERENCED_TABLE("the referenced table"),
    /** The index the statement names. */
    INDEX("the index"),
    /** Every index of the table (REINDEX TABLE). */
    INDEXES("each index of the table"),
    /** The view or materialized view the statement names. */
    VIEW("the view"),
    /** The partitioned table of ATTACH / DETACH / PARTITION OF. */
    PARENT("the partitioned table"),
    /** The partition being attached or detached. */
    PARTITION("the partition"),
    /** The type (an enum's ADD VALUE locks the type, not the tables that use it). */
    TYPE("the type"),
    /** The sequence. */
    SEQUENCE("the sequence");

    private final String description;

    LockTarget(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The kind of object, as statement reports name it. */
    public String objectKind() {
        return switch (this) {
            case TABLE, REFERENCED_TABLE, PARENT, PARTITION -> "table";
            case INDEX, INDEXES -> "index";
            case VIEW -> "view";
            case TYPE -> "type";
            case SEQUENCE -> "sequence";
        };
    }
}
