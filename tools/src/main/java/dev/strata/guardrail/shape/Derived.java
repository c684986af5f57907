package dev.strata.guardrail.shape;

import dev.strata.catalog.Relation;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.Select;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subquery or CTE as a FROM item sees it: its output columns (traced to base columns where they are plain column
 * references), the plain SELECTs it is made of, and whether it is a {@code UNION} that drops duplicate rows.
 */
public final class Derived {

    /** One output column; {@code source} is null when the value is computed. */
    public record Output(String name, Expression expression, Resolved source) {
    }

    private final Select body;
    private final Map<String, Output> outputs;
    private final boolean open;
    private final List<SelectShape> parts;
    private final boolean unionDistinct;

    Derived(Select body, Map<String, Output> outputs, boolean open, List<SelectShape> parts, boolean unionDistinct) {
        this.body = body;
        this.outputs = outputs;
        this.open = open;
        this.parts = parts;
        this.unionDistinct = unionDistinct;
    }

    public Select body() {
        return body;
    }

    public Map<String, Output> outputs() {
        return outputs;
    }

    /** Whether some output columns are unknown (SELECT * of something unknown, VALUES, functions). */
    public boolean open() {
        return open;
    }

    /** The plain SELECTs the body is made of: one, or the branches of a set operation. */
    public List<SelectShape> parts() {
        return parts;
    }

    /** A {@code UNION} (or {@code UNION DISTINCT}) among the body's set operations: equal rows collapse. */
    public boolean unionDistinct() {
        return unionDistinct;
    }

    /** The one plain SELECT behind this item, or null for set operations. */
    public SelectShape plain() {
        return parts.size() == 1 && body != null && !(body instanceof net.sf.jsqlparser.statement.select.SetOperationList)
                ? parts.get(0) : null;
    }

    /**
     * The table whose rows come out one for one: a SELECT of one table with no join, grouping, DISTINCT or
     * aggregate (a filter keeps each row at most once).
     */
    public Relation rowsOf() {
        SelectShape p = plain();
        if (p == null || p.items().size() != 1 || p.grouped() || p.select().getDistinct() != null) return null;
        return p.items().get(0).rowsOf();
    }

    /**
     * Whether these output columns identify a row: they hold the whole GROUP BY (or DISTINCT ON) key, the SELECT
     * is an aggregate without GROUP BY (one row), or they trace to a unique key of the one table it filters.
     */
    public boolean uniqueOn(Set<String> names) {
        SelectShape p = plain();
        if (p == null) return false;
        if (p.grouped()) {
            Set<String> keys = p.groupKeyOutputs();
            return keys != null && (keys.isEmpty() || names.containsAll(keys));
        }
        if (p.select().getDistinct() != null) {
            Set<String> keys = p.distinctOutputs();
            return keys != null && names.containsAll(keys);
        }
        Relation r = rowsOf();
        if (r == null) return false;
        java.util.Set<String> base = new java.util.HashSet<>();
        for (String n : names) {
            Output o = outputs.get(n);
            if (o != null && o.source() != null && o.source().isBase() && o.source().relation() == r) {
                base.add(o.source().column().name());
            }
        }
        return Keys.unique(r, base);
    }
}
