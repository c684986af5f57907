package dev.strata.guardrail;

import dev.strata.RealQueries;
import dev.strata.RealQueryScratch;
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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wrong-result rules on SQL other people wrote ({@code ../shared/corpora/real-queries.json}, every schema loaded
 * into its own scratch database, one at a time): no query PostgreSQL accepts and that is read-only gets an error from them, and every
 * warning they give is one a person reviewed, with a verdict (fair catch or false alarm), in
 * {@code guardrail/wrong-result/real-queries-reviewed.txt}. A new warning, or a reviewed one that no longer
 * appears, fails the test until the file says what it is. Skipped when the corpora are absent.
 */
class WrongResultRealQueriesTest {

    static final String REVIEWED = "/dev/strata/guardrail/wrong-result/real-queries-reviewed.txt";

    @Test
    void realQueriesGetNoErrorAndOnlyReviewedWarnings() {
        Set<String> ids = GuardRules.WRONG_RESULT.stream().map(GuardRule::id).collect(Collectors.toSet());
        List<String> errors = new ArrayList<>();
        Set<String> warnings = new TreeSet<>();
        List<RealQueries.Schema> schemas = RealQueries.schemas();
        exercisesDatabase();
        int[] validated = {0};
        for (RealQueries.Schema schema : schemas) {
            RealQueryScratch.with(schema, db -> {
                SchemaKnowledge knowledge = SchemaKnowledge.load(db, List.of());
                ProfileCache profiles = new ProfileCache(db, ProfileOptions.defaults(), knowledge::graph);
                QueryGuard guard = new QueryGuard(() -> knowledge, new PgParseCheck(db), profiles);
                for (RealQueries.Query q : schema.queries()) {
                    if (!q.readOnly()) continue;
                    validated[0]++;
                    for (Finding f : guard.validate(q.sql()).findings()) {
                        if (!ids.contains(f.rule())) continue;
                        String key = q.id() + " :: " + f.rule();
                        if (f.severity() == Severity.ERROR) errors.add(key + " :: " + f.message());
                        else if (f.severity() == Severity.WARNING) warnings.add(key);
                    }
                }
            });
        }
        assertThat(validated[0]).isGreaterThan(150);
        assertThat(errors).as("errors from the wrong-result rules on queries PostgreSQL accepts").isEmpty();
        assertThat(warnings).as("warnings on real queries must be reviewed in " + REVIEWED
                + " (add a line 'schema :: query :: rule :: fair catch|false alarm :: why')").isEqualTo(reviewed());
    }

    /**
     * The PostgreSQL Exercises dump ends with {@code ALTER DATABASE exercises SET default_transaction_read_only}, for
     * the database it was dumped from: that database must exist for the script to load (the setting then applies
     * to it, not to the scratch database).
     */
    static void exercisesDatabase() {
        try {
            dev.strata.demo.DemoDatabase.shared().execute("postgres", "CREATE DATABASE exercises");
        } catch (IllegalStateException alreadyThere) {
            // created by an earlier test in this JVM
        }
    }

    /** The reviewed warnings: "schema :: query :: rule" of every line that carries a verdict. */
    static Set<String> reviewed() {
        String text;
        try (InputStream in = WrongResultRealQueriesTest.class.getResourceAsStream(REVIEWED)) {
            if (in == null) throw new IllegalStateException("missing " + REVIEWED);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> out = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.split(" :: ");
            if (parts.length < 5 || !(parts[3].equals("fair catch") || parts[3].equals("false alarm"))) {
                throw new IllegalStateException("a reviewed line needs 'schema :: query :: rule :: fair catch|false "
                        + "alarm :: why': " + line);
            }
            out.add(parts[0] + " :: " + parts[1] + " :: " + parts[2]);
        }
        return out;
    }
}
