package dev.strata.migration.report;

import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import dev.strata.migration.FileReview;
import dev.strata.migration.Review;
import dev.strata.migration.StatementReport;

import java.util.Locale;

/**
 * A review for a person in a terminal: one line per finding in the {@code file:line:col} form editors and CI
 * logs turn into links, the fix indented below it, and a summary (with the skipped rules when no database was
 * given). {@code verbose} adds each statement's locks (mode and object), the tables it rewrites and the row
 * estimate.
 */
public final class TextReport {

    private TextReport() {
    }

    public static String render(Review review, boolean verbose) {
        StringBuilder out = new StringBuilder();
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        int statements = 0;
        for (FileReview f : review.files()) {
            statements += f.statements().size();
            if (verbose) {
                for (StatementReport s : f.statements()) {
                    String locks = s.locks().isEmpty() ? (s.lock() == null ? "" : " — " + s.lock() + " lock")
                            : " — " + String.join(", ", s.locks().stream().map(l -> l.mode() + " on " + l.object())
                            .toList());
                    out.append(String.format(Locale.ROOT, "%s:%d: %s%s%s%s%n", f.file(), s.line(), s.kind(),
                            s.tables().isEmpty() ? "" : " " + String.join(", ", s.tables()), locks,
                            (s.rewritesTable() ? ", rewrites " + String.join(", ", s.rewritten()) : "")
                                    + (s.rowsEstimate() == null ? "" : String.format(Locale.ROOT, ", ≈%,d rows",
                                    s.rowsEstimate()))));
                }
            }
            for (Finding x : f.findings()) {
                if (x.severity() == Severity.ERROR) errors++;
                else if (x.severity() == Severity.WARNING) warnings++;
                else infos++;
                out.append(f.file()).append(':').append(x.line()).append(':').append(x.column()).append(": ")
                        .append(x.severity().label()).append(' ').append(x.rule()).append(": ").append(x.message())
                        .append(System.lineSeparator());
                if (x.fix() != null) out.append("    fix: ").append(x.fix()).append(System.lineSeparator());
            }
        }
        out.append(String.format(Locale.ROOT, "%d file(s), %d statement(s): %d error(s), %d warning(s), %d info "
                        + "(PostgreSQL %d, %s)%n", review.files().size(), statements, errors, warnings, infos,
                review.pgVersion(), review.pgVersionSource()));
        if (!review.skippedRules().isEmpty()) {
            out.append("no database (--url): skipped ").append(String.join(", ", review.skippedRules()))
                    .append(System.lineSeparator());
        }
        return out.toString();
    }
}
