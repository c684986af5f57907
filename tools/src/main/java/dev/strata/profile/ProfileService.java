package dev.strata.profile;

import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import dev.strata.db.Database;
import dev.strata.schema.SchemaExplorer;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.schema.ToolException;
import dev.strata.text.Similarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code profile_column} and {@code profile_table} in plain Java: resolves names the way every other tool does,
 * checks the arguments, and answers from the {@link ProfileCache}. Also the short profile summary that
 * {@code describe_table} shows for low-cardinality columns, read from cached or {@code pg_stats} profiles only.
 */
public final class ProfileService {

    public static final int MAX_SAMPLE_ROWS = 1_000_000;

    private final Supplier<SchemaKnowledge> knowledge;
    private final SchemaExplorer explorer;
    private final ProfileCache cache;
    private final Database database;

    public ProfileService(Supplier<SchemaKnowledge> knowledge, Database database, ProfileOptions options) {
        this.knowledge = knowledge;
        this.database = database;
        this.explorer = new SchemaExplorer(knowledge);
        this.cache = new ProfileCache(database, options, () -> knowledge.get().graph());
    }

    public ProfileCache cache() {
        return cache;
    }

    public TableProfile profileTable(String table, Integer sampleRows, Boolean refresh, Profiler.Progress progress) {
        Relation r = profilable(table);
        requireSelect(r, null);
        return cache.table(r, rows(sampleRows), Boolean.TRUE.equals(refresh), progress);
    }

    public ColumnProfile profileColumn(String table, String column, Integer sampleRows, Boolean refresh) {
        Relation r = profilable(table);
        if (column == null || column.isBlank()) throw new ToolException("column is required");
        Column c = r.column(column).orElseGet(() -> r.columns().stream().filter(x -> x.name().equalsIgnoreCase(column))
                .findFirst().orElseThrow(() -> unknownColumn(r, column)));
        requireSelect(r, c.name());
        return cache.column(r, c.name(), rows(sampleRows), Boolean.TRUE.equals(refresh));
    }

    /** One line per low-cardinality column: the values an assistant will filter on, with their shares. */
    public record ColumnSummary(String column, List<ValueCount> topValues, Double nullFraction, Long distinctEstimate,
                                String source, List<String> detectors) {
    }

    public List<ColumnSummary> summary(Relation r) {
        List<ColumnSummary> out = new ArrayList<>();
        if (!r.kind().storesRows()) return out;
        for (Column c : r.columns()) {
            ColumnProfile p;
            try {
                p = cache.forGuard(r, c.name()).orElse(null);
            } catch (RuntimeException e) {
                return out;
            }
            if (p == null) continue;
            boolean lowCardinality = p.distinctEstimate() != null && p.distinctEstimate() > 0
                    && p.distinctEstimate() <= 20 && !p.topValues().isEmpty();
            if (!lowCardinality && p.detectors().isEmpty()) continue;
            out.add(new ColumnSummary(c.name(), lowCardinality ? p.topValues() : List.of(), p.nullFraction(),
                    p.distinctEstimate(), p.source(), List.copyOf(p.detectors().keySet())));
        }
        return out;
    }

    /**
     * A role that may not read the table gets a permission error naming the privilege, not an empty profile:
     * PostgreSQL hides such tables from pg_stats and refuses the sample, which would otherwise read as "no data".
     */
    private void requireSelect(Relation r, String column) {
        if (database == null) return;
        String[] answer = database.withHandle(h -> h.createQuery("SELECT current_user, "
                        + (column == null ? "has_any_column_privilege(CAST(:oid AS oid), 'SELECT')"
                        : "has_column_privilege(CAST(:oid AS oid), :column, 'SELECT')"))
                .bind("oid", r.oid()).bind("column", column)
                .map((rs, ctx) -> new String[]{rs.getString(1), String.valueOf(rs.getBoolean(2))}).one());
        if (!Boolean.parseBoolean(answer[1])) {
            String role = answer[0];
            throw new ToolException("permission denied: role " + role + " may not read "
                    + (column == null ? r.qualifiedName() + " (it lacks the SELECT privilege on the table)"
                    : "column " + column + " of " + r.qualifiedName() + " (it lacks the SELECT privilege on it)")
                    + "; to profile it, GRANT SELECT ON " + r.qualifiedName() + " TO " + role);
        }
    }

    private Relation profilable(String table) {
        Relation r = explorer.resolveTable(table);
        if (!r.kind().storesRows()) {
            throw new ToolException(r.qualifiedName() + " is a " + r.kind().label() + ", which stores no rows of its "
                    + "own: profile the tables it reads instead");
        }
        return r;
    }

    private static Integer rows(Integer sampleRows) {
        if (sampleRows == null) return null;
        if (sampleRows < 100 || sampleRows > MAX_SAMPLE_ROWS) {
            throw new ToolException("sample_rows must be between 100 and " + MAX_SAMPLE_ROWS + " (got " + sampleRows + ")");
        }
        return sampleRows;
    }

    private ToolException unknownColumn(Relation r, String column) {
        Map<String, Double> scores = new HashMap<>();
        for (Column c : r.columns()) scores.put(c.name(), Similarity.score(column, c.name()));
        List<String> best = Similarity.best(scores, 3, 0.6);
        return new ToolException("column '" + column + "' does not exist in " + r.qualifiedName()
                + (best.isEmpty() ? "" : "; did you mean " + String.join(", ", best) + "?"));
    }
}
