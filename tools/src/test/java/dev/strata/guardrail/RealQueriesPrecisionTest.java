package dev.strata.guardrail;

import dev.strata.RealQueries;
import dev.strata.db.Database;
import dev.strata.profile.ProfileCache;
import dev.strata.profile.ProfileOptions;
import dev.strata.schema.SchemaKnowledge;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guardrail on real queries written by others ({@code ../shared/corpora/real-queries.json}: PostgreSQL
 * Exercises, graded pagila homework, TPC-H, sqlc's examples), each against its own schema loaded with its data on
 * the embedded PostgreSQL, exactly as validate_sql sees them: no query PostgreSQL accepts and that reads only may
 * get an error; every statement that writes is not read-only; and every warning is one a person has reviewed,
 * listed with its verdict in {@code guardrail/real-queries-warnings.txt} (query ids and names only: the corpus
 * itself stays outside the repository). Skipped where the corpora are absent.
 */
class RealQueriesPrecisionTest {

    static final String GOLDEN = "/dev/strata/guardrail/real-queries-warnings.txt";

    @Test
    void realQueriesGetNoFalseErrorAndOnlyReviewedWarnings() {
        List<String> errors = new ArrayList<>();
        List<String> writesCalledReadOnly = new ArrayList<>();
        Set<String> warnings = new TreeSet<>();
        int readOnly = 0;
        int readOnlyWarned = 0;
        for (RealQueries.Schema schema : RealQueries.schemas()) {
            Database db = RealQueries.database(schema);
            SchemaKnowledge k = SchemaKnowledge.load(db, List.of());
            QueryGuard guard = new QueryGuard(() -> k, db, new ProfileCache(db, ProfileOptions.defaults(), k::graph));
            for (RealQueries.Query q : schema.queries()) {
                Validation v = guard.validate(q.sql());
                if (q.readOnly()) {
                    readOnly++;
                    v.findings().stream().filter(Finding::isError)
                            .forEach(f -> errors.add(q.id() + " | " + f.rule() + " | " + f.message()));
                } else if (v.readOnly()) {
                    writesCalledReadOnly.add(q.id());
                }
                boolean warned = false;
                for (Finding f : v.findings()) {
                    if (f.severity() != Severity.WARNING) continue;
                    warnings.add(q.id() + " | " + f.rule());
                    warned = true;
                }
                if (warned && q.readOnly()) readOnlyWarned++;
            }
        }
        System.out.printf("real queries: %d read-only, %d with an error, %d with a warning%n", readOnly,
                errors.stream().map(e -> e.substring(0, e.indexOf(" | "))).distinct().count(), readOnlyWarned);
        assertThat(errors).as("valid read-only queries with an error").isEmpty();
        assertThat(writesCalledReadOnly).as("statements that write, called read-only").isEmpty();
        Set<String> reviewed = reviewed();
        Set<String> unreviewed = new TreeSet<>(warnings);
        unreviewed.removeAll(reviewed);
        Set<String> gone = new TreeSet<>(reviewed);
        gone.removeAll(warnings);
        assertThat(unreviewed).as("warnings nobody reviewed: add them to %s with a verdict", GOLDEN).isEmpty();
        assertThat(gone).as("reviewed warnings no longer given: remove them from %s", GOLDEN).isEmpty();
    }

    /** "schema :: query | rule" of every line of the golden file (its third field is the reviewer's verdict). */
    static Set<String> reviewed() {
        try (InputStream in = RealQueriesPrecisionTest.class.getResourceAsStream(GOLDEN)) {
            Set<String> out = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split(" \\| ");
                assertThat(parts).as("golden line needs query | rule | verdict: %s", line).hasSize(3);
                assertThat(parts[2]).as("verdict of %s", line).matches("(fair catch|false alarm): .+");
                out.add(parts[0] + " | " + parts[1]);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
