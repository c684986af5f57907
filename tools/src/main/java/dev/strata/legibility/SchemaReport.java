package dev.strata.legibility;

import dev.strata.catalog.Relation;
import dev.strata.catalog.RelationKind;
import dev.strata.legibility.checks.BareIdKeys;
import dev.strata.legibility.checks.CrypticNames;
import dev.strata.legibility.checks.JsonGenerations;
import dev.strata.legibility.checks.TextDates;
import dev.strata.legibility.checks.UndocumentedCodes;
import dev.strata.legibility.checks.MissingComments;
import dev.strata.legibility.checks.MixedNaming;
import dev.strata.legibility.checks.PolymorphicPairs;
import dev.strata.legibility.checks.SoftDeletePartlyAdopted;
import dev.strata.legibility.checks.UndeclaredReferences;
import dev.strata.legibility.checks.UnindexedForeignKeys;
import dev.strata.legibility.checks.WideTables;
import dev.strata.schema.AnswerBudget;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.schema.ToolException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The legibility audit of an existing schema ({@code schema_report}): every check of {@link #CHECKS} over the
 * tables in scope, findings sorted by severity then table, and {@code COMMENT ON} drafts.
 */
public final class SchemaReport {

    public static final List<LegibilityCheck> CHECKS = List.of(
            new BareIdKeys(),
            new PolymorphicPairs(),
            new UndeclaredReferences(),
            new CrypticNames(),
            new MixedNaming(),
            new WideTables(),
            new SoftDeletePartlyAdopted(),
            new UnindexedForeignKeys(),
            // from the data (profiles)
            new TextDates(),
            new JsonGenerations(),
            new UndocumentedCodes(),
            new MissingComments());

    /** Profiling every table of a 5,000-table catalog is not a report anyone waits for. */
    public static final int MAX_PROFILED_TABLES = 40;

    private final List<LegibilityCheck> checks;

    public SchemaReport() {
        this(CHECKS);
    }

    public SchemaReport(List<LegibilityCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /**
     * One page of the report within an answer budget (default 25,000 tokens): the summary counts the whole
     * report; findings (by severity) come first, then comment drafts; {@code next_cursor} continues.
     */
    public SchemaReportResult run(SchemaKnowledge knowledge, ReportContext.Profiles profiles, String schema,
                                  String table, String cursor, Integer maxTokens) {
        AnswerBudget budget = AnswerBudget.of(maxTokens);
        int[] at = AnswerBudget.positions(cursor, "report", 2);
        SchemaReportResult full = run(knowledge, profiles, schema, table);
        return page(full, at[0], at[1], budget);
    }

    static SchemaReportResult page(SchemaReportResult full, int firstFinding, int firstComment, AnswerBudget budget) {
        List<dev.strata.guardrail.Finding> findings = full.findings();
        List<SuggestedComment> comments = full.suggestedComments();
        if (firstFinding > findings.size() || firstComment > comments.size()) {
            throw new ToolException("the cursor points past the end of this report; it was issued for other "
                    + "arguments or the schema changed: start again without a cursor");
        }
        budget.spend(AnswerBudget.estimate(full.summary()) + AnswerBudget.estimate(full.notes()) + 40);
        List<dev.strata.guardrail.Finding> pageFindings = new ArrayList<>();
        int f = firstFinding;
        while (f < findings.size() && budget.take(findings.get(f), pageFindings.isEmpty())) {
            pageFindings.add(findings.get(f++));
        }
        List<SuggestedComment> pageComments = new ArrayList<>();
        int c = firstComment;
        if (f == findings.size()) {
            while (c < comments.size() && budget.take(comments.get(c), pageFindings.isEmpty() && pageComments.isEmpty())) {
                pageComments.add(comments.get(c++));
            }
        }
        boolean more = f < findings.size() || c < comments.size();
        SchemaReportResult.Summary all = SchemaReportResult.Summary.of(findings, comments, pageFindings.size(),
                pageComments.size(), budget.tokens());
        SchemaReportResult.Summary summary = new SchemaReportResult.Summary(all.findingsTotal(), all.bySeverity(),
                all.byRule(), all.suggestedCommentsTotal(), all.findingsReturned(), all.suggestedCommentsReturned(),
                firstFinding > 0 ? firstFinding : null, budget.tokens());
        return new SchemaReportResult(full.tablesExamined(), full.tablesProfiled(), summary, full.notes(),
                pageFindings, pageComments, more ? AnswerBudget.cursor("report", f, c) : null);
    }

    /** Without profiles: the catalog-based checks only. */
    public SchemaReportResult run(SchemaKnowledge knowledge, String schema, String table) {
        return run(knowledge, null, schema, table);
    }

    public SchemaReportResult run(SchemaKnowledge knowledge, ReportContext.Profiles profiles, String schema,
                                  String table) {
        List<Relation> scope = new ArrayList<>();
        if (table != null && !table.isBlank()) {
            Relation r = knowledge.catalog().resolveLeniently(table).orElseThrow(() -> new ToolException(
                    "no table " + table + "; closest: " + String.join(", ", knowledge.catalog().closestRelations(table, 5))));
            scope.add(r);
        } else {
            for (Relation r : knowledge.catalog().relations()) {
                if (schema != null && !schema.isBlank() && !r.schema().equals(schema)) continue;
                if (r.kind() == RelationKind.TABLE || r.kind() == RelationKind.PARTITIONED_TABLE) {
                    if (!r.partition()) scope.add(r);
                }
            }
            if (scope.isEmpty() && schema != null && !schema.isBlank()) {
                throw new ToolException("schema " + schema + " has no tables (or does not exist)");
            }
        }
        scope.sort(Comparator.comparing(Relation::qualifiedName));
        ReportContext ctx = new ReportContext(knowledge, scope, profiles);
        for (LegibilityCheck c : checks) c.check(ctx);
        List<dev.strata.guardrail.Finding> findings = new ArrayList<>(ctx.findings());
        findings.sort(Comparator.comparing((dev.strata.guardrail.Finding f) -> f.severity().ordinal())
                .thenComparing(f -> f.table() == null ? "" : f.table()).thenComparing(dev.strata.guardrail.Finding::rule));
        List<String> notes = new ArrayList<>(ctx.notes());
        if (profiles == null) notes.add("no profiles: text dates, JSON generations and codes were not examined");
        return new SchemaReportResult(scope.size(), ctx.profiledTables(), findings, ctx.comments(), notes);
    }
}
