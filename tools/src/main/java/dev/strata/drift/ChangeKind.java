package dev.strata.drift;

import java.util.Locale;

/**
 * Every kind of change {@link SnapshotDiff} reports, with how it is classified. "Breaking" means a reader or
 * writer written against the old schema can fail or silently change meaning; "additive" means it keeps working.
 * Constraints and indexes are compared by definition, not by name: renaming a constraint changes no behaviour.
 */
public enum ChangeKind {
    SCHEMA_ADDED(false, "a new schema: additive"),
    SCHEMA_DROPPED(true, "a schema is gone: breaking"),
    TABLE_ADDED(false, "a new table, view or other relation: additive"),
    TABLE_DROPPED(true, "a relation is gone: breaking"),
    TABLE_RENAMED(true, "a relation dropped and one added with exactly the same columns and types (in any schema)"
            + " are taken as a rename or move: breaking"),
    KIND_CHANGED(true, "a relation changed kind, e.g. a view became a materialized view: breaking"),
    COLUMN_ADDED(false, "a new column: additive, breaking when NOT NULL with no default, identity or generation "
            + "(INSERTs that leave it out fail)"),
    COLUMN_DROPPED(true, "a column is gone: breaking"),
    COLUMN_RENAMED(true, "a dropped and an added column of the same table with the same position (attnum) and type:"
            + " breaking. Heuristic: ALTER TABLE … RENAME COLUMN keeps attnum, a drop plus add never reuses it"),
    COLUMN_TYPE_CHANGED(true, "a new type: breaking, except changes that keep every value and need no rewrite "
            + "(varchar or numeric precision widening, varchar to text, cidr to inet)"),
    COLUMN_NULLABILITY(true, "nullable to NOT NULL: breaking; NOT NULL to nullable: additive"),
    COLUMN_DEFAULT_CHANGED(false, "default, identity or generation changed: additive, breaking when a NOT NULL "
            + "column loses its value source or a column becomes GENERATED ALWAYS (writes to it fail)"),
    PRIMARY_KEY_CHANGED(true, "a primary key added (additive), dropped or moved to other columns (breaking)"),
    UNIQUE_KEY_ADDED(false, "a new unique constraint: additive"),
    UNIQUE_KEY_DROPPED(true, "a unique constraint is gone: breaking (ON CONFLICT and lookups relied on it)"),
    FOREIGN_KEY_ADDED(false, "a new foreign key: additive"),
    FOREIGN_KEY_DROPPED(true, "a foreign key is gone (or redefined: it shows as dropped and added): breaking"),
    CHECK_ADDED(false, "a new CHECK or EXCLUDE constraint: additive"),
    CHECK_DROPPED(false, "a CHECK or EXCLUDE constraint is gone: additive (fewer writes fail)"),
    INDEX_ADDED(false, "a new index (not backing a constraint): additive"),
    INDEX_DROPPED(false, "an index is gone: additive (only speed changes; unique constraints are keys)"),
    VIEW_COLUMNS_CHANGED(true, "a view's or materialized view's column names or types changed: breaking"),
    VIEW_DEFINITION_CHANGED(false, "a view's query changed with the same columns: additive"),
    TRIGGER_ADDED(false, "a new trigger: additive"),
    TRIGGER_DROPPED(false, "a trigger is gone or redefined: additive"),
    COMMENT_CHANGED(false, "a comment on a schema, relation or column changed: additive");

    private final boolean breaking;
    private final String doc;

    ChangeKind(boolean breaking, String doc) {
        this.breaking = breaking;
        this.doc = doc;
    }

    /** The id in reports: {@code column_dropped}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The usual classification; kinds whose doc says "except" or "when" decide per change. */
    public boolean alwaysBreaking() {
        return breaking;
    }

    public String doc() {
        return doc;
    }
}
