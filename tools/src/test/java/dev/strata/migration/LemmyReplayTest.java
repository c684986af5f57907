package dev.strata.migration;

import dev.strata.Corpora;
import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lemmy's 342 migrations (in {@code ../shared/corpora/migrations/lemmy}, diesel's order, one transaction per file)
 * replayed on the embedded PostgreSQL with {@link Replay}: each file reviewed against the database as the earlier
 * files left it, then applied, and every claim checked against what PostgreSQL did. Skipped when the corpora are
 * absent.
 */
class LemmyReplayTest {

    @Test
    void everyClaimHoldsOnLemmysHistory() throws Exception {
        Path dir = Corpora.require("migrations/lemmy");
        List<String[]> manifest = Files.readAllLines(dir.resolve("manifest.tsv")).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
        DemoDatabase server = DemoDatabase.shared();
        String db = "strata_replay_lemmy";
        server.execute("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        server.execute("postgres", "CREATE DATABASE " + db);
        // what diesel creates before the first migration (a later migration puts a trigger on it)
        server.execute(db, "CREATE TABLE __diesel_schema_migrations (version varchar(50) PRIMARY KEY NOT NULL, "
                + "run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)");
        String url = "postgres://postgres@localhost:" + server.port() + "/" + db;
        Replay.Outcome out = new Replay.Outcome();
        long t0 = System.nanoTime();
        try (Database database = Database.connect(ConnectionSettings.parse(url));
             Connection apply = DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/" + db
                     + "?user=postgres")) {
            // diesel runs every migration in a transaction of its own
            Replay replay = new Replay(database, apply, ReviewConfig.DEFAULT, new ReviewOptions(null, true));
            for (String[] row : manifest) {
                String sql = Files.readString(dir.resolve(row[1]), StandardCharsets.UTF_8);
                replay.file(row[1], sql, true, out);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("lemmy replay: %d files, %d statements in %d ms; %d files fail at --fail-on warning "
                        + "(%.1f %%); rewrites claimed %d, seen %d; %d lock claims checked over %d statement kinds%n",
                out.files, out.statements, ms, out.failingAtWarning, 100.0 * out.failingAtWarning / out.files,
                out.rewritesClaimed, out.rewritesSeen, out.lockClaimsChecked, out.formsChecked.size());
        System.out.println("findings by rule: " + out.findingsByRule);
        System.out.println("locks taken by triggers of data changes (not analysed, not claimed): "
                + out.triggerLocks.size() + " " + out.triggerLocks.stream().limit(5).toList());
        // per file: the rules at warning or error, for the benchmark's hand-checked sample (target/, not asserted)
        StringBuilder tsv = new StringBuilder("file\tfailing_rules\n");
        for (FileReview r : out.reviews) {
            String failing = r.findings().stream().filter(f -> f.severity() != dev.strata.guardrail.Severity.INFO)
                    .map(f -> f.rule() + "@" + f.line()).collect(Collectors.joining(","));
            tsv.append(r.file()).append('\t').append(failing).append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/lemmy-replay.tsv"), tsv.toString());
        List<String> report = new ArrayList<>();
        for (Replay.Problem p : out.problems) report.add(p.toString());
        String problems = report.stream().limit(200).collect(Collectors.joining("\n"));
        assertThat(out.notApplied).as("every Lemmy migration applies on PostgreSQL 17").isEmpty();
        assertThat(out.problems).as("claims PostgreSQL contradicted:\n%s", problems).isEmpty();
    }
}
