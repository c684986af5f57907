package dev.strata.legibility;

import dev.strata.guardrail.Finding;

import java.util.List;

/** schema_report's answer (CONTRACT.md): findings over existing objects and comment drafts. */
public record SchemaReportResult(int tablesExamined, List<Finding> findings, List<SuggestedComment> suggestedComments) {
}
