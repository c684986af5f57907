package dev.strata.guardrail.model;

import java.util.List;

/**
 * Everything the semantic rules look at, built once per statement by {@link QueryModelBuilder}.
 *
 * @param scopes        every SELECT level (and VALUES list), outermost first
 * @param tables        every FROM item of every scope
 * @param columns       every column reference, resolved by PostgreSQL's rules ({@link ColumnRef.Resolution})
 * @param equalities    every {@code column = column} condition (also through casts and simple functions) and every
 *                      USING/NATURAL join column
 * @param unknownTables FROM items that name nothing
 */
public record QueryModel(List<Scope> scopes, List<TableRef> tables, List<ColumnRef> columns,
                         List<Equality> equalities, List<UnknownTable> unknownTables) {

    /** FROM items that are catalog relations, in every scope. */
    public List<TableRef> baseTables() {
        return tables.stream().filter(TableRef::isBase).toList();
    }
}
