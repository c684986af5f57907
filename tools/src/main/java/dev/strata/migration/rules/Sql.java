package dev.strata.migration.rules;

import dev.strata.migration.TargetTable;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers that turn a statement into the safe SQL a fix proposes. */
final class Sql {

    private Sql() {
    }

    /** The statement with CONCURRENTLY inserted after its first {@code keyword}. */
    static String concurrently(String statement, String keyword) {
        Matcher m = Pattern.compile("(?i)\\b" + keyword + "\\b").matcher(statement);
        if (!m.find()) return statement;
        return statement.substring(0, m.end()) + " CONCURRENTLY" + statement.substring(m.end());
    }

    /** A row estimate for evidence: the number, or "unknown". */
    static Object rows(TargetTable t) {
        Long rows = t.rowsEstimate();
        return rows == null ? "unknown" : rows;
    }

    /** A constraint name PostgreSQL-style: table_columns_suffix. */
    static String constraintName(String table, String column, String suffix) {
        String bare = table.substring(table.lastIndexOf('.') + 1);
        return (bare + "_" + column + "_" + suffix).toLowerCase(Locale.ROOT);
    }

    /** The table name without schema. */
    static String bare(String table) {
        return table.substring(table.lastIndexOf('.') + 1);
    }
}
