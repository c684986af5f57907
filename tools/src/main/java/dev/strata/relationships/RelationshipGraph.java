package dev.strata.relationships;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.ForeignKey;
import dev.strata.catalog.Relation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every reference between tables Strata knows of: declared foreign keys, inferred references and polymorphic
 * pairs, indexed by table for neighbourhood and path queries.
 */
public final class RelationshipGraph {

    private final List<Edge> edges;
    private final List<PolymorphicDetector.Pair> polymorphicPairs;
    private final Map<String, List<Edge>> byTable = new HashMap<>();
    private final ReferenceVerifier.Summary verification;
    private final List<Edge> rejected;

    public RelationshipGraph(List<Edge> edges, List<PolymorphicDetector.Pair> polymorphicPairs) {
        this(edges, polymorphicPairs, ReferenceVerifier.Summary.none());
    }

    public RelationshipGraph(List<Edge> edges, List<PolymorphicDetector.Pair> polymorphicPairs,
                             ReferenceVerifier.Summary verification) {
        this(edges, polymorphicPairs, verification, List.of());
    }

    public RelationshipGraph(List<Edge> edges, List<PolymorphicDetector.Pair> polymorphicPairs,
                             ReferenceVerifier.Summary verification, List<Edge> rejected) {
        this.rejected = List.copyOf(rejected);
        this.edges = List.copyOf(edges);
        this.polymorphicPairs = List.copyOf(polymorphicPairs);
        this.verification = verification;
        for (Edge e : this.edges) {
            byTable.computeIfAbsent(e.fromTable(), k -> new ArrayList<>()).add(e);
            if (!e.toTable().equals(e.fromTable())) {
                byTable.computeIfAbsent(e.toTable(), k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** Builds the whole graph from names and types; {@code values} is asked once per polymorphic pair. */
    public static RelationshipGraph build(Catalog catalog, TypeValueSource values) {
        return build(catalog, values, null);
    }

    /**
     * Builds the whole graph; when {@code verifier} is given, the rows decide between name-based candidates
     * within its budget.
     */
    public static RelationshipGraph build(Catalog catalog, TypeValueSource values, ReferenceVerifier verifier) {
        return build(catalog, values, verifier, graph -> { });
    }

    /**
     * Builds the whole graph; with a {@code verifier}, {@code beforeDataChecks} first receives the graph from names,
     * types and type values alone, so a caller can serve it while the rows are read (the data checks may take their
     * whole budget, seconds on a large schema, and nobody's first answer should wait for them).
     */
    public static RelationshipGraph build(Catalog catalog, TypeValueSource values, ReferenceVerifier verifier,
                                          java.util.function.Consumer<RelationshipGraph> beforeDataChecks) {
        List<Edge> edges = new ArrayList<>(declared(catalog));
        SchemaVocabulary vocab = new SchemaVocabulary(catalog);
        List<PolymorphicDetector.Pair> pairs = new PolymorphicDetector(catalog, values, vocab).detect();
        java.util.Set<String> polymorphicIds = new java.util.HashSet<>();
        for (PolymorphicDetector.Pair p : pairs) polymorphicIds.add(p.table() + "." + p.idColumn());
        List<ReferenceInference.Choice> choices = new ArrayList<>(
                new ReferenceInference(catalog, polymorphicIds, vocab).choices());
        if (verifier != null) {
            List<Edge> unchecked = new ArrayList<>(edges);
            unchecked.addAll(ReferenceInference.edges(choices));
            unchecked.addAll(PolymorphicDetector.edges(pairs));
            beforeDataChecks.accept(new RelationshipGraph(unchecked, pairs, ReferenceVerifier.Summary.none(),
                    List.of()));
        }
        ReferenceVerifier.Summary summary = verifier == null ? ReferenceVerifier.Summary.none()
                : verifier.verify(choices);
        edges.addAll(ReferenceInference.edges(choices));
        edges.addAll(PolymorphicDetector.edges(pairs));
        return new RelationshipGraph(edges, pairs, summary, ReferenceInference.refuted(choices));
    }

    /**
     * References the names suggested and the rows refuted (most values missing from the target): not edges, but
     * worth telling a reader who would guess the same join.
     */
    public List<Edge> rejected() {
        return rejected;
    }

    /** What the data checks did when the graph was built. */
    public ReferenceVerifier.Summary verification() {
        return verification;
    }

    /** The graph without reading any data: declared and inferred edges only. */
    public static RelationshipGraph fromCatalogOnly(Catalog catalog) {
        return build(catalog, (s, t, c) -> TypeValueSource.ObservedValues.none());
    }

    static List<Edge> declared(Catalog catalog) {
        List<Edge> edges = new ArrayList<>();
        for (Relation r : catalog.relations()) {
            for (ForeignKey fk : r.foreignKeys()) {
                String evidence = "foreign key " + fk.name()
                        + (fk.validated() ? "" : " (NOT VALID: existing rows unchecked)");
                edges.add(new Edge(r.qualifiedName(), fk.columns(), fk.targetQualifiedName(), fk.targetColumns(),
                        EdgeKind.DECLARED, 1.0, evidence, null, null, unique(r, fk.columns()), List.of(evidence),
                        null));
            }
        }
        return edges;
    }

    /** Whether these columns are a key of the table (primary, unique constraint or full unique index). */
    static boolean unique(Relation r, List<String> columns) {
        java.util.Set<String> set = new java.util.HashSet<>(columns);
        if (r.keys().stream().anyMatch(k -> new java.util.HashSet<>(k.columns()).equals(set))) return true;
        return r.indexes().stream().anyMatch(i -> i.unique() && i.valid() && i.predicate() == null
                && new java.util.HashSet<>(i.columns()).equals(set));
    }

    /**
     * The targets ({@code schema.table.column}) both columns reference, directly or one through the other:
     * {@code film_actor.film_id} and {@code film_category.film_id} both reference {@code film.film_id}, so
     * comparing them is a sibling join, not a key pointed at the wrong table. Empty when they share none.
     */
    public List<String> sharedTargets(String tableA, String columnA, String tableB, String columnB) {
        String selfA = tableA + "." + columnA;
        String selfB = tableB + "." + columnB;
        java.util.Set<String> a = targetsOf(tableA, columnA);
        java.util.Set<String> b = targetsOf(tableB, columnB);
        List<String> shared = new ArrayList<>();
        for (String t : a) if (b.contains(t)) shared.add(t);
        if (b.contains(selfA)) shared.add(selfA);
        if (a.contains(selfB)) shared.add(selfB);
        return shared;
    }

    /** What a single column references, following references up to three steps (part of a composite counts). */
    private java.util.Set<String> targetsOf(String table, String column) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        java.util.Deque<String[]> todo = new java.util.ArrayDeque<>();
        todo.add(new String[]{table, column, "0"});
        while (!todo.isEmpty()) {
            String[] at = todo.poll();
            int depth = Integer.parseInt(at[2]);
            if (depth >= 3) continue;
            for (Edge e : edgesOf(at[0])) {
                if (!e.fromTable().equals(at[0])) continue;
                int i = e.fromColumns().indexOf(at[1]);
                if (i < 0) continue;
                String target = e.toTable() + "." + e.toColumns().get(i);
                if (out.add(target)) todo.add(new String[]{e.toTable(), e.toColumns().get(i), String.valueOf(depth + 1)});
            }
        }
        return out;
    }

    public List<Edge> edges() {
        return edges;
    }

    public List<PolymorphicDetector.Pair> polymorphicPairs() {
        return polymorphicPairs;
    }

    /** Edges with {@code table} at either end. */
    public List<Edge> edgesOf(String qualifiedTable) {
        return Collections.unmodifiableList(byTable.getOrDefault(qualifiedTable, List.of()));
    }

    /** Declared, inferred or polymorphic edge linking exactly these columns, in either direction. */
    public List<Edge> linking(String tableA, String columnA, String tableB, String columnB) {
        List<Edge> found = new ArrayList<>();
        for (Edge e : edgesOf(tableA)) {
            boolean forward = e.fromTable().equals(tableA) && e.toTable().equals(tableB)
                    && e.fromColumns().equals(List.of(columnA)) && e.toColumns().equals(List.of(columnB));
            boolean backward = e.fromTable().equals(tableB) && e.toTable().equals(tableA)
                    && e.fromColumns().equals(List.of(columnB)) && e.toColumns().equals(List.of(columnA));
            if (forward || backward) found.add(e);
        }
        return found;
    }

    /** Whether any edge connects the two tables at all. */
    public boolean related(String tableA, String tableB) {
        return edgesOf(tableA).stream().anyMatch(e -> e.otherEnd(tableA).equals(tableB));
    }
}
