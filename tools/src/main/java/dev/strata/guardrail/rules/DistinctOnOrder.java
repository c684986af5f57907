package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.shape.Fixed;
import dev.strata.guardrail.shape.Item;
import dev.strata.guardrail.shape.Keys;
import dev.strata.guardrail.shape.Link;
import dev.strata.guardrail.shape.QueryShape;
import dev.strata.guardrail.shape.Resolved;
import dev.strata.guardrail.shape.SelectShape;
import dev.strata.guardrail.shape.Sql;
import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>distinct-on-order</b>: {@code DISTINCT ON (k)} whose ORDER BY stops at {@code k} (or is missing): PostgreSQL
 * keeps the first row of each group in sort order, and with nothing after {@code k} that row is whichever came
 * first, so "the latest order per user" is an arbitrary order per user, and may differ between runs. Not a finding
 * when every other output is fixed by the keys: columns of a table whose key is among them, or of a lookup joined
 * to it by its key.
 *
 * <pre>
 * bad:  SELECT DISTINCT ON (user_id) user_id, id, created_at FROM orders ORDER BY user_id
 * good: SELECT DISTINCT ON (user_id) user_id, id, created_at FROM orders ORDER BY user_id, created_at DESC
 * </pre>
 */
public final class DistinctOnOrder extends RuleBase {

    public DistinctOnOrder() {
        super("distinct-on-order", Severity.WARNING, "DISTINCT ON whose ORDER BY does not say which row to keep");
    }

    @Override
    public void check(GuardContext context) {
        QueryShape shape = QueryShape.of(context);
        for (SelectShape s : shape.selects()) {
            var distinct = s.select().getDistinct();
            if (distinct == null || distinct.getOnSelectItems() == null || distinct.getOnSelectItems().isEmpty()) continue;
            List<Expression> keys = new ArrayList<>();
            for (SelectItem<?> on : distinct.getOnSelectItems()) keys.add(s.outputExpression(on.getExpression()));
            List<OrderByElement> order = s.select().getOrderByElements();
            if (order != null && order.size() > keys.size()) continue;
            inspect(context, shape, s, keys);
        }
    }

    private void inspect(GuardContext context, QueryShape shape, SelectShape s, List<Expression> keys) {
        Set<String> keyTexts = new HashSet<>();
        for (Expression k : keys) keyTexts.add(Sql.key(k));
        // Grouped by nothing more than the keys: one row per key already.
        if (s.hasGroupBy()) {
            boolean within = true;
            for (Expression g : s.groupBy()) if (!keyTexts.contains(Sql.key(g))) within = false;
            if (within) return;
        }
        Fixed fixed = Fixed.of(s, keys, Link.of(s));
        Item loose = null;
        List<String> arbitrary = new ArrayList<>();
        for (SelectItem<?> item : s.select().getSelectItems()) {
            Expression e = item.getExpression();
            if (e == null || keyTexts.contains(Sql.key(e))) continue;
            String text = e.toString();
            if (text.equals("*") || text.endsWith(".*")) {
                for (Item it : s.items()) {
                    boolean named = text.equals("*") || Sql.fold(text.substring(0, text.length() - 2)).equals(it.exposedName());
                    if (named && !fixed.whole(it)) {
                        arbitrary.add(text);
                        if (loose == null) loose = it;
                    }
                }
                continue;
            }
            if (s.hasGroupBy() && Sql.hasAggregate(e)) {
                arbitrary.add(item.toString());
                continue;
            }
            for (var c : Sql.columns(e)) {
                Resolved r = s.resolve(c);
                if (r == null || !s.owns(r.item()) || fixed.whole(r.item())) continue;
                arbitrary.add(item.toString());
                if (loose == null) loose = r.item();
                break;
            }
        }
        if (arbitrary.isEmpty()) return;
        List<String> keyList = new ArrayList<>();
        for (Expression k : keys) keyList.add(k.toString());
        String tiebreak = loose == null ? null : tiebreak(loose);
        String fix = tiebreak == null
                ? "add to ORDER BY, after " + String.join(", ", keyList) + ", the column that decides which row to keep"
                : "ORDER BY " + String.join(", ", keyList) + ", " + tiebreak + " DESC";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("distinct_on", keyList);
        evidence.put("order_by", s.select().getOrderByElements() == null ? List.of()
                : s.select().getOrderByElements().stream().map(Object::toString).toList());
        evidence.put("arbitrary_outputs", arbitrary);
        context.report(this, "DISTINCT ON (" + String.join(", ", keyList) + ") keeps the first row of each group in "
                        + "ORDER BY order, and " + (s.select().getOrderByElements() == null ? "there is no ORDER BY"
                        : "ORDER BY stops at the keys") + ": which row survives is arbitrary, so "
                        + String.join(", ", arbitrary) + " come from any row of the group", shape.offset(keys.get(0)),
                loose != null && loose.relation() != null ? loose.relation().qualifiedName() : null, null, fix, evidence);
    }

    /** A column that orders the rows of an item: a timestamp (created_at first), else its key. */
    private static String tiebreak(Item item) {
        Relation r = item.rowsOf();
        if (r == null && item.derived() != null) {
            for (var out : item.derived().outputs().values()) {
                Resolved src = out.source();
                if (src != null && src.isBase() && src.column().typeCategory() == 'D') {
                    return item.exposedName() + "." + out.name();
                }
            }
            return null;
        }
        if (r == null) return null;
        Column best = null;
        for (Column c : r.columns()) {
            if (c.typeCategory() != 'D') continue;
            if (best == null || c.name().equals("created_at") || c.name().endsWith("_at") && !best.name().equals("created_at")
                    && !best.name().endsWith("_at")) {
                best = c;
            }
        }
        String name = best != null ? best.name() : Keys.singleKey(r);
        return name == null ? null : item.exposedName() + "." + name;
    }
}
