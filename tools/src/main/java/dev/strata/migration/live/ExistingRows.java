package dev.strata.migration.live;

import dev.strata.catalog.QualifiedName;
import dev.strata.catalog.Relation;
import dev.strata.migration.ReviewConfig;
import dev.strata.profile.Masking;
import dev.strata.sql.SqlLexer;
import dev.strata.sql.SqlLexer.Token;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether the rows already in a table satisfy a constraint a migration adds. Exact on tables up to
 * {@link ReviewConfig#exactCheckRows()} rows; above that, {@code pg_stats} first (free), then a bounded
 * {@code TABLESAMPLE SYSTEM} sample — a violation found in a sample is proof, a clean sample is only evidence,
 * and the verdict says which. Every query is read-only under the data-check timeout.
 */
public final class ExistingRows {

    /**
     * @param violates whether offending rows were found (or, for {@code pg_stats}, are certain to exist)
     * @param count    offending rows: exact, in the sample, or estimated from statistics
     * @param source   {@code exact}, {@code sample} or {@code pg_stats}; {@code unchecked} when no check ran
     * @param note     how the figure was obtained, or why nothing was checked
     */
    public record Verdict(boolean violates, Long count, String source, List<String> examples, String note) {
        static Verdict unchecked(String why) {
            return new Verdict(false, null, "unchecked", List.of(), why);
        }
    }

    /** Functions a CHECK expression may call for Strata to evaluate it against the data. */
    private static final Set<String> SAFE_FUNCTIONS = Set.of("in", "any", "all", "array", "coalesce", "nullif",
            "length", "char_length", "character_length", "octet_length", "lower", "upper", "btrim", "ltrim", "rtrim",
            "trim", "abs", "round", "floor", "ceil", "ceiling", "substring", "substr", "position", "greatest",
            "least", "date_trunc", "extract", "date_part", "cast", "now", "jsonb_typeof", "json_typeof",
            "array_length", "cardinality", "left", "right", "strpos", "starts_with", "exists", "not", "and", "or",
            "is", "between", "like", "ilike", "similar", "regexp_like", "num_nonnulls", "num_nulls", "mod",
            "sign", "trunc", "to_char", "isfinite", "current_date", "jsonb_array_length", "overlaps", "values");

    private final LiveDatabase live;
    private final ReviewConfig config;

    ExistingRows(LiveDatabase live, ReviewConfig config) {
        this.live = live;
        this.config = config;
    }

    /** Whether the table holds at least one row (exact and cheap: it stops at the first). */
    public boolean hasRows(Relation table) {
        return live.query(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + name(table) + ")")) {
                return rs.next() && rs.getBoolean(1);
            }
        }, table.rowsEstimate() != 0);
    }

    /** Rows where the column is NULL (for SET NOT NULL and PRIMARY KEY). */
    public Verdict nulls(Relation table, String column) {
        String where = QualifiedName.quote(column) + " IS NULL";
        if (!small(table)) {
            Double nullFraction = live.query(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT null_frac FROM pg_stats WHERE schemaname = ? AND tablename = ? AND attname = ?")) {
                    ps.setString(1, table.schema());
                    ps.setString(2, table.name());
                    ps.setString(3, column);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getDouble(1) : null;
                    }
                }
            }, null);
            if (nullFraction != null && nullFraction > 0) {
                return new Verdict(true, Math.round(nullFraction * table.rowsEstimate()), "pg_stats", List.of(),
                        String.format(Locale.ROOT, "pg_stats.null_frac = %.4f", nullFraction));
            }
        }
        return count(table, where, List.of());
    }

    /** Groups of rows sharing the same values in {@code columns} (for UNIQUE and PRIMARY KEY). */
    public Verdict duplicates(Relation table, List<String> columns) {
        String cols = String.join(", ", columns.stream().map(QualifiedName::quote).toList());
        String notNull = String.join(" AND ", columns.stream().map(c -> QualifiedName.quote(c) + " IS NOT NULL")
                .toList());
        boolean exact = small(table);
        String from = name(table) + (exact ? "" : sampleClause(table));
        String sql = "SELECT " + display(columns) + " AS v, count(*) AS n, count(*) OVER () AS groups FROM " + from
                + " WHERE " + notNull + " GROUP BY " + cols + " HAVING count(*) > 1 ORDER BY n DESC LIMIT 3";
        // duplicates of personal values are shown the way profiles show them: masked, shape kept
        boolean personal = columns.stream().anyMatch(Masking::personalName);
        try {
            return live.queryOrThrow(c -> {
                List<String> examples = new ArrayList<>();
                long groups = 0;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        groups = rs.getLong(3);
                        examples.add(example(rs.getString(1), personal) + " ×" + rs.getLong(2));
                    }
                }
                String note = exact ? "exact GROUP BY over the whole table"
                        : "GROUP BY over a TABLESAMPLE SYSTEM sample of about " + config.sampleRows() + " rows";
                return new Verdict(groups > 0, groups, exact ? "exact" : "sample", examples, note);
            });
        } catch (SQLException e) {
            return Verdict.unchecked(failure(e));
        }
    }

    /** Rows for which a CHECK expression is false (NULL passes, as in PostgreSQL). */
    public Verdict checkViolations(Relation table, String expression) {
        String unsafe = unsafeFunction(expression);
        if (unsafe != null) {
            return Verdict.unchecked("the expression calls " + unsafe + "(), which Strata does not evaluate");
        }
        return count(table, "NOT (" + expression + ")", List.of());
    }

    /** Rows whose non-null key has no match in the referenced table (for FOREIGN KEY). */
    public Verdict orphans(Relation table, List<String> columns, Relation referenced, List<String> refColumns) {
        List<String> on = new ArrayList<>();
        for (int i = 0; i < columns.size() && i < refColumns.size(); i++) {
            on.add("p." + QualifiedName.quote(refColumns.get(i)) + " = c." + QualifiedName.quote(columns.get(i)));
        }
        String notNull = String.join(" AND ", columns.stream().map(c -> "c." + QualifiedName.quote(c) + " IS NOT NULL")
                .toList());
        String where = notNull + " AND NOT EXISTS (SELECT 1 FROM " + name(referenced) + " p WHERE "
                + String.join(" AND ", on) + ")";
        return count(table, where, columns);
    }

    private Verdict count(Relation table, String where, List<String> exampleColumns) {
        boolean exact = small(table);
        String sql = "SELECT count(*) FROM " + name(table) + " c" + (exact ? "" : sampleClause(table)) + " WHERE "
                + where;
        try {
            long n = live.queryOrThrow(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
            String note = exact ? "exact count over the whole table"
                    : "count in a TABLESAMPLE SYSTEM sample of about " + config.sampleRows() + " rows"
                    + (n == 0 ? "; rows outside the sample may still violate" : "");
            return new Verdict(n > 0, n, exact ? "exact" : "sample", List.of(), note);
        } catch (SQLException e) {
            return Verdict.unchecked(failure(e));
        }
    }

    /** Counted exactly: up to the configured size, and a table never analysed (reltuples -1: new or tiny). */
    private boolean small(Relation table) {
        return table.rowsEstimate() <= config.exactCheckRows();
    }

    private String sampleClause(Relation table) {
        double percent = Math.min(100.0, Math.max(0.01, 100.0 * config.sampleRows() / Math.max(1, table.rowsEstimate())));
        return String.format(Locale.ROOT, " TABLESAMPLE SYSTEM (%.4f)", percent);
    }

    private static String name(Relation table) {
        return QualifiedName.quote(table.schema(), table.name());
    }

    private static String display(List<String> columns) {
        if (columns.size() == 1) return "left(" + QualifiedName.quote(columns.get(0)) + "::text, 60)";
        return "left(row(" + String.join(", ", columns.stream().map(QualifiedName::quote).toList()) + ")::text, 60)";
    }

    private static String example(String value, boolean personal) {
        if (value == null) return "NULL";
        return personal ? Masking.mask(value) : value;
    }

    private static String failure(SQLException e) {
        if ("57014".equals(e.getSQLState())) return "the check hit the statement timeout";
        return "the check failed: " + e.getMessage();
    }

    /** The first function the expression calls that is not on the safe list, or null. */
    static String unsafeFunction(String expression) {
        List<Token> tokens = SqlLexer.tokenize(expression).stream().filter(t -> !t.isComment()).toList();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isError() || t.isSymbol(";")) return "?";
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if (t.kind() == SqlLexer.TokenKind.QUOTED_IDENTIFIER && call) return t.value();
            if (t.kind() == SqlLexer.TokenKind.IDENTIFIER && call && !SAFE_FUNCTIONS.contains(t.value())) {
                return t.value();
            }
            if (t.isWord("select")) return "a subquery";
        }
        return null;
    }
}
