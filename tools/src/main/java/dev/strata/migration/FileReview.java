package dev.strata.migration;

import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;

import java.util.List;

/** The review of one migration script: {@code ok} when no finding is a warning or an error. */
public record FileReview(String file, boolean ok, List<StatementReport> statements, List<Finding> findings) {

    public static FileReview of(String file, List<StatementReport> statements, List<Finding> findings) {
        boolean ok = findings.stream().noneMatch(f -> f.severity() != Severity.INFO);
        return new FileReview(file, ok, List.copyOf(statements), List.copyOf(findings));
    }
}
