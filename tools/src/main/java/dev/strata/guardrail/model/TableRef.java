package dev.strata.guardrail.model;

import dev.strata.catalog.Relation;

import java.util.Map;
import java.util.Optional;

/**
 * One item of a FROM clause: a catalog relation, or a derived table (subquery, CTE, function) whose output
 * columns map back to base columns where they can.
 *
 * @param relation the catalog relation (table or view), or null for derived tables
 * @param columns  for derived tables: output column → base source (null value: computed); for views: the columns
 *                 traced to their base table; null for plain tables
 * @param open     a derived table whose columns are not all known (SELECT *, set-returning functions)
 * @param offset   character offset of the reference in the SQL, for line and column
 */
public record TableRef(String alias, String name, Relation relation, Map<String, ColumnSource> columns, boolean open,
                       int offset) {

    public boolean isBase() {
        return relation != null;
    }

    /** The name a query uses for this item: its alias, or its own name. */
    public String exposedName() {
        return alias != null ? alias : name;
    }

    /** Whether this item has the column, and where its values come from (traced through views and subqueries). */
    public Optional<ColumnSource> column(String column) {
        if (relation != null) {
            if (columns != null && columns.containsKey(column)) return Optional.of(columns.get(column));
            return relation.column(column).map(c -> new ColumnSource(this, relation, c));
        }
        if (columns.containsKey(column)) {
            ColumnSource source = columns.get(column);
            return Optional.of(source != null ? source : new ColumnSource(this, null, null));
        }
        return open ? Optional.of(new ColumnSource(this, null, null)) : Optional.empty();
    }

    /** Whether the column certainly exists here (false for open derived tables that may or may not have it). */
    public boolean knowsColumn(String column) {
        if (relation != null) return relation.column(column).isPresent();
        return columns.containsKey(column);
    }
}
