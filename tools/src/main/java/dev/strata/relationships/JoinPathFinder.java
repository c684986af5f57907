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
 * Join routes between two tables, cheapest first, scored the way an expert picks them:
 * <ul>
 *   <li>declared keys over inferred ones, confident inferences over doubtful ones ({@link Edge#cost()});</li>
 *   <li>a one-hop polymorphic join (with its type filter) over a two-hop detour;</li>
 *   <li>following references (many-to-one) over walking them backwards (one-to-many, one row becomes many);</li>
 *   <li>above all, no sibling join through a shared parent: up to a parent and down to another of its children
 *       ({@code customer → store ← staff}) pairs every child with every other child of the same parent, where
 *       the expert goes through the rows that connect them ({@code customer ← rental → staff}).</li>
 * </ul>
 * Alternatives come from re-running the search with one edge of a found route removed at a time (a simple form
 * of Yen's algorithm), which is plenty for the two or three routes a reader wants to compare.
 */
public final class JoinPathFinder {

    /** Extra cost of walking a reference backwards (one row becomes many). */
    static final double FAN_OUT = 0.3;
    /** Extra cost of going down to a sibling right after going up to the shared parent. */
    static final double SIBLING = 0.8;

    private final RelationshipGraph graph;

    public JoinPathFinder(RelationshipGraph graph) {
        this.graph = graph;
    }

    /** How one hop of a path multiplies rows. */
    public enum Step {
        /** Following a reference to the row it points at: each row stays one row. */
        MANY_TO_ONE("many-to-one"),
        /** Walking a reference backwards: one row becomes as many rows as point at it. */
        ONE_TO_MANY("one-to-many"),
        /** Both sides unique. */
        ONE_TO_ONE("one-to-one");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How crossing {@code e} from {@code from} multiplies rows. */
    public static Step step(Edge e, String from) {
        if (e.oneToOne()) return Step.ONE_TO_ONE;
        if (e.fromTable().equals(e.toTable())) return Step.MANY_TO_ONE;
        return e.fromTable().equals(from) ? Step.MANY_TO_ONE : Step.ONE_TO_MANY;
    }

    public List<JoinPath> find(String from, String to, int maxHops, int maxPaths, boolean includeInferred) {
        if (from.equals(to)) return List.of(new JoinPath(List.of(from), List.of(), 0));
        Map<String, JoinPath> found = new LinkedHashMap<>();
        JoinPath best = shortest(from, to, maxHops, includeInferred, Set.of());
        if (best == null) return List.of();
        found.put(key(best), best);
        List<JoinPath> frontier = new ArrayList<>(List.of(best));
        int searches = 0;
        while (!frontier.isEmpty() && found.size() < maxPaths * 3 && searches < 64) {
            JoinPath base = frontier.remove(0);
            for (Edge banned : base.edges()) {
                searches++;
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

    /** Dijkstra over (table, how we arrived) so that an up-then-down turn can cost more. */
    private JoinPath shortest(String from, String to, int maxHops, boolean includeInferred, Set<Edge> banned) {
        record State(String table, boolean cameUp, double cost, int hops) {
        }
        Map<String, Double> dist = new HashMap<>();
        Map<String, Via> via = new HashMap<>();
        PriorityQueue<State> queue = new PriorityQueue<>((a, b) -> Double.compare(a.cost(), b.cost()));
        String start = from + "|false";
        dist.put(start, 0.0);
        queue.add(new State(from, false, 0, 0));
        Set<String> done = new HashSet<>();
        String arrived = null;
        while (!queue.isEmpty()) {
            State s = queue.poll();
            String sk = s.table() + "|" + s.cameUp();
            if (!done.add(sk)) continue;
            if (s.table().equals(to)) {
                arrived = sk;
                break;
            }
            if (s.hops() >= maxHops) continue;
            Set<String> onPath = tablesOnPath(sk, via);
            for (Edge e : graph.edgesOf(s.table())) {
                if (banned.contains(e)) continue;
                if (!includeInferred && e.kind() != EdgeKind.DECLARED) continue;
                String next = e.otherEnd(s.table());
                if (next.equals(s.table()) || onPath.contains(next)) continue;
                Step step = step(e, s.table());
                double cost = s.cost() + e.cost();
                if (step == Step.ONE_TO_MANY) {
                    cost += FAN_OUT;
                    if (s.cameUp()) cost += SIBLING;
                }
                boolean up = step == Step.MANY_TO_ONE;
                String nk = next + "|" + up;
                if (cost < dist.getOrDefault(nk, Double.MAX_VALUE)) {
                    dist.put(nk, cost);
                    via.put(nk, new Via(sk, e));
                    queue.add(new State(next, up, cost, s.hops() + 1));
                }
            }
        }
        if (arrived == null) return null;
        List<String> tables = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        String current = arrived;
        tables.add(to);
        while (!current.equals(start)) {
            Via v = via.get(current);
            edges.add(0, v.edge());
            current = v.previousKey();
            tables.add(0, current.substring(0, current.lastIndexOf('|')));
        }
        return new JoinPath(tables, edges, dist.get(arrived));
    }

    /** How a state was reached: the previous state's key and the edge crossed. */
    private record Via(String previousKey, Edge edge) {
    }

    /** Tables already on the route to this state: a route never visits a table twice. */
    private static Set<String> tablesOnPath(String key, Map<String, Via> via) {
        Set<String> out = new HashSet<>();
        String current = key;
        for (int guard = 0; current != null && guard < 64; guard++) {
            out.add(current.substring(0, current.lastIndexOf('|')));
            Via v = via.get(current);
            current = v == null ? null : v.previousKey();
        }
        return out;
    }
}
