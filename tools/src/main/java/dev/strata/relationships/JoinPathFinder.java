package dev.strata.relationships;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Cheapest join routes between two tables. Edge costs ({@link Edge#cost()}) make a declared route beat an
 * inferred one of equal length. Alternatives come from re-running the search with one edge of the best route
 * removed at a time (a simple form of Yen's algorithm), which is plenty for the two or three routes a reader
 * wants to compare.
 */
public final class JoinPathFinder {

    private final RelationshipGraph graph;

    public JoinPathFinder(RelationshipGraph graph) {
        this.graph = graph;
    }

    public List<JoinPath> find(String from, String to, int maxHops, int maxPaths, boolean includeInferred) {
        if (from.equals(to)) return List.of(new JoinPath(List.of(from), List.of(), 0));
        Map<String, JoinPath> found = new LinkedHashMap<>();
        JoinPath best = shortest(from, to, maxHops, includeInferred, Set.of());
        if (best == null) return List.of();
        found.put(key(best), best);
        List<JoinPath> frontier = new ArrayList<>(List.of(best));
        while (!frontier.isEmpty() && found.size() < maxPaths * 3) {
            JoinPath base = frontier.remove(0);
            for (Edge banned : base.edges()) {
                JoinPath alt = shortest(from, to, maxHops, includeInferred, Set.of(banned));
                if (alt != null && !found.containsKey(key(alt))) {
                    found.put(key(alt), alt);
                    frontier.add(alt);
                }
            }
        }
        return found.values().stream()
                .sorted((a, b) -> a.cost() != b.cost() ? Double.compare(a.cost(), b.cost())
                        : Integer.compare(a.hops(), b.hops()))
                .limit(maxPaths).toList();
    }

    private static String key(JoinPath p) {
        StringBuilder sb = new StringBuilder();
        for (Edge e : p.edges()) sb.append(e.fromTable()).append(e.fromColumns()).append(e.toTable())
                .append(e.toColumns()).append(e.typeValue()).append('|');
        return sb.toString();
    }

    private JoinPath shortest(String from, String to, int maxHops, boolean includeInferred, Set<Edge> banned) {
        record State(String table, double cost, int hops) {
        }
        Map<String, Double> dist = new HashMap<>();
        Map<String, Edge> via = new HashMap<>();
        Map<String, Integer> hopsTo = new HashMap<>();
        PriorityQueue<State> queue = new PriorityQueue<>((a, b) -> Double.compare(a.cost(), b.cost()));
        dist.put(from, 0.0);
        hopsTo.put(from, 0);
        queue.add(new State(from, 0, 0));
        Set<String> done = new HashSet<>();
        while (!queue.isEmpty()) {
            State s = queue.poll();
            if (!done.add(s.table())) continue;
            if (s.table().equals(to)) break;
            if (s.hops() >= maxHops) continue;
            for (Edge e : graph.edgesOf(s.table())) {
                if (banned.contains(e)) continue;
                if (!includeInferred && e.kind() != EdgeKind.DECLARED) continue;
                String next = e.otherEnd(s.table());
                if (next.equals(s.table()) || done.contains(next)) continue;
                double cost = s.cost() + e.cost();
                if (cost < dist.getOrDefault(next, Double.MAX_VALUE)) {
                    dist.put(next, cost);
                    via.put(next, e);
                    hopsTo.put(next, s.hops() + 1);
                    queue.add(new State(next, cost, s.hops() + 1));
                }
            }
        }
        if (!via.containsKey(to)) return null;
        List<String> tables = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        String current = to;
        tables.add(current);
        while (!current.equals(from)) {
            Edge e = via.get(current);
            edges.add(0, e);
            current = e.otherEnd(current);
            tables.add(0, current);
        }
        return new JoinPath(tables, edges, dist.get(to));
    }
}
