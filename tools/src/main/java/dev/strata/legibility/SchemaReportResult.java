package dev.strata.legibility;

import dev.strata.guardrail.Finding;

import java.util.List;
import java.util.Map;

/**
 * schema_report's answer (CONTRACT.md): the summary first (counts by severity and rule for the whole report),
 * then findings over existing objects by severity, then comment drafts; how many tables were profiled for the
 * data-based checks, notes on what was left out, and the cursor of the next page when the report is larger than
 * the answer budget.
 */
public record SchemaReportResult(int tablesExamined, int tablesProfiled, Summary summary, List<String> notes,
                                 List<Finding> findings, List<SuggestedComment> suggestedComments,
                                 String nextCursor) {

    public SchemaReportResult(int tablesExamined, int tablesProfiled, List<Finding> findings,
                              List<SuggestedComment> suggestedComments, List<String> notes) {
        this(tablesExamined, tablesProfiled, Summary.of(findings, suggestedComments, findings.size(),
                suggestedComments.size(), null), notes, findings, suggestedComments, null);
    }

    /**
     * Counts over the whole report, whatever page this is.
     *
     * @param findingsReturned          findings on this page
     * @param suggestedCommentsReturned drafts on this page
     * @param firstFinding              index of this page's first finding in the whole report (0-based)
     * @param maxTokens                 the answer budget this page was cut to
     */
    public record Summary(int findingsTotal, Map<String, Integer> bySeverity, Map<String, Integer> byRule,
                          int suggestedCommentsTotal, int findingsReturned, int suggestedCommentsReturned,
                          Integer firstFinding, Integer maxTokens) {

        static Summary of(List<Finding> all, List<SuggestedComment> comments, int findingsReturned,
                          int commentsReturned, Integer maxTokens) {
            Map<String, Integer> severity = new java.util.LinkedHashMap<>();
            for (String s : List.of("error", "warning", "info")) severity.put(s, 0);
            Map<String, Integer> rules = new java.util.HashMap<>();
            for (Finding f : all) {
                severity.merge(f.severity().label(), 1, Integer::sum);
                rules.merge(f.rule(), 1, Integer::sum);
            }
            Map<String, Integer> byRule = new java.util.LinkedHashMap<>();
            rules.entrySet().stream().sorted((a, b) -> a.getValue().equals(b.getValue())
                            ? a.getKey().compareTo(b.getKey()) : Integer.compare(b.getValue(), a.getValue()))
                    .forEach(e -> byRule.put(e.getKey(), e.getValue()));
            return new Summary(all.size(), severity, byRule, comments.size(), findingsReturned, commentsReturned,
                    null, maxTokens);
        }
    }

    /** A short text for clients that read text only: the summary, then each finding without positions. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(tablesExamined).append(" table(s) examined");
        if (tablesProfiled > 0) sb.append(", ").append(tablesProfiled).append(" profiled");
        sb.append("; ").append(summary.findingsTotal()).append(" finding(s): ");
        StringBuilder counts = new StringBuilder();
        summary.bySeverity().forEach((k, v) -> {
            if (v > 0) counts.append(counts.length() > 0 ? ", " : "").append(v).append(' ').append(k);
        });
        sb.append(counts.length() == 0 ? "none" : counts);
        sb.append("; ").append(summary.suggestedCommentsTotal()).append(" comment draft(s)");
        if (summary.findingsReturned() < summary.findingsTotal()
                || summary.suggestedCommentsReturned() < summary.suggestedCommentsTotal()) {
            sb.append(" (this page: ").append(summary.findingsReturned()).append(" finding(s), ")
                    .append(summary.suggestedCommentsReturned()).append(" draft(s))");
        }
        if (!summary.byRule().isEmpty()) {
            sb.append("\nby rule: ");
            StringBuilder rules = new StringBuilder();
            summary.byRule().forEach((k, v) -> rules.append(rules.length() > 0 ? ", " : "").append(k).append(' ')
                    .append(v));
            sb.append(rules);
        }
        for (String n : notes) sb.append("\nnote: ").append(n);
        for (Finding f : findings) {
            sb.append('\n').append(f.severity().label()).append(' ').append(f.rule()).append(": ")
                    .append(f.message());
            if (f.fix() != null) sb.append("\n  fix: ").append(f.fix());
        }
        if (!suggestedComments.isEmpty()) {
            sb.append("\nComment drafts (review before applying):");
            suggestedComments.forEach(c -> sb.append("\n").append(c.sql()));
        }
        if (nextCursor != null) sb.append("\n(more: pass cursor ").append(nextCursor).append(')');
        return sb.toString();
    }
}
