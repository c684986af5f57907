package dev.strata.legibility;

import dev.strata.guardrail.Finding;

import java.util.List;

/**
 * schema_report's answer (CONTRACT.md): findings over existing objects and comment drafts; how many tables were
 * profiled for the data-based checks, and notes on what was left out.
 */
public record SchemaReportResult(int tablesExamined, int tablesProfiled, List<Finding> findings,
                                 List<SuggestedComment> suggestedComments, List<String> notes) {
}
