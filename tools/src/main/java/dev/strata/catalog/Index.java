package dev.strata.catalog;

import java.util.List;

/**
 * An index. {@code columns} holds column names or, for expression indexes, the expression text.
 *
 * @param predicate the WHERE clause of a partial index, or null
 */
public record Index(
        String name,
        List<String> columns,
        boolean unique,
        boolean primary,
        boolean valid,
        String method,
        String predicate) {

    /** True when the index can serve lookups that start with {@code column}. */
    public boolean leadsWith(String column) {
        return !columns.isEmpty() && columns.get(0).equals(column);
    }
}
