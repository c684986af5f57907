package dev.strata.guardrail.shape;

import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;

/**
 * A column reference resolved to the FROM item that provides it and, when Strata can trace it, the base column
 * (through aliases, subqueries and CTEs).
 *
 * @param name     the column's name as the item exposes it
 * @param relation the base relation, or null when the value is computed or unknown
 * @param column   the base column, or null
 */
public record Resolved(Item item, String name, Relation relation, Column column) {

    public boolean isBase() {
        return relation != null && column != null;
    }

    /** {@code schema.table.column} of the base column. */
    public String qualified() {
        return relation.qualifiedName() + "." + column.name();
    }

    /** Whether the catalog says the base column can never be NULL. */
    public boolean notNull() {
        return isBase() && !column.nullable();
    }

    /** The base column's type without modifiers ({@code integer}, {@code timestamp with time zone}), or null. */
    public String type() {
        return isBase() ? column.baseType() : null;
    }
}
