package dev.strata.migration;

import java.util.List;

/**
 * What one statement does to the database: its kind, the tables it touches, the strongest lock it takes (and
 * {@code locks}: on which object, which mode), whether it rewrites a table (and which), and the target's row
 * estimate (0 for a table the script created, null when unknown).
 */
public record StatementReport(int index, int line, String kind, List<String> tables, String lock,
                              boolean rewritesTable, Long rowsEstimate, List<Lock> locks, List<String> rewritten) {

    /**
     * A lock on one object: {@code kind} is table, view, index, type or sequence; {@code mode} as in LOCK TABLE;
     * {@code form} the row of the lock table (docs/migration-locks.md) that says so.
     */
    public record Lock(String object, String kind, String mode, String form) {
    }

    public StatementReport {
        tables = List.copyOf(tables);
        locks = List.copyOf(locks);
        rewritten = List.copyOf(rewritten);
    }
}
