package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.Scope;
import dev.strata.guardrail.model.TableRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>cartesian-join</b>: tables combined with no condition connecting them (a comma list without the WHERE
 * equality, {@code JOIN … ON true}): every row of one times every row of the other. An explicit
 * {@code CROSS JOIN} is taken as deliberate, and a source of at most one row (an aggregate without GROUP BY, a
 * LIMIT 1 subquery, a one-row VALUES, a single-row INSERT … RETURNING, a table filtered on its whole key) makes
 * no product. Any condition over two items joins them, an expression too.
 *
 * <pre>
 * bad:  SELECT o.id, a.name FROM orders o, accounts a WHERE o.state = 3
 * good: SELECT o.id, a.name FROM orders o JOIN accounts a ON a.id = o.account_id WHERE o.state = 3
 * </pre>
 */
public final class CartesianJoin extends RuleBase {

    public CartesianJoin() {
        super("cartesian-join", Severity.WARNING, "tables combined with no join condition");
    }

    @Override
    public void check(GuardContext context) {
        for (Scope scope : context.model().scopes()) {
            List<TableRef> items = scope.tables();
            if (items.size() < 2) continue;
            Map<TableRef, TableRef> parent = new HashMap<>();
            for (TableRef t : items) parent.put(t, t);
            for (TableRef[] pair : scope.connections()) union(parent, pair[0], pair[1]);
            for (int i = 1; i < items.size(); i++) {
                if (scope.deliberate().contains(items.get(i))) union(parent, items.get(i - 1), items.get(i));
            }
            // A source of at most one row multiplies nothing: it is joined to everything by construction.
            for (TableRef t : items) {
                if (t.singleRow()) for (TableRef u : items) union(parent, t, u);
            }
            Map<TableRef, List<TableRef>> groups = new LinkedHashMap<>();
            for (TableRef t : items) groups.computeIfAbsent(find(parent, t), k -> new ArrayList<>()).add(t);
            if (groups.size() < 2) continue;
            List<List<TableRef>> parts = new ArrayList<>(groups.values());
            TableRef lonely = parts.get(1).get(0);
            String others = String.join(", ", parts.get(0).stream().map(TableRef::exposedName).toList());
            context.report(this, lonely.exposedName() + " is combined with " + others + " without any condition "
                            + "connecting them: every row pairs with every row", lonely.offset(),
                    lonely.relation() == null ? null : lonely.relation().qualifiedName(), null,
                    "add the join condition (find_join_path " + parts.get(0).get(0).name() + " " + lonely.name()
                            + "), or write CROSS JOIN if the product is intended",
                    Map.of("groups", parts.stream().map(g -> g.stream().map(TableRef::exposedName).toList()).toList()));
        }
    }

    private static TableRef find(Map<TableRef, TableRef> parent, TableRef t) {
        while (parent.get(t) != t) t = parent.get(t);
        return t;
    }

    private static void union(Map<TableRef, TableRef> parent, TableRef a, TableRef b) {
        if (!parent.containsKey(a) || !parent.containsKey(b)) return;
        parent.put(find(parent, a), find(parent, b));
    }
}
