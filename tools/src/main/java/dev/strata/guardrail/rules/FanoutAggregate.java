package dev.strata.guardrail.rules;

import dev.strata.catalog.ForeignKey;
import dev.strata.catalog.Relation;
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
import dev.strata.relationships.Edge;
import dev.strata.relationships.EdgeKind;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.schema.Column;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>fanout-aggregate</b>: SUM, AVG or COUNT of a table's column after joining it to a table that has many rows per
 * row of it ({@code orders JOIN order_items}): each order's total is added once per item. Only with one-to-many
 * certainty from keys: the joined columns are not unique in the child, and they reference the parent's key by a
 * declared foreign key (a warning that says so) or by an inferred reference (a weaker warning, with its
 * confidence). Not a finding when the child is pre-aggregated in a CTE or subquery (one row per key), when the
 * aggregate is DISTINCT, when GROUP BY (or a WHERE equality) completes the child's key (one child row per parent
 * row and group), when it counts a GROUP BY key ({@code count(c.name) … GROUP BY c.name} counts joined rows on
 * purpose), when the parent's column only decides a CASE ({@code sum(CASE WHEN o.x THEN 1 ELSE 0 END)}), when the
 * repeating side is the first FROM item (the query's grain: a lookup's value per row of it is what is asked), or
 * when COUNT reads a parent joined straight to its children (that counts the children, like count(*)).
 *
 * <pre>
 * bad:  SELECT sum(o.total_cents), sum(oi.quantity) FROM orders o JOIN order_items oi ON oi.order_id = o.id
 * good: WITH items AS (SELECT order_id, sum(quantity) AS units FROM order_items GROUP BY order_id)
 *       SELECT sum(o.total_cents), sum(i.units) FROM orders o JOIN items i ON i.order_id = o.id
 * </pre>
 */
public final class FanoutAggregate extends RuleBase {

    public FanoutAggregate() {
        super("fanout-aggregate", Severity.WARNING, "an aggregate of a table's column after a one-to-many join");
    }

    /** A join that repeats the parent's rows: the child, the columns, and how Strata knows. */
    private record Fanout(Set<Item> aggregated, Item parent, Item child, List<String> childColumns, String kind,
                          double confidence, String evidence) {
    }

    @Override
    public void check(GuardContext context) {
        QueryShape shape = QueryShape.of(context);
        for (SelectShape s : shape.selects()) {
            if (s.items().size() < 2) continue;
            List<Expression> aggregates = aggregates(s);
            if (aggregates.isEmpty()) continue;
            List<Link> links = Link.of(s);
            if (links.isEmpty()) continue;
            // Columns one group (or the WHERE) pins to one value: a child whose key they complete cannot repeat.
            Fixed fixed = Fixed.of(s, s.groupBy(), links);
            Set<String> groupKeys = new HashSet<>();
            for (Expression g : s.groupBy()) groupKeys.add(Sql.key(g));
            Map<Item, List<Expression>> byChild = new LinkedHashMap<>();
            Map<Item, Fanout> fanouts = new LinkedHashMap<>();
            for (Expression agg : aggregates) {
                if (countsGroupKey(agg, groupKeys)) continue;
                Set<Item> sources = sources(s, agg);
                if (sources == null || sources.isEmpty()) continue;
                Fanout f = fanout(context, s, links, sources, fixed);
                if (f == null) continue;
                // The first FROM item is the query's grain: its rows repeating a lookup's value is what was asked
                // (FROM order_items JOIN products … sum(p.price_cents) prices every item sold).
                if (f.child() == s.items().get(0)) continue;
                // count(parent.col) straight over its children counts the joined rows, like count(*); only a
                // sibling's fan-out (orders and users of one account) makes it count a parent twice.
                if ("count".equals(Sql.aggregate(agg)) && f.aggregated().contains(f.parent())) continue;
                fanouts.putIfAbsent(f.child(), f);
                byChild.computeIfAbsent(f.child(), k -> new ArrayList<>()).add(agg);
            }
            for (Map.Entry<Item, List<Expression>> e : byChild.entrySet()) {
                report(context, shape, fanouts.get(e.getKey()), e.getValue());
            }
        }
    }

    /** SUM, AVG and COUNT(column) calls without DISTINCT, outside windows. */
    private static List<Expression> aggregates(SelectShape s) {
        List<Expression> places = s.aggregatePlaces();
        List<Expression> out = new ArrayList<>();
        for (Expression p : places) {
            Sql.walk(p, e -> {
                String name = Sql.aggregate(e);
                if (name != null && Sql.COUNTING.contains(name) && !Sql.distinctAggregate(e) && !Sql.isCountStar(e)
                        && !out.contains(e)) {
                    out.add(e);
                }
            });
        }
        return out;
    }

    /** count(x) where x is a GROUP BY key: it counts the group's joined rows on purpose, like count(*). */
    private static boolean countsGroupKey(Expression agg, Set<String> groupKeys) {
        if (!"count".equals(Sql.aggregate(agg))) return false;
        List<Expression> args = Sql.arguments(agg);
        return args.size() == 1 && groupKeys.contains(Sql.key(args.get(0)));
    }

    /**
     * The items whose values the aggregate adds up; null when it reads something unresolved or from outside. In a
     * CASE only the results count: {@code sum(CASE WHEN o.x THEN 1 ELSE 0 END)} counts joined rows by a condition.
     */
    private static Set<Item> sources(SelectShape s, Expression agg) {
        Set<Item> items = new LinkedHashSet<>();
        for (Expression arg : Sql.arguments(agg)) {
            for (Column c : valueColumns(arg)) {
                Resolved r = s.resolve(c);
                if (r == null || !s.owns(r.item())) return null;
                items.add(r.item());
            }
        }
        return items;
    }

    private static List<Column> valueColumns(Expression e) {
        Expression u = Sql.unwrap(e);
        if (u instanceof CaseExpression k) {
            List<Column> out = new ArrayList<>();
            if (k.getWhenClauses() != null) {
                for (WhenClause w : k.getWhenClauses()) out.addAll(valueColumns(w.getThenExpression()));
            }
            if (k.getElseExpression() != null) out.addAll(valueColumns(k.getElseExpression()));
            return out;
        }
        return Sql.columns(u);
    }

    /** Walks the joins out from the aggregated items; the first join that certainly repeats them. */
    private static Fanout fanout(GuardContext context, SelectShape s, List<Link> links, Set<Item> start,
                                 Fixed fixed) {
        Set<Item> seen = new HashSet<>(start);
        ArrayDeque<Item> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty()) {
            Item y = queue.poll();
            for (Link l : links) {
                if (!l.touches(y)) continue;
                Item x = l.other(y);
                if (seen.contains(x)) continue;
                List<String> xCols = l.columnsOf(x);
                List<String> pinned = new ArrayList<>(xCols);
                for (String c : fixed.columns(x)) if (!pinned.contains(c)) pinned.add(c);
                Boolean unique = fixed.whole(x) ? Boolean.TRUE : Link.unique(x, pinned);
                if (unique == null) continue; // unknown cardinality: no claim, and no way further
                if (unique) {
                    seen.add(x);
                    queue.add(x);
                    continue;
                }
                Fanout f = evidence(context, start, y, l.columnsOf(y), x, xCols);
                if (f != null) return f;
            }
        }
        return null;
    }

    /**
     * Whether the child's join columns reference the entity the parent's join columns identify: declared keys
     * (a foreign key to the parent's key, or two foreign keys to one key) or an inferred reference.
     */
    private static Fanout evidence(GuardContext context, Set<Item> aggregated, Item parent, List<String> parentCols,
                                   Item child, List<String> childCols) {
        Relation childRows = child.rowsOf();
        List<String> childBase = Link.baseColumns(child, childCols);
        if (childRows == null || childBase == null) return null;
        Target p = target(context, parent, parentCols);
        Target c = target(context, child, childCols);
        if (p == null || c == null || !p.table.equals(c.table) || !p.columns.equals(c.columns)) return null;
        boolean declared = p.declared && c.declared;
        double confidence = Math.min(p.confidence, c.confidence);
        String why = c.why + (p.why.isEmpty() ? "" : "; " + p.why);
        return new Fanout(aggregated, parent, child, childBase, declared ? "declared" : "inferred", confidence, why);
    }

    /** The key a join column stands for: its own table's key, or the key its reference points at. */
    private record Target(String table, List<String> columns, boolean declared, double confidence, String why) {
    }

    private static Target target(GuardContext context, Item item, List<String> cols) {
        List<String> base = new ArrayList<>();
        Relation rel = null;
        for (String col : cols) {
            Resolved r = item.column(col);
            if (!r.isBase()) return null;
            if (rel != null && rel != r.relation()) return null;
            rel = r.relation();
            base.add(r.column().name());
        }
        if (rel == null) return null;
        if (Keys.unique(rel, base)) {
            return new Target(rel.qualifiedName(), sorted(base), true, 1.0, "");
        }
        for (ForeignKey fk : rel.foreignKeys()) {
            if (fk.columns().size() == base.size() && fk.columns().containsAll(base)) {
                List<String> targets = new ArrayList<>();
                for (String b : base) targets.add(fk.targetColumns().get(fk.columns().indexOf(b)));
                return new Target(fk.targetQualifiedName(), sorted(targets), true, 1.0, rel.qualifiedName() + "("
                        + String.join(", ", base) + ") references " + fk.targetQualifiedName() + " (foreign key "
                        + fk.name() + ")");
            }
        }
        if (base.size() != 1) return null;
        Edge best = null;
        for (Edge e : context.graph().edgesOf(rel.qualifiedName())) {
            if (e.kind() == EdgeKind.DECLARED || !e.fromTable().equals(rel.qualifiedName())
                    || !e.fromColumns().equals(base)) {
                continue;
            }
            // A polymorphic id stands for the target only where its join pins the type column to that target.
            if (e.typeColumn() != null && !typePinned(item, e.typeColumn(), e.typeValue())) continue;
            if (best == null || e.confidence() > best.confidence()) best = e;
        }
        if (best == null) return null;
        return new Target(best.toTable(), sorted(best.toColumns()), false, best.confidence(), rel.qualifiedName()
                + "." + base.get(0) + " references " + best.toTable() + "." + String.join(",", best.toColumns())
                + " (" + best.kind().label() + ", confidence " + Math.round(best.confidence() * 100) / 100.0 + ": " + best.evidence() + ")");
    }

    /** The item's own ON clause says {@code type_column = 'value'}. */
    private static boolean typePinned(Item item, String typeColumn, String typeValue) {
        if (item.join() == null || item.join().getOnExpressions() == null || typeValue == null) return false;
        for (Expression on : item.join().getOnExpressions()) {
            for (Expression t : Sql.conjuncts(on)) {
                if (!(t instanceof net.sf.jsqlparser.expression.operators.relational.EqualsTo eq)) continue;
                Expression l = Sql.unwrap(eq.getLeftExpression());
                Expression r = Sql.unwrap(eq.getRightExpression());
                Column c = l instanceof Column x ? x : r instanceof Column y ? y : null;
                dev.strata.guardrail.shape.Literal v = dev.strata.guardrail.shape.Literal.of(l instanceof Column ? r : l);
                if (c != null && v != null && Sql.fold(c.getColumnName()).equals(typeColumn)
                        && typeValue.equals(v.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> sorted(List<String> cols) {
        List<String> out = new ArrayList<>(cols);
        out.sort(null);
        return out;
    }

    private void report(GuardContext context, QueryShape shape, Fanout f, List<Expression> aggregates) {
        List<String> shown = new ArrayList<>();
        for (Expression a : aggregates) if (!shown.contains(a.toString())) shown.add(a.toString());
        String child = f.child().displayName();
        String certainty = f.kind().equals("declared") ? "one-to-many by declared keys"
                : "one-to-many by an inferred reference (confidence " + Math.round(f.confidence() * 100) / 100.0
                + "), so very likely";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("child", child);
        evidence.put("child_columns", f.childColumns());
        evidence.put("keys", f.kind());
        if (f.kind().equals("inferred")) evidence.put("confidence", f.confidence());
        evidence.put("why", f.evidence());
        List<String> rowsOf = new ArrayList<>();
        for (Item it : f.aggregated()) rowsOf.add(it.displayName());
        String repeated = String.join(" and ", rowsOf);
        String through = f.aggregated().contains(f.parent()) ? "" : " (joined through " + f.parent().displayName() + ")";
        String message = String.join(", ", shown) + " count" + (shown.size() == 1 ? "s" : "") + " each "
                + repeated + " row once per matching " + child + " row" + through + ": the join on "
                + child + "(" + String.join(", ", f.childColumns()) + ") is " + certainty + " (" + f.evidence() + ")";
        String fix = "aggregate " + child + " per " + String.join(", ", f.childColumns()) + " in a CTE or subquery "
                + "first (… GROUP BY " + String.join(", ", f.childColumns()) + ") and join that, so each "
                + repeated + " row counts once";
        context.report(this, message, shape.offset(aggregates.get(0)), f.child().relation() != null
                ? f.child().relation().qualifiedName() : null, null, fix, evidence);
    }
}
