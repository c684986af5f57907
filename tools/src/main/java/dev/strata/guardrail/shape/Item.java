package dev.strata.guardrail.shape;

import dev.strata.catalog.Relation;
import dev.strata.catalog.RelationKind;
import net.sf.jsqlparser.statement.select.Join;

/**
 * One FROM item of a SELECT: a catalog relation or a derived table (subquery, CTE), how it was joined, and
 * whether an outer join can null-extend it.
 */
public final class Item {

    private final String alias;
    private final String name;
    private final Relation relation;
    private final Derived derived;
    private final Join join;
    private final int offset;
    boolean nullable;

    Item(String alias, String name, Relation relation, Derived derived, Join join, int offset) {
        this.alias = alias;
        this.name = name;
        this.relation = relation;
        this.derived = derived;
        this.join = join;
        this.offset = offset;
    }

    /** The name the query uses for the item: its alias, or its own name. */
    public String exposedName() {
        return alias != null ? alias : name;
    }

    /** The relation's or CTE's own name (not the alias). */
    public String name() {
        return name;
    }

    /** How findings name the item: {@code schema.table}, or the CTE's / subquery's name. */
    public String displayName() {
        return relation != null ? relation.qualifiedName() : name;
    }

    public String alias() {
        return alias;
    }

    /** The catalog relation (table, view, …), or null for derived tables and unknown names. */
    public Relation relation() {
        return relation;
    }

    /** The subquery or CTE behind the item, or null. */
    public Derived derived() {
        return derived;
    }

    /** The JOIN that brought the item in, or null for the first FROM item (and comma-listed ones). */
    public Join join() {
        return join;
    }

    /** Whether an outer join can give this item all-NULL columns (the right of LEFT JOIN, either side of FULL). */
    public boolean nullable() {
        return nullable;
    }

    public boolean isLeftJoined() {
        return join != null && join.isLeft() && !join.isFull();
    }

    /** Absolute offset of the item in the input. */
    public int offset() {
        return offset;
    }

    /** Whether the item certainly has a column of this name. */
    public boolean knows(String column) {
        if (relation != null) return relation.column(column).isPresent();
        return derived != null && derived.outputs().containsKey(column);
    }

    /** Whether the item's columns are not all known (unknown table, function, SELECT *). */
    public boolean open() {
        if (relation != null) return false;
        return derived == null || derived.open();
    }

    /**
     * The table whose rows this item yields one for one: the table itself, or the single table a plain filtering
     * subquery reads. Null when the item groups, joins, or is not a table.
     */
    public Relation rowsOf() {
        if (relation != null) {
            return relation.kind() == RelationKind.TABLE || relation.kind() == RelationKind.PARTITIONED_TABLE
                    ? relation : null;
        }
        return derived == null ? null : derived.rowsOf();
    }

    /** The column as this item exposes it, traced to its base column where Strata can. */
    public Resolved column(String column) {
        if (relation != null) {
            return new Resolved(this, column, relation, relation.column(column).orElse(null));
        }
        if (derived != null) {
            Derived.Output out = derived.outputs().get(column);
            if (out != null && out.source() != null) {
                return new Resolved(this, column, out.source().relation(), out.source().column());
            }
        }
        return new Resolved(this, column, null, null);
    }

    @Override
    public String toString() {
        return exposedName();
    }
}
