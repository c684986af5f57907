package dev.strata.migration;

import java.util.List;

/**
 * A {@code check} run or a {@code review_migration} call: the files reviewed, the PostgreSQL major version the
 * judgements assumed (and where it came from), and the rules that did not run because no database was given.
 */
public record Review(boolean ok, int pgVersion, String pgVersionSource, List<FileReview> files,
                     List<String> skippedRules) {

    public static Review of(int pgVersion, String pgVersionSource, List<FileReview> files, List<String> skipped) {
        return new Review(files.stream().allMatch(FileReview::ok), pgVersion, pgVersionSource, List.copyOf(files),
                List.copyOf(skipped));
    }
}
