package dev.strata.guardrail.rules;

import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.ColumnRef;
import dev.strata.guardrail.model.ColumnSource;
import dev.strata.guardrail.model.Equality;
import dev.strata.relationships.Edge;
import dev.strata.relationships.EdgeKind;
import dev.strata.relationships.RelationshipGraph;
import dev.strata.relationships.TypeCompatibility;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One judgement per column equality, shared by the four join rules so that each equality gets at most one of
 * them, in this order: incompatible types, bare ids, a key pointed at the wrong table, no relationship at all.
 *
 * <p>An equality is a legitimate join, as a DBA reads it, when the two columns meet in what they reference: one
 * references the other, both reference the same parent column ({@code film_actor.film_id = film_category.film_id},
 * {@code c_nationkey = s_nationkey}), or one reaches the other through a chain of references, component by
 * component through composite keys ({@code l_suppkey} references {@code ps_suppkey}, which references
 * {@code s_suppkey}). References are every edge of the relationship graph: declared, inferred and polymorphic.
 * Where a schema declares no foreign keys at all, naming conventions are the evidence a DBA goes by:
 * {@code movie_id = title.id} (a key-named column against a key) and {@code mi.movie_id = mc.movie_id} are joins.
 *
 * <p>Severity is certainty: an error needs facts — declared types, a declared foreign key, and keys generated
 * independently (identity columns or sequence/uuid defaults, whose values match only by coincidence); anything
 * resting on inferred or polymorphic edges is a warning that says how sure it is.
 */
final class JoinVerdicts {

    enum Verdict { OK, TYPE_MISMATCH, BARE_ID, WRONG_TARGET, UNRELATED }

    /**
     * An equality between two base columns and what Strata concluded about it.
     *
     * @param severity how sure: the rule's own severity for facts, lower for inferences
     * @param why      for a lowered severity, what the verdict rests on (the edge kind and confidence)
     */
    record Judged(Equality equality, ColumnSource left, ColumnSource right, Verdict verdict, Edge misused,
                  Severity severity, String why) {
    }

    private static final int MAX_DEPTH = 4;

    private JoinVerdicts() {
    }

    static List<Judged> of(GuardContext context) {
        return context.memo(JoinVerdicts.class, () -> judge(context));
    }

    private static List<Judged> judge(GuardContext context) {
        List<Judged> out = new ArrayList<>();
        Map<Equality, Boolean> seen = new IdentityHashMap<>();
        References refs = new References(context.graph());
        boolean declaresKeys = context.graph().edges().stream().anyMatch(e -> e.kind() == EdgeKind.DECLARED);
        for (Equality e : context.model().equalities()) {
            if (seen.put(e, true) != null) continue;
            if (e.left().resolution() != ColumnRef.Resolution.COLUMN
                    || e.right().resolution() != ColumnRef.Resolution.COLUMN) {
                continue;
            }
            ColumnSource l = e.left().source();
            ColumnSource r = e.right().source();
            if (l == null || r == null || !l.isBase() || !r.isBase()) continue;
            if (l.relation() == r.relation() && l.column().name().equals(r.column().name())) continue;
            out.add(judge(context.graph(), refs, declaresKeys, e, l, r));
        }
        return out;
    }

    private static Judged judge(RelationshipGraph graph, References refs, boolean declaresKeys, Equality e,
                                ColumnSource l, ColumnSource r) {
        if (e.direct() ? !TypeCompatibility.compatible(l.column(), r.column())
                : e.cast() && disjointDomains(l.column(), r.column())) {
            return new Judged(e, l, r, Verdict.TYPE_MISMATCH, null, Severity.ERROR, null);
        }
        String a = l.relation().qualifiedName();
        String b = r.relation().qualifiedName();
        if (refs.meet(l, r)) return ok(e, l, r);
        if (!declaresKeys && namingEvidence(l, r)) return ok(e, l, r);
        if (l.column().name().equals("id") && r.column().name().equals("id") && !a.equals(b)) {
            boolean independent = generated(l.column()) && generated(r.column()) && !sameGenerator(l.column(), r.column());
            return new Judged(e, l, r, Verdict.BARE_ID, null, independent ? Severity.ERROR : Severity.WARNING,
                    independent ? null : "both columns are their tables' ids, but Strata cannot tell they are "
                            + "generated independently");
        }
        Optional<Edge> wrong = outgoing(graph, l).or(() -> outgoing(graph, r));
        if (wrong.isPresent()) {
            Edge edge = wrong.get();
            ColumnSource other = edge.fromTable().equals(a) && edge.fromColumns().contains(l.column().name()) ? r : l;
            // Certain when the reference is declared and the other column's values come from elsewhere for sure:
            // a key the database generates itself, or a declared reference to another parent.
            boolean certain = edge.kind() == EdgeKind.DECLARED && (generated(other.column())
                    || outgoing(graph, other).filter(x -> x.kind() == EdgeKind.DECLARED).isPresent());
            String why = certain ? null : edge.kind() != EdgeKind.DECLARED
                    ? "the reference is " + edge.kind().label() + " (confidence "
                    + Math.round(edge.confidence() * 100) / 100.0 + "), not declared"
                    : other.qualifiedColumn() + " is not a generated key, so its values may coincide by design";
            return new Judged(e, l, r, Verdict.WRONG_TARGET, edge, certain ? Severity.ERROR : Severity.WARNING, why);
        }
        if (a.equals(b)) return ok(e, l, r);
        if (sameNamedAttribute(l.column(), r.column())) return ok(e, l, r);
        return new Judged(e, l, r, Verdict.UNRELATED, null, Severity.WARNING, null);
    }

    private static Judged ok(Equality e, ColumnSource l, ColumnSource r) {
        return new Judged(e, l, r, Verdict.OK, null, null, null);
    }

    /**
     * Cast to a common type, values of these categories still never compare equal: a uuid never reads like a
     * number, a date or a boolean; numbers, dates and booleans never read like each other. Text can hold anything.
     */
    private static boolean disjointDomains(Column a, Column b) {
        char x = domain(a);
        char y = domain(b);
        return x != 0 && y != 0 && x != y;
    }

    private static char domain(Column c) {
        if (c.baseType().equals("uuid")) return 'U';
        return switch (c.typeCategory()) {
            case 'N', 'D', 'B' -> c.typeCategory();
            default -> 0;
        };
    }

    /** A surrogate key filled by the database: identity, a sequence default, a random uuid default. */
    static boolean generated(Column c) {
        if (c.isIdentity()) return true;
        String d = c.defaultExpression() == null ? "" : c.defaultExpression().toLowerCase(Locale.ROOT);
        return d.contains("nextval(") || d.contains("gen_random_uuid(") || d.contains("uuid_generate_v");
    }

    private static boolean sameGenerator(Column a, Column b) {
        String x = a.defaultExpression();
        return x != null && x.contains("nextval(") && x.equals(b.defaultExpression());
    }

    /**
     * Naming conventions as evidence, for schemas that declare no foreign key: a key-named column
     * ({@code movie_id}, {@code companyid}, {@code nation_key}) against a table's key, or two equally named
     * key-named columns (two references to the same thing).
     */
    private static boolean namingEvidence(ColumnSource l, ColumnSource r) {
        String x = l.column().name().toLowerCase(Locale.ROOT);
        String y = r.column().name().toLowerCase(Locale.ROOT);
        // A bare id is the table's own key, never a reference: id = id stays a bare-id join.
        boolean xRefers = keyNamed(x) && !x.equals("id");
        boolean yRefers = keyNamed(y) && !y.equals("id");
        if (xRefers && yRefers && x.equals(y)) return true;
        return xRefers && isKey(r) || yRefers && isKey(l);
    }

    private static boolean keyNamed(String name) {
        return name.equals("id") || name.endsWith("_id") || name.endsWith("id") && name.length() > 2
                || name.endsWith("_key") || name.endsWith("key") && name.length() > 3 || name.endsWith("_code")
                || name.endsWith("_no") || name.endsWith("_number");
    }

    private static boolean isKey(ColumnSource s) {
        Relation r = s.relation();
        String c = s.column().name();
        return c.equals("id") || r.singlePrimaryKeyColumn().map(c::equals).orElse(false) || r.isUniqueColumn(c);
    }

    /**
     * Two columns of the same name holding descriptive text ({@code first_name}, {@code email}, {@code title}):
     * matching rows on a shared attribute is deliberate, not a mistaken key. Dates, numbers and key-named columns
     * are not attributes matched on purpose: equal timestamps are a coincidence.
     */
    private static boolean sameNamedAttribute(Column a, Column b) {
        return a.name().equals(b.name()) && a.typeCategory() == 'S' && b.typeCategory() == 'S'
                && !keyNamed(a.name().toLowerCase(Locale.ROOT));
    }

    /** An edge that starts at this column: it is a key (declared, inferred or polymorphic) into some table. */
    private static Optional<Edge> outgoing(RelationshipGraph graph, ColumnSource side) {
        String table = side.relation().qualifiedName();
        Edge best = null;
        for (Edge x : graph.edgesOf(table)) {
            if (!x.fromTable().equals(table) || !x.fromColumns().contains(side.column().name())) continue;
            if (best == null || x.kind().ordinal() < best.kind().ordinal()) best = x;
        }
        return Optional.ofNullable(best);
    }

    static String targetsOf(RelationshipGraph graph, ColumnSource side) {
        String table = side.relation().qualifiedName();
        Set<String> targets = new LinkedHashSet<>();
        for (Edge x : graph.edgesOf(table)) {
            int i = x.fromTable().equals(table) ? x.fromColumns().indexOf(side.column().name()) : -1;
            if (i >= 0 && i < x.toColumns().size()) targets.add(x.toTable() + "." + x.toColumns().get(i));
        }
        return String.join(", ", targets);
    }

    /**
     * The columns a column reaches by following references, component by component (a composite key maps its
     * i-th column to the i-th column it references), up to four steps: itself, its parent, its grandparent.
     */
    static final class References {
        private final RelationshipGraph graph;
        private final Map<String, Set<String>> reach = new HashMap<>();

        References(RelationshipGraph graph) {
            this.graph = graph;
        }

        boolean meet(ColumnSource a, ColumnSource b) {
            Set<String> x = of(a.relation().qualifiedName(), a.column().name());
            Set<String> y = of(b.relation().qualifiedName(), b.column().name());
            for (String node : x) if (y.contains(node)) return true;
            return false;
        }

        Set<String> of(String table, String column) {
            String start = table + "\u0000" + column;
            Set<String> cached = reach.get(start);
            if (cached != null) return cached;
            Set<String> seen = new LinkedHashSet<>();
            ArrayDeque<String[]> queue = new ArrayDeque<>();
            seen.add(start);
            queue.add(new String[]{table, column, "0"});
            while (!queue.isEmpty()) {
                String[] node = queue.poll();
                int depth = Integer.parseInt(node[2]);
                if (depth >= MAX_DEPTH) continue;
                for (Edge e : graph.edgesOf(node[0])) {
                    if (!e.fromTable().equals(node[0])) continue;
                    int i = e.fromColumns().indexOf(node[1]);
                    if (i < 0 || i >= e.toColumns().size()) continue;
                    String next = e.toTable() + "\u0000" + e.toColumns().get(i);
                    if (seen.add(next)) queue.add(new String[]{e.toTable(), e.toColumns().get(i), String.valueOf(depth + 1)});
                }
            }
            reach.put(start, seen);
            return seen;
        }
    }
}
