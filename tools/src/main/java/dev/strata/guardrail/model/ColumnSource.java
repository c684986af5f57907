package dev.strata.guardrail.model;

import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;

/**
 * Where a referenced column's values come from: the FROM item the query reaches it through, and the base relation
 * and column when Strata can trace it (through aliases, subqueries, CTEs and simple views); relation and column are
 * null when the value is computed (an expression, an aggregate, a function's output, a system column).
 */
public record ColumnSource(TableRef table, Relation relation, Column column) {

    public boolean isBase() {
        return relation != null && column != null;
    }

    public String qualifiedColumn() {
        return relation.qualifiedName() + "." + column.name();
    }

    /** The same values, reached through another FROM item (a CTE or subquery that passes the column on). */
    ColumnSource from(TableRef item) {
        return new ColumnSource(item, relation, column);
    }
}
