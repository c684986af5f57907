package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.ColumnRef;
import dev.strata.guardrail.model.TableRef;
import dev.strata.relationships.PolymorphicDetector;

import java.util.Map;

/**
 * <b>polymorphic-missing-type-filter</b>: a polymorphic id ({@code commentable_id} beside
 * {@code commentable_type}) used in a join or filter without constraining its type column. Ids of orders, invoices
 * and users overlap, so {@code commentable_id = o.id} also matches comments on the invoice and the user that share
 * the number.
 *
 * A warning: polymorphic pairs are inferred from names and the type column's values, never declared.
 *
 * <pre>
 * bad:  SELECT c.body FROM comments c JOIN orders o ON o.id = c.commentable_id
 * good: SELECT c.body FROM comments c JOIN orders o ON o.id = c.commentable_id AND c.commentable_type = 'order'
 * </pre>
 */
public final class PolymorphicMissingTypeFilter extends RuleBase {

    public PolymorphicMissingTypeFilter() {
        super("polymorphic-missing-type-filter", Severity.WARNING,
                "a polymorphic id used without constraining its type column");
    }

    @Override
    public void check(GuardContext context) {
        for (PolymorphicDetector.Pair pair : context.graph().polymorphicPairs()) {
            for (TableRef t : context.model().baseTables()) {
                if (!t.relation().qualifiedName().equals(pair.table())) continue;
                ColumnRef used = null;
                boolean typed = false;
                for (ColumnRef c : context.model().columns()) {
                    // On this FROM item, or traced to it through a CTE or subquery.
                    boolean here = c.candidates().contains(t);
                    boolean traced = c.source() != null && c.source().isBase()
                            && c.source().relation() == t.relation();
                    if (!here && !traced) continue;
                    String name = here ? c.name() : c.source().column().name();
                    if (name.equals(pair.idColumn()) && c.clause().isCondition() && used == null) used = c;
                    if (name.equals(pair.typeColumn()) && (c.clause().isCondition()
                            || c.clause() == dev.strata.guardrail.model.Clause.GROUP_BY)) typed = true;
                }
                if (used == null || typed) continue;
                String values = String.join(", ", pair.targets().stream()
                        .map(x -> "'" + x.value() + "' → " + x.table()).toList());
                context.report(this, t.exposedName() + "." + pair.idColumn() + " points at different tables "
                                + "depending on " + pair.typeColumn() + " (" + values + "), and the query never "
                                + "constrains " + pair.typeColumn(), used.offset(), pair.table(), pair.idColumn(),
                        "add " + t.exposedName() + "." + pair.typeColumn() + " = '"
                                + (pair.targets().isEmpty() ? "…" : pair.targets().get(0).value())
                                + "' (the value for the table you mean) to the join condition",
                        Map.of("type_values", pair.targets().stream()
                                .map(x -> Map.of("value", x.value(), "table", x.table(), "fraction",
                                        Math.round(x.fraction() * 1000) / 1000.0)).toList()));
            }
        }
    }
}
