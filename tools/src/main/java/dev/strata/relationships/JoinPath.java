package dev.strata.relationships;

import java.util.List;

/**
 * A route from one table to another: {@code tables.get(i)} and {@code tables.get(i + 1)} are joined through
 * {@code edges.get(i)}.
 */
public record JoinPath(List<String> tables, List<Edge> edges, double cost) {

    public JoinPath {
        tables = List.copyOf(tables);
        edges = List.copyOf(edges);
    }

    public int hops() {
        return edges.size();
    }

    /** How each hop multiplies rows, in order. */
    public List<JoinPathFinder.Step> steps() {
        List<JoinPathFinder.Step> out = new java.util.ArrayList<>(edges.size());
        for (int i = 0; i < edges.size(); i++) out.add(JoinPathFinder.step(edges.get(i), tables.get(i)));
        return out;
    }

    /** Whether one row of the first table can become many rows of the result. */
    public boolean fansOut() {
        return steps().contains(JoinPathFinder.Step.ONE_TO_MANY);
    }

    /** Whether the route relies on an inferred or polymorphic edge rather than declared keys only. */
    public boolean passesInferred() {
        return edges.stream().anyMatch(Edge::inferred);
    }

    /** The product of the confidences of the guessed edges (1.0 for declared keys only). */
    public double confidence() {
        double c = 1.0;
        for (Edge e : edges) if (e.inferred()) c *= e.confidence();
        return Math.round(c * 100) / 100.0;
    }
}
