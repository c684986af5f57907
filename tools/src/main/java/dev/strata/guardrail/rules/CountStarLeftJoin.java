package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.shape.Item;
import dev.strata.guardrail.shape.Keys;
import dev.strata.guardrail.shape.Link;
import dev.strata.guardrail.shape.Literal;
import dev.strata.guardrail.shape.QueryShape;
import dev.strata.guardrail.shape.Resolved;
import dev.strata.guardrail.shape.SelectShape;
import dev.strata.guardrail.shape.Sql;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>count-star-left-join</b>: {@code count(*)} per parent over a LEFT JOIN to a child table. A parent without
 * children still gets one row from the LEFT JOIN (its child columns NULL), so {@code count(*)} says 1 where the
 * answer is 0; {@code count(1)} and the count of a parent's NOT NULL column do the same. Only when the joined table
 * is certainly a child (its join columns are not a key of it) and the grouping is per parent (no column of the
 * child in GROUP BY): a LEFT JOIN to a lookup table, one row per parent, counts right.
 *
 * <pre>
 * bad:  SELECT u.id, count(*) AS orders FROM users u LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.id
 * good: SELECT u.id, count(o.id) AS orders FROM users u LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.id
 * </pre>
 */
public final class CountStarLeftJoin extends RuleBase {

    public CountStarLeftJoin() {
        super("count-star-left-join", Severity.WARNING, "count(*) per parent over a LEFT JOIN counts 1 for none");
    }

    @Override
    public void check(GuardContext context) {
        QueryShape shape = QueryShape.of(context);
        for (SelectShape s : shape.selects()) {
            if (!s.hasGroupBy()) continue;
            List<Link> links = null;
            for (Item child : s.items()) {
                if (!child.isLeftJoined()) continue;
                if (links == null) links = Link.of(s);
                List<String> keys = new ArrayList<>();
                for (Link l : links) if (l.touches(child)) keys.addAll(l.columnsOf(child));
                if (keys.isEmpty() || !Boolean.FALSE.equals(Link.unique(child, keys))) continue;
                if (!perParent(s, child)) continue;
                if (check(context, shape, s, child, keys)) break;
            }
        }
    }

    /** GROUP BY reads columns, and none of the child's: one group per parent (or per parent attribute). */
    private static boolean perParent(SelectShape s, Item child) {
        boolean any = false;
        for (Expression g : s.groupBy()) {
            for (Column c : Sql.columns(g)) {
                Resolved r = s.resolve(c);
                if (r == null || r.item() == child || r.item().nullable()) return false;
                any = true;
            }
        }
        return any;
    }

    private boolean check(GuardContext context, QueryShape shape, SelectShape s, Item child, List<String> keys) {
        List<Expression> places = s.aggregatePlaces();
        Expression[] found = {null};
        for (Expression place : places) {
            Sql.walk(place, e -> {
                if (found[0] == null && countsParentRows(s, child, e)) found[0] = e;
            });
            if (found[0] != null) break;
        }
        if (found[0] == null) return false;
        Expression count = found[0];
        String key = Keys.singleKey(child.rowsOf());
        if (key == null || !child.knows(key)) key = keys.get(0);
        String fixed = "count(" + child.exposedName() + "." + key + ")";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("optional_side", child.displayName());
        evidence.put("join_columns", keys);
        evidence.put("one_to_many", "the join columns are not a key of " + child.displayName());
        context.report(this, count + " counts the rows of LEFT JOIN " + child.displayName() + ": a group with no "
                        + child.name() + " row still has one row (its " + child.exposedName() + " columns NULL), "
                        + "so it counts 1 where the answer is 0", shape.offset(count),
                child.relation() != null ? child.relation().qualifiedName() : null, key, fixed, evidence);
        return true;
    }

    /** count(*), count(constant), or count of a NOT NULL column of a row-preserving item. */
    private static boolean countsParentRows(SelectShape s, Item child, Expression e) {
        if (!"count".equals(Sql.aggregate(e)) || Sql.distinctAggregate(e)) return false;
        Expression filter = Sql.filter(e);
        if (filter != null) {
            for (Column c : Sql.columns(filter)) {
                Resolved r = s.resolve(c);
                if (r != null && r.item() == child) return false;
            }
        }
        if (Sql.isCountStar(e)) return true;
        List<Expression> args = Sql.arguments(e);
        if (args.size() != 1) return false;
        Literal l = Literal.of(args.get(0));
        if (l != null) return !l.isNull();
        if (Sql.unwrap(args.get(0)) instanceof Column c) {
            Resolved r = s.resolve(c);
            return r != null && s.owns(r.item()) && r.item() != child && !r.item().nullable() && r.notNull();
        }
        return false;
    }
}
