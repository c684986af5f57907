package dev.strata.migration;

import java.util.List;

/**
 * What one statement does to the database: its kind, the tables it touches, the strongest lock it takes on them,
 * whether it rewrites the table, and the target's row estimate (0 for a table the script created, null when
 * unknown).
 */
public record StatementReport(int index, int line, String kind, List<String> tables, String lock,
                              boolean rewritesTable, Long rowsEstimate) {
}
