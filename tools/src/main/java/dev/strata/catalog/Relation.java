package dev.strata.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A table, view, materialized view, partitioned or foreign table with everything the catalog says about it.
 *
 * @param rowsEstimate {@code pg_class.reltuples}; -1 when the table was never analysed
 * @param sizeBytes    {@code pg_total_relation_size}; -1 for relations without storage
 * @param viewDefinition the SELECT of a view or materialized view, else null
 */
public record Relation(
        long oid,
        String schema,
        String name,
        RelationKind kind,
        String comment,
        long rowsEstimate,
        long sizeBytes,
        boolean partition,
        String viewDefinition,
        List<Column> columns,
        List<Key> keys,
        List<ForeignKey> foreignKeys,
        List<CheckConstraint> checks,
        List<Index> indexes,
        List<Trigger> triggers) {

    public Relation {
        columns = List.copyOf(columns);
        keys = List.copyOf(keys);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        indexes = List.copyOf(indexes);
        triggers = List.copyOf(triggers);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    public Optional<Column> column(String columnName) {
        for (Column c : columns) {
            if (c.name().equals(columnName)) return Optional.of(c);
        }
        String folded = columnName.toLowerCase(Locale.ROOT);
        if (!folded.equals(columnName)) {
            for (Column c : columns) {
                if (c.name().equals(folded)) return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public Optional<Key> primaryKey() {
        return keys.stream().filter(Key::primary).findFirst();
    }

    /** The single column of the primary key, if the key has exactly one. */
    public Optional<String> singlePrimaryKeyColumn() {
        return primaryKey().filter(k -> k.columns().size() == 1).map(k -> k.columns().get(0));
    }

    /**
     * Columns that identify a row on their own: single-column primary keys, unique constraints and full (not
     * partial) unique indexes over a plain column.
     */
    public List<String> uniqueColumns() {
        Map<String, Boolean> unique = new HashMap<>();
        for (Key k : keys) {
            if (k.columns().size() == 1) unique.put(k.columns().get(0), true);
        }
        for (Index i : indexes) {
            if (i.unique() && i.valid() && i.predicate() == null && i.columns().size() == 1
                    && column(i.columns().get(0)).isPresent()) {
                unique.put(i.columns().get(0), true);
            }
        }
        return columns.stream().map(Column::name).filter(unique::containsKey).toList();
    }

    public boolean isUniqueColumn(String column) {
        return uniqueColumns().contains(column);
    }

    /** Whether some valid index starts with this column (so lookups and FK checks on it are cheap). */
    public boolean hasIndexLeadingWith(String column) {
        return indexes.stream().anyMatch(i -> i.valid() && i.predicate() == null && i.leadsWith(column));
    }

    /** The declared foreign key whose columns are exactly these, if any. */
    public Optional<ForeignKey> foreignKeyOn(List<String> cols) {
        return foreignKeys.stream().filter(fk -> fk.columns().equals(cols)).findFirst();
    }
}
