package dev.strata.guardrail.shape;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which columns of a SELECT's items hold one value per group: the grouping (or DISTINCT ON) keys, columns a WHERE
 * equality pins to a constant or to an outer query's column, everything an equality joins to those, and every
 * column of an item once a unique key of it is pinned. Rules ask it whether a join can still repeat rows within a
 * group, or whether an output can differ between the rows of a group.
 */
public final class Fixed {

    private final Map<Item, Set<String>> columns = new HashMap<>();
    private final Set<Item> whole = new HashSet<>();

    private Fixed() {
    }

    /** Starting from the given key expressions (plain columns count) and the WHERE equalities with constants. */
    public static Fixed of(SelectShape s, List<Expression> keys, List<Link> links) {
        Fixed f = new Fixed();
        for (Expression k : keys) {
            if (Sql.unwrap(k) instanceof Column c) f.seed(s, c);
        }
        for (Expression term : Sql.conjuncts(s.select().getWhere())) {
            if (!(term instanceof EqualsTo eq)) continue;
            Expression l = Sql.unwrap(eq.getLeftExpression());
            Expression r = Sql.unwrap(eq.getRightExpression());
            if (l instanceof Column c && pinning(s, r)) f.seed(s, c);
            if (r instanceof Column c && pinning(s, l)) f.seed(s, c);
        }
        f.close(s, links);
        return f;
    }

    /** A constant, or a column of an enclosing query (one value for each run of this SELECT). */
    private static boolean pinning(SelectShape s, Expression e) {
        if (Literal.of(e) != null) return true;
        if (e instanceof Column c) {
            Resolved r = s.resolve(c);
            return r != null && !s.owns(r.item());
        }
        return false;
    }

    private void seed(SelectShape s, Column c) {
        Resolved r = s.resolve(c);
        if (r != null && s.owns(r.item())) columns.computeIfAbsent(r.item(), x -> new HashSet<>()).add(r.name());
    }

    private void close(SelectShape s, List<Link> links) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Link l : links) {
                changed |= pass(l.left(), l.leftColumns(), l.right(), l.rightColumns());
                changed |= pass(l.right(), l.rightColumns(), l.left(), l.leftColumns());
            }
            for (Item it : s.items()) {
                if (whole.contains(it)) continue;
                Set<String> have = columns.getOrDefault(it, Set.of());
                if (!have.isEmpty() && Boolean.TRUE.equals(Link.unique(it, new ArrayList<>(have)))) {
                    whole.add(it);
                    changed = true;
                }
            }
        }
    }

    private boolean pass(Item from, List<String> fromCols, Item to, List<String> toCols) {
        if (!whole.contains(from) && !columns.getOrDefault(from, Set.of()).containsAll(fromCols)) return false;
        return columns.computeIfAbsent(to, x -> new HashSet<>()).addAll(toCols);
    }

    /** Whether every column of the item holds one value (a unique key of it is pinned). */
    public boolean whole(Item item) {
        return whole.contains(item);
    }

    /** The item's pinned columns. */
    public Set<String> columns(Item item) {
        return columns.getOrDefault(item, Set.of());
    }
}
