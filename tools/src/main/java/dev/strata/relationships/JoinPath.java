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
}
