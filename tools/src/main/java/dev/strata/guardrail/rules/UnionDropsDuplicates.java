package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.shape.Derived;
import dev.strata.guardrail.shape.Item;
import dev.strata.guardrail.shape.Keys;
import dev.strata.guardrail.shape.QueryShape;
import dev.strata.guardrail.shape.Resolved;
import dev.strata.guardrail.shape.SelectShape;
import dev.strata.guardrail.shape.Sql;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>union-drops-duplicates</b>: {@code UNION} (not {@code UNION ALL}) feeding SUM, AVG or COUNT. UNION removes equal
 * rows before the aggregate sees them: two payments of 50.00 become one, two identical archived orders count once.
 * Not a finding when every branch's rows are distinct anyway (each selects a key of its table, or groups), nor for
 * the distinct-set idiom: counting the union of one column, or of identifier columns ({@code SELECT user_id …
 * UNION SELECT author_id …}), counts distinct values on purpose.
 *
 * <pre>
 * bad:  SELECT sum(amount) FROM (SELECT amount_cents AS amount FROM payments UNION SELECT amount_cents FROM refunds) t
 * good: SELECT sum(amount) FROM (SELECT amount_cents AS amount FROM payments UNION ALL SELECT amount_cents FROM refunds) t
 * </pre>
 */
public final class UnionDropsDuplicates extends RuleBase {

    public UnionDropsDuplicates() {
        super("union-drops-duplicates", Severity.WARNING, "UNION feeding an aggregate: equal rows collapse first");
    }

    @Override
    public void check(GuardContext context) {
        QueryShape shape = QueryShape.of(context);
        for (SelectShape s : shape.selects()) {
            for (Item it : s.items()) {
                Derived d = it.derived();
                if (d == null || !d.unionDistinct() || d.parts().size() < 2) continue;
                Expression aggregate = aggregateOver(s, it);
                if (aggregate == null) continue;
                boolean counting = "count".equals(Sql.aggregate(aggregate));
                if (everyBranchDistinct(d)) continue;
                if (counting && identifiersOnly(context, d)) continue;
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("union", it.exposedName());
                evidence.put("branches", d.parts().size());
                evidence.put("aggregate", aggregate.toString());
                context.report(this, aggregate + " reads " + it.displayName() + ", a UNION: UNION removes equal rows "
                                + "first (within and across its " + d.parts().size() + " branches), so "
                                + (counting ? "repeated rows are counted once" : "equal values are added once"),
                        shape.offset(aggregate), null, null,
                        "write UNION ALL instead of UNION in " + it.displayName() + " so that every row reaches "
                                + Sql.aggregate(aggregate) + "()", evidence);
                break;
            }
        }
    }

    /** A SUM, AVG or COUNT (without DISTINCT) of the item's rows in this SELECT, or null. */
    private static Expression aggregateOver(SelectShape s, Item item) {
        List<Expression> places = s.aggregatePlaces();
        Expression[] found = {null};
        for (Expression place : places) {
            Sql.walk(place, e -> {
                if (found[0] != null) return;
                String name = Sql.aggregate(e);
                if (name == null || !Sql.COUNTING.contains(name) || Sql.distinctAggregate(e)) return;
                if (name.equals("count") && Sql.isCountStar(e)) {
                    found[0] = e;
                    return;
                }
                for (Expression arg : Sql.arguments(e)) {
                    for (Column c : Sql.columns(arg)) {
                        Resolved r = s.resolve(c);
                        if (r != null && r.item() == item) found[0] = e;
                    }
                }
            });
        }
        return found[0];
    }

    /** Each branch's rows are distinct on their own: a key of its table among the outputs, or a GROUP BY. */
    private static boolean everyBranchDistinct(Derived d) {
        for (SelectShape p : d.parts()) {
            Derived out = p.output();
            if (out == null || out.open() || !out.uniqueOn(out.outputs().keySet())) return false;
        }
        return true;
    }

    /**
     * The distinct-set idiom: one column per branch (distinct emails, days, ids), or only identifiers (a key, a
     * reference to one, an *_id column).
     */
    private static boolean identifiersOnly(GuardContext context, Derived d) {
        boolean single = true;
        for (SelectShape p : d.parts()) {
            List<SelectItem<?>> items = p.select().getSelectItems();
            if (items == null || items.size() != 1 || items.get(0).toString().endsWith("*")) single = false;
        }
        if (single) return true;
        for (SelectShape p : d.parts()) {
            Derived out = p.output();
            if (out == null || out.open() || out.outputs().isEmpty()) return false;
            for (Derived.Output o : out.outputs().values()) {
                Resolved r = o.source();
                if (r == null || !r.isBase()) return false;
                String name = r.column().name();
                boolean key = Keys.unique(r.relation(), List.of(name));
                boolean reference = name.equals("id") || name.endsWith("_id") || r.relation().foreignKeyOn(List.of(name))
                        .isPresent() || context.graph().edgesOf(r.relation().qualifiedName()).stream().anyMatch(e ->
                        e.fromTable().equals(r.relation().qualifiedName()) && e.fromColumns().equals(List.of(name)));
                if (!key && !reference) return false;
            }
        }
        return true;
    }
}
