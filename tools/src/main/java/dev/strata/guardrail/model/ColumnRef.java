package dev.strata.guardrail.model;

import java.util.List;

/**
 * A column as written in the query ({@code o.user_id}, {@code state}), with what PostgreSQL resolves it to.
 *
 * @param candidates FROM items of the nearest scope that have a column of this name (several: ambiguous)
 * @param source     the resolved source, or null when unresolved, ambiguous, or not a column of a FROM item
 * @param resolution how the name resolved
 */
public record ColumnRef(String qualifier, String name, Clause clause, int offset, Scope scope,
                        List<TableRef> candidates, ColumnSource source, Resolution resolution) {

    /** How a written name resolved, following PostgreSQL's rules. */
    public enum Resolution {
        /** A column of exactly one FROM item ({@link #source()} says which; it may be computed). */
        COLUMN,
        /** Several FROM items of the same scope have it, and no USING/NATURAL join merges them. */
        AMBIGUOUS,
        /** An item that may have it is open (its columns are not all known): neither right nor wrong. */
        UNCERTAIN,
        /** ORDER BY / GROUP BY / DISTINCT ON naming an output column of the same SELECT. */
        OUTPUT,
        /** A table name used as a value: the whole row ({@code row_to_json(t)}, {@code count(t)}). */
        WHOLE_ROW,
        /** {@code c.f} where {@code c} is a column, not a table: a field of a composite value. */
        FIELD,
        /** Nothing in scope has it. */
        UNKNOWN,
        /** Its qualifier names no FROM item (and no column) in scope. */
        UNKNOWN_QUALIFIER
    }

    public String written() {
        return qualifier == null ? name : qualifier + "." + name;
    }

    /** Whether the qualifier names nothing in scope (reported as unknown-table). */
    public boolean unknownQualifier() {
        return resolution == Resolution.UNKNOWN_QUALIFIER;
    }
}
