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
 * @param fromUnique whether {@code fromColumns} are unique in {@code fromTable}: then each target row has at most
 *                   one referencing row (one-to-one), else joining from the target fans out
 * @param signals    the evidence one item at a time (name, types, index, rows), in the order it was weighed
 * @param dataCheck  for inferred edges, what the rows said: confirmed, orphans, refuted, no rows, not checked
 *                   (budget), timed out, failed; null when no check applies
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
        String typeValue,
        boolean fromUnique,
        List<String> signals,
        String dataCheck) {

    public Edge {
        fromColumns = List.copyOf(fromColumns);
        toColumns = List.copyOf(toColumns);
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    public Edge(String fromTable, List<String> fromColumns, String toTable, List<String> toColumns, EdgeKind kind,
                double confidence, String evidence, String typeColumn, String typeValue) {
        this(fromTable, fromColumns, toTable, toColumns, kind, confidence, evidence, typeColumn, typeValue, false,
                evidence == null ? List.of() : List.of(evidence), null);
    }

    public static Edge of(String from, List<String> fromColumns, String to, List<String> toColumns, EdgeKind kind,
                          double confidence, String evidence) {
        return new Edge(from, fromColumns, to, toColumns, kind, confidence, evidence, null, null);
    }

    /** Each row of {@code fromTable} matches at most one row of {@code toTable}, and vice versa. */
    public boolean oneToOne() {
        return fromUnique;
    }

    /**
     * Whether joining across this edge, coming from {@code table}, can turn one row into many: true when coming
     * from the referenced side of a reference whose columns are not unique (one order, many items), false when
     * following the reference (many-to-one) or on a one-to-one edge.
     */
    public boolean fansOutFrom(String table) {
        if (fromUnique) return false;
        boolean fromReferenced = toTable.equals(table) && !fromTable.equals(table);
        // A self-reference fans out when walked backwards; JoinPath knows the direction, a table name alone not.
        return fromReferenced;
    }

    /** Whether this edge is a guess (inferred or polymorphic) rather than a declared key. */
    public boolean inferred() {
        return kind != EdgeKind.DECLARED;
    }

    /** The table at the other end, seen from {@code table}. */
    public String otherEnd(String table) {
        return fromTable.equals(table) ? toTable : fromTable;
    }

    /**
     * Path cost for join search: declared edges are cheapest, so a declared route wins over an inferred one of
     * the same length, and a confident inference over a doubtful one; a polymorphic edge (joined with its type
     * filter) costs less than two declared hops, so the one-hop join beats a detour.
     */
    public double cost() {
        return switch (kind) {
            case DECLARED -> 1.0;
            case INFERRED -> 1.3 + 1.5 * (1.0 - confidence);
            case POLYMORPHIC -> 1.1 + (1.0 - confidence);
        };
    }
}
