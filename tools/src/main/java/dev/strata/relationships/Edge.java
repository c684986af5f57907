package dev.strata.relationships;

import java.util.List;

/**
 * One directed reference: rows of {@code fromTable} point at rows of {@code toTable}.
 *
 * @param fromTable  qualified name {@code schema.table}
 * @param confidence 1.0 for declared keys; lower for inferred and polymorphic ones
 * @param evidence   why Strata believes it, in words a reader can check
 * @param typeColumn for polymorphic edges, the discriminator column on {@code fromTable}
 * @param typeValue  for polymorphic edges, the discriminator value that selects {@code toTable}
 */
public record Edge(
        String fromTable,
        List<String> fromColumns,
        String toTable,
        List<String> toColumns,
        EdgeKind kind,
        double confidence,
        String evidence,
        String typeColumn,
        String typeValue) {

    public Edge {
        fromColumns = List.copyOf(fromColumns);
        toColumns = List.copyOf(toColumns);
    }

    public static Edge of(String from, List<String> fromColumns, String to, List<String> toColumns, EdgeKind kind,
                          double confidence, String evidence) {
        return new Edge(from, fromColumns, to, toColumns, kind, confidence, evidence, null, null);
    }

    /** The table at the other end, seen from {@code table}. */
    public String otherEnd(String table) {
        return fromTable.equals(table) ? toTable : fromTable;
    }

    /**
     * Path cost for join search: declared edges are cheapest, so a declared route wins over an inferred one of
     * the same length, and a confident inference over a doubtful one.
     */
    public double cost() {
        return switch (kind) {
            case DECLARED -> 1.0;
            case INFERRED -> 1.5 + (1.0 - confidence);
            case POLYMORPHIC -> 2.0 + (1.0 - confidence);
        };
    }
}
