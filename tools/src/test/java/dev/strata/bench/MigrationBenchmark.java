package dev.strata.bench;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.migration.FileReview;
import dev.strata.migration.MigrationReviewer;
import dev.strata.migration.ReviewConfig;
import dev.strata.migration.ReviewOptions;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.schema.SchemaKnowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Migration review in process: time per statement over the migration corpus, without a database (catalog-free
 * rules), over Lemmy's history when the real-world corpora are beside the checkout, with the demo catalog but no
 * data checks, and with everything (data checks and the syntax check query the demo database). Run: {@code mvn -q -pl tools -Pbench test-compile exec:java
 * -Dbench.main=dev.strata.bench.MigrationBenchmark}.
 */
public final class MigrationBenchmark {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(MigrationBenchmark.class.getResource("/dev/strata/migration/corpus").toURI());
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".sql")).sorted().toList()) files.add(Files.readString(p));
        }
        measure("no database", new MigrationReviewer(Optional.empty(), ReviewConfig.DEFAULT), files, 200);
        // a real history: Lemmy's 342 migrations, each file on its own as check --independent reviews them
        Optional<Path> lemmy = dev.strata.Corpora.root().map(r -> r.resolve("migrations/lemmy"))
                .filter(Files::isDirectory);
        if (lemmy.isPresent()) {
            List<String> history = new ArrayList<>();
            for (String line : Files.readAllLines(lemmy.get().resolve("manifest.tsv"))) {
                if (!line.isBlank()) history.add(Files.readString(lemmy.get().resolve(line.split("\t")[1])));
            }
            measure("Lemmy history (342 files), no database", new MigrationReviewer(Optional.empty(),
                    ReviewConfig.DEFAULT), history, 30);
        }
        DemoDatabase demo = DemoDatabase.shared();
        try (Database db = Database.connect(ConnectionSettings.parse(demo.url()))) {
            SchemaKnowledge knowledge = SchemaKnowledge.load(db, List.of());
            ReviewConfig noData = new ReviewConfig(Set.of("existing-rows-violate", "dependent-objects", "syntax-error"),
                    java.util.Map.of(), 60, 10_000, 1_000_000, 20_000, java.time.Duration.ofSeconds(3));
            measure("demo catalog, no data checks", new MigrationReviewer(Optional.of(
                    new LiveDatabase(knowledge.catalog(), db, noData)), noData), files, 100);
            measure("demo catalog and data checks (queries PostgreSQL)", new MigrationReviewer(Optional.of(
                    new LiveDatabase(knowledge.catalog(), db, ReviewConfig.DEFAULT)), ReviewConfig.DEFAULT), files, 5);
        }
    }

    private static void measure(String label, MigrationReviewer reviewer, List<String> files, int rounds) {
        int statements = 0;
        for (String f : files) {
            FileReview r = reviewer.review(f, OPTIONS).files().get(0);
            statements += r.statements().size();
        }
        for (int i = 0; i < Math.min(rounds, 20); i++) reviewAll(reviewer, files);   // warm-up
        double[] perStatement = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            reviewAll(reviewer, files);
            perStatement[i] = (System.nanoTime() - t) / 1e6 / statements;
        }
        Arrays.sort(perStatement);
        System.out.printf(Locale.ROOT, "%-52s %d files, %d statements: median %.4f ms/statement (p90 %.4f), "
                        + "%.1f ms per corpus pass%n", label, files.size(), statements, perStatement[rounds / 2],
                perStatement[(int) (rounds * 0.9)], perStatement[rounds / 2] * statements);
    }

    private static void reviewAll(MigrationReviewer reviewer, List<String> files) {
        for (String f : files) reviewer.review(f, OPTIONS);
    }

    /** Each file in its own transaction, as diesel and Flyway run them. */
    private static final ReviewOptions OPTIONS = new ReviewOptions(null, true);
}
