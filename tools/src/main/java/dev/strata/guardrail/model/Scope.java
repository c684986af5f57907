package dev.strata.guardrail.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One SELECT level (or VALUES list): its FROM items, the CTEs it can see, its output columns, and which FROM items
 * its conditions connect (for cartesian products). Subqueries see their parent's items (correlation).
 */
public final class Scope {

    final Scope parent;
    final List<TableRef> tables = new ArrayList<>();
    final Map<String, TableRef> ctes = new HashMap<>();
    final List<OutputColumn> outputs = new ArrayList<>();
    /** Pairs of FROM items that some condition (or an explicit CROSS JOIN / LATERAL) connects. */
    final List<TableRef[]> connections = new ArrayList<>();
    /** Items joined with CROSS JOIN: deliberate products, not accidents. */
    final Set<TableRef> deliberate = new HashSet<>();
    /** Columns a USING or NATURAL join merged into one: hidden on this item for unqualified names. */
    final Map<TableRef, Set<String>> merged = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    /** The enclosing scope (correlated references reach it), or null at the top. */
    public Scope parent() {
        return parent;
    }

    /** Every FROM item of this level, joined ones included, in order. */
    public List<TableRef> tables() {
        return tables;
    }

    /** The output columns of this SELECT, in order. */
    public List<OutputColumn> outputs() {
        return outputs;
    }

    public List<TableRef[]> connections() {
        return connections;
    }

    public Set<TableRef> deliberate() {
        return deliberate;
    }

    /** Whether an unqualified reference to {@code column} skips this item (a USING/NATURAL join merged it). */
    public boolean mergedAway(TableRef item, String column) {
        Set<String> hidden = merged.get(item);
        return hidden != null && hidden.contains(column);
    }

    TableRef cte(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            TableRef t = s.ctes.get(name);
            if (t != null) return t;
        }
        return null;
    }
}
