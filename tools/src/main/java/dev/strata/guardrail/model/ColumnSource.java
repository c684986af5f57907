package dev.strata.guardrail.model;

import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;

/**
 * Where a referenced column's values come from: the base relation and column when Strata can trace it (through
 * aliases, subqueries, CTEs and simple views), or only the FROM item when the value is computed.
 */
public record ColumnSource(TableRef table, Relation relation, Column column) {

    public boolean isBase() {
        return relation != null && column != null;
    }

    public String qualifiedColumn() {
        return relation.qualifiedName() + "." + column.name();
    }
}
