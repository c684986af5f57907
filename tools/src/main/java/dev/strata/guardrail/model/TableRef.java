package dev.strata.guardrail.model;

import dev.strata.catalog.Relation;
import dev.strata.catalog.RelationKind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One item of a FROM clause, as PostgreSQL sees it: a catalog relation (table, view, materialized view, foreign
 * table), a relation of {@code pg_catalog}/{@code information_schema}, a sequence, a CTE, a subquery, a function
 * call, a VALUES list, or a name nothing resolves.
 *
 * <p>{@link #columns()} holds the item's visible columns in order (after any alias column list
 * {@code AS t(a, b)}), each mapped to where its values come from: a base column when Strata can trace it (through
 * views, CTEs and subqueries), a computed {@link ColumnSource} (no relation) otherwise. An {@link #open()} item may
 * have columns Strata does not know (a function without a column definition list, {@code SELECT *} from something
 * unknown): rules never call a name missing from it wrong.
 */
public final class TableRef {

    /** What the FROM item is. */
    public enum Kind {
        /** A relation of the catalog: table, view, materialized view, partitioned or foreign table. */
        RELATION,
        /** A relation of {@code pg_catalog} or {@code information_schema}. */
        SYSTEM,
        /** A sequence ({@code SELECT last_value FROM s}). */
        SEQUENCE,
        CTE,
        SUBQUERY,
        /** A function call ({@code generate_series(…)}, {@code unnest(…)}, {@code json_to_recordset(…) AS x(…)}). */
        FUNCTION,
        VALUES,
        /** A name that is neither in the catalog nor a CTE in scope (reported as unknown-table). */
        UNKNOWN
    }

    /** Columns PostgreSQL adds to every table row (not to views or derived tables). */
    public static final Set<String> SYSTEM_COLUMNS = Set.of("ctid", "xmin", "xmax", "cmin", "cmax", "tableoid");

    private final Kind kind;
    private final String alias;
    private final String name;
    private final Relation relation;
    private final String qualifiedName;
    private final Map<String, ColumnSource> columns;
    private final boolean open;
    private final int offset;
    private boolean singleRow;

    private TableRef(Kind kind, String alias, String name, Relation relation, String qualifiedName,
                     Map<String, ColumnSource> columns, boolean open, int offset, boolean singleRow) {
        this.kind = kind;
        this.alias = alias;
        this.name = name;
        this.relation = relation;
        this.qualifiedName = qualifiedName;
        this.columns = columns;
        this.open = open;
        this.offset = offset;
        this.singleRow = singleRow;
    }

    /**
     * A catalog relation. {@code traced} maps view columns to their base columns (may be empty); {@code renamed}
     * is the alias column list, applied to the relation's columns in order.
     */
    static TableRef relation(String alias, String name, Relation relation, Map<String, ColumnSource> traced,
                             List<String> renamed, int offset) {
        Map<String, ColumnSource> cols = new LinkedHashMap<>();
        TableRef ref = new TableRef(Kind.RELATION, alias, name, relation, relation.qualifiedName(), cols, false,
                offset, false);
        List<dev.strata.catalog.Column> own = relation.columns();
        for (int i = 0; i < own.size(); i++) {
            dev.strata.catalog.Column c = own.get(i);
            String visible = renamed != null && i < renamed.size() ? renamed.get(i) : c.name();
            ColumnSource source = traced != null && traced.get(c.name()) != null ? traced.get(c.name()).from(ref)
                    : new ColumnSource(ref, relation, c);
            cols.put(visible, source);
        }
        return ref;
    }

    /** A derived item (CTE, subquery, function, VALUES, system relation, sequence, unknown name). */
    static TableRef derived(Kind kind, String alias, String name, String qualifiedName, List<OutputColumn> outputs,
                            List<String> renamed, boolean open, boolean singleRow, int offset) {
        Map<String, ColumnSource> cols = new LinkedHashMap<>();
        TableRef ref = new TableRef(kind, alias, name, null, qualifiedName, cols, open, offset, singleRow);
        for (int i = 0; i < outputs.size(); i++) {
            OutputColumn o = outputs.get(i);
            String visible = renamed != null && i < renamed.size() ? renamed.get(i) : o.name();
            if (visible == null) continue;
            // The first of two equal names wins, as PostgreSQL resolves a reference to it (the second is ambiguous
            // only when referenced, which the catalog-aware check leaves to PostgreSQL).
            ColumnSource source = o.source() == null ? new ColumnSource(ref, null, null) : o.source().from(ref);
            cols.putIfAbsent(visible, source);
        }
        if (renamed != null) {
            for (int i = outputs.size(); i < renamed.size(); i++) {
                cols.putIfAbsent(renamed.get(i), new ColumnSource(ref, null, null));
            }
        }
        return ref;
    }

    public Kind kind() {
        return kind;
    }

    public String alias() {
        return alias;
    }

    /** The name as written (without schema), or a placeholder for unnamed items ("subquery", "values"). */
    public String name() {
        return name;
    }

    /** The catalog relation, or null for everything else. */
    public Relation relation() {
        return relation;
    }

    /** {@code schema.name} of a relation, system relation or sequence; null for derived items. */
    public String qualifiedName() {
        return qualifiedName;
    }

    /** Visible columns in order, each with where its values come from. */
    public Map<String, ColumnSource> columns() {
        return Collections.unmodifiableMap(columns);
    }

    public boolean open() {
        return open;
    }

    /** Character offset of the item in the whole input. */
    public int offset() {
        return offset;
    }

    /**
     * The item yields at most one row (an aggregate without GROUP BY, LIMIT 1, a one-row VALUES, a single-row
     * INSERT … RETURNING, a filter on its whole primary key): combining it with other items multiplies nothing.
     */
    public boolean singleRow() {
        return singleRow;
    }

    void markSingleRow() {
        this.singleRow = true;
    }

    public boolean isBase() {
        return relation != null;
    }

    /** The name a query uses for this item: its alias, or its own name. */
    public String exposedName() {
        return alias != null ? alias : name;
    }

    /** Whether rows of this item carry {@code ctid}, {@code xmin} and the other system columns. */
    public boolean hasSystemColumns() {
        if (kind == Kind.SYSTEM || kind == Kind.SEQUENCE) return true;
        return relation != null && relation.kind() != RelationKind.VIEW;
    }

    /** Whether this item has the column, and where its values come from (traced through views and subqueries). */
    public Optional<ColumnSource> column(String column) {
        ColumnSource source = columns.get(column);
        if (source != null) return Optional.of(source);
        if (hasSystemColumns() && SYSTEM_COLUMNS.contains(column)) return Optional.of(new ColumnSource(this, null, null));
        return open ? Optional.of(new ColumnSource(this, null, null)) : Optional.empty();
    }

    /** Whether the column certainly exists here (false for open items that may or may not have it). */
    public boolean knowsColumn(String column) {
        return columns.containsKey(column) || (hasSystemColumns() && SYSTEM_COLUMNS.contains(column));
    }

    @Override
    public String toString() {
        return kind + " " + (qualifiedName != null ? qualifiedName : name) + (alias != null ? " " + alias : "");
    }
}
