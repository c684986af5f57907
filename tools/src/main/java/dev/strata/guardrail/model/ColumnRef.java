package dev.strata.guardrail.model;

import java.util.List;

/**
 * A column as written in the query ({@code o.user_id}, {@code state}), with what it resolved to.
 *
 * @param candidates FROM items of the nearest scope that have a column of this name (several: ambiguous)
 * @param source     the resolved source, or null when unknown or ambiguous
 */
public record ColumnRef(String qualifier, String name, Clause clause, int offset, Scope scope,
                        List<TableRef> candidates, ColumnSource source, boolean unknownQualifier) {

    public String written() {
        return qualifier == null ? name : qualifier + "." + name;
    }
}
