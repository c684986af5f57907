package dev.strata.migration;

import dev.strata.Corpora;
import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defect cases of {@code ../shared/corpora/migrations/cases/}: each file reviewed against the database its
 * {@code setup.sql} builds, applied in a transaction and rolled back, with PostgreSQL as the oracle ({@link Replay}:
 * no "fails" on a file that applies, rewrites and locks as PostgreSQL does them) and, per defect, what the review
 * must or must not say. Reviewed as run inside a transaction, as the migration tools they come from run them.
 */
class MigrationCasesReplayTest {

    /** Rules each case must raise (at any severity) and must not raise. */
    private record Expect(Set<String> present, Set<String> absent) {
    }

    private static final Map<String, Expect> EXPECT = Map.ofEntries(
            Map.entry("arr_create.sql", new Expect(Set.of(), Set.of("unanalysed-statement"))),
            Map.entry("arr_alter.sql", new Expect(Set.of(), Set.of("unanalysed-statement"))),
            Map.entry("backfill_then_set_not_null.sql", new Expect(Set.of("set-not-null"), Set.of())),
            Map.entry("check_on_new_column.sql", new Expect(Set.of(), Set.of())),
            Map.entry("create_policy.sql", new Expect(Set.of(), Set.of())),
            Map.entry("delete_then_not_null.sql", new Expect(Set.of("delete-without-where"),
                    Set.of("add-not-null-column"))),
            Map.entry("dep_view_dropped_first.sql", new Expect(Set.of(), Set.of("dependent-objects"))),
            Map.entry("drop_trigger.sql", new Expect(Set.of(), Set.of())),
            Map.entry("text_to_varchar.sql", new Expect(Set.of(), Set.of("change-column-type"))),
            Map.entry("tz_utc.sql", new Expect(Set.of(), Set.of("change-column-type"))),
            Map.entry("unknown_objects.sql", new Expect(Set.of("unknown-table", "unknown-column"), Set.of())),
            Map.entry("validate_same_tx.sql", new Expect(Set.of("validate-in-same-transaction"), Set.of())));

    private static final String DB = "strata_replay_cases";
    private static Path dir;
    private static Database database;
    private static Connection apply;

    @BeforeAll
    static void setUp() throws Exception {
        dir = Corpora.require("migrations/cases");
        DemoDatabase server = DemoDatabase.shared();
        server.execute("postgres", "DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        server.execute("postgres", "CREATE DATABASE " + DB);
        server.execute(DB, Files.readString(dir.resolve("setup.sql"), StandardCharsets.UTF_8));
        database = Database.connect(ConnectionSettings.parse("postgres://postgres@localhost:" + server.port() + "/" + DB));
        apply = DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/" + DB + "?user=postgres");
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (apply != null) apply.close();
        if (database != null) database.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAgainstPostgres() throws Exception {
        Path cases = Corpora.require("migrations/cases");
        List<Path> files;
        try (Stream<Path> s = Files.list(cases)) {
            files = s.filter(p -> p.toString().endsWith(".sql") && !p.getFileName().toString().equals("setup.sql"))
                    .sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> verify(f)));
    }

    private static void verify(Path file) throws Exception {
        String name = file.getFileName().toString();
        String sql = Files.readString(file, StandardCharsets.UTF_8);
        Replay.Outcome out = new Replay.Outcome();
        Replay replay = new Replay(database, apply, ReviewConfig.DEFAULT, new ReviewOptions(null, true));
        FileReview review = replay.file(name, sql, false, out);
        String findings = review.findings().stream().map(f -> f.line() + " " + f.severity().label() + " " + f.rule()
                + ": " + f.message()).collect(Collectors.joining("\n"));
        assertThat(out.problems).as("PostgreSQL contradicts the review of %s:\n%s", name, findings).isEmpty();
        Set<String> rules = review.findings().stream().map(Finding::rule).collect(Collectors.toSet());
        Expect expect = EXPECT.get(name);
        if (expect == null) return;   // a case added to the corpus later is still held to the oracle above
        if (!expect.present().isEmpty()) assertThat(rules).as("%s:\n%s", name, findings).containsAll(expect.present());
        if (!expect.absent().isEmpty()) {
            assertThat(rules).as("%s:\n%s", name, findings).doesNotContainAnyElementsOf(expect.absent());
        }
        if (!out.notApplied.isEmpty()) {
            assertThat(review.findings()).as("a file that fails must be said to fail: %s", out.notApplied)
                    .anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }
}
