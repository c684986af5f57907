package dev.strata.guardrail.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One SELECT level: its FROM items, the CTEs it can see, the output aliases ORDER BY may use, and which FROM
 * items its conditions connect (for cartesian products). Subqueries see their parent's items (correlation).
 */
public final class Scope {

    final Scope parent;
    final List<TableRef> tables = new ArrayList<>();
    final Map<String, TableRef> ctes = new HashMap<>();
    final Set<String> outputAliases = new HashSet<>();
    /** Pairs of FROM items that some condition (or an explicit CROSS JOIN / LATERAL) connects. */
    final List<TableRef[]> connections = new ArrayList<>();
    /** Items joined with CROSS JOIN: deliberate products, not accidents. */
    final Set<TableRef> deliberate = new HashSet<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    public Scope parent() {
        return parent;
    }

    public List<TableRef> tables() {
        return tables;
    }

    public List<TableRef[]> connections() {
        return connections;
    }

    public Set<TableRef> deliberate() {
        return deliberate;
    }

    TableRef cte(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            TableRef t = s.ctes.get(name);
            if (t != null) return t;
        }
        return null;
    }
}
