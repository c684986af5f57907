package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.model.ColumnSource;
import dev.strata.guardrail.model.Equality;
import dev.strata.relationships.Edge;
import dev.strata.relationships.RelationshipGraph;
import dev.strata.relationships.TypeCompatibility;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One judgement per column equality, shared by the four join rules so that each equality gets at most one of
 * them, in this order: incompatible types, bare ids, a key pointed at the wrong table, no relationship at all.
 */
final class JoinVerdicts {

    enum Verdict { OK, TYPE_MISMATCH, BARE_ID, WRONG_TARGET, UNRELATED }

    /** An equality between two base columns and what Strata concluded about it. */
    record Judged(Equality equality, ColumnSource left, ColumnSource right, Verdict verdict, Edge misused) {
    }

    private JoinVerdicts() {
    }

    static List<Judged> of(GuardContext context) {
        return context.memo(JoinVerdicts.class, () -> judge(context));
    }

    private static List<Judged> judge(GuardContext context) {
        List<Judged> out = new ArrayList<>();
        Map<Equality, Boolean> seen = new IdentityHashMap<>();
        for (Equality e : context.model().equalities()) {
            if (seen.put(e, true) != null) continue;
            ColumnSource l = e.left().source();
            ColumnSource r = e.right().source();
            if (l == null || r == null || !l.isBase() || !r.isBase()) continue;
            if (l.relation() == r.relation() && l.column().name().equals(r.column().name())) continue;
            out.add(judge(context.graph(), e, l, r));
        }
        return out;
    }

    private static Judged judge(RelationshipGraph graph, Equality e, ColumnSource l, ColumnSource r) {
        if (!TypeCompatibility.compatible(l.column(), r.column())) {
            return new Judged(e, l, r, Verdict.TYPE_MISMATCH, null);
        }
        String a = l.relation().qualifiedName();
        String b = r.relation().qualifiedName();
        if (!graph.linking(a, l.column().name(), b, r.column().name()).isEmpty()) {
            return new Judged(e, l, r, Verdict.OK, null);
        }
        if (l.column().name().equals("id") && r.column().name().equals("id") && !a.equals(b)) {
            return new Judged(e, l, r, Verdict.BARE_ID, null);
        }
        Optional<Edge> wrong = outgoing(graph, l).or(() -> outgoing(graph, r));
        if (wrong.isPresent()) return new Judged(e, l, r, Verdict.WRONG_TARGET, wrong.get());
        if (a.equals(b)) return new Judged(e, l, r, Verdict.OK, null);
        return new Judged(e, l, r, Verdict.UNRELATED, null);
    }

    /** An edge that starts at this column: it is a key (declared, inferred or polymorphic) into some table. */
    private static Optional<Edge> outgoing(RelationshipGraph graph, ColumnSource side) {
        String table = side.relation().qualifiedName();
        return graph.edgesOf(table).stream()
                .filter(x -> x.fromTable().equals(table) && x.fromColumns().equals(List.of(side.column().name())))
                .findFirst();
    }

    static String targetsOf(RelationshipGraph graph, ColumnSource side) {
        String table = side.relation().qualifiedName();
        return String.join(", ", graph.edgesOf(table).stream()
                .filter(x -> x.fromTable().equals(table) && x.fromColumns().equals(List.of(side.column().name())))
                .map(x -> x.toTable() + "." + String.join(",", x.toColumns())).distinct().toList());
    }
}
