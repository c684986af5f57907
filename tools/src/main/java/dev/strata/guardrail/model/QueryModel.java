package dev.strata.guardrail.model;

import java.util.List;

/** Everything the semantic rules look at, built once per statement by {@link QueryModelBuilder}. */
public record QueryModel(List<Scope> scopes, List<TableRef> tables, List<ColumnRef> columns,
                         List<Equality> equalities, List<UnknownTable> unknownTables) {

    /** FROM items that are catalog relations, in every scope. */
    public List<TableRef> baseTables() {
        return tables.stream().filter(TableRef::isBase).toList();
    }
}
