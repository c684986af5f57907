package dev.strata.server.cli;

import dev.strata.catalog.CatalogLoader;
import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationReviewer;
import dev.strata.migration.Review;
import dev.strata.migration.ReviewConfig;
import dev.strata.migration.ReviewOptions;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.migration.report.JsonReport;
import dev.strata.migration.report.SarifReport;
import dev.strata.migration.report.TextReport;
import dev.strata.server.Launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code strata check FILE… [--url URL] [--format text|json|sarif] [--pg-version N] [--fail-on LEVEL]}: migration
 * review for CI. Files are reviewed in the order given, as migrations applied one after another (a table created
 * by an earlier file is new to later ones); {@code -} reads standard input. Exit 0 when no finding reaches
 * {@code --fail-on} (default warning), 1 when one does, 2 for usage, unreadable files or connection errors.
 */
final class CheckCommand implements Callable<Integer> {

    private final List<String> files;
    private final ConnectionSettings settings;
    private final List<String> schemas;
    private final String format;
    private final ReviewOptions options;
    private final ReviewConfig config;
    private final Severity failOn;
    private final boolean verbose;

    CheckCommand(List<String> files, ConnectionSettings settings, List<String> schemas, String format,
                 ReviewOptions options, ReviewConfig config, Severity failOn, boolean verbose) {
        this.files = files;
        this.settings = settings;
        this.schemas = schemas;
        this.format = format;
        this.options = options;
        this.config = config;
        this.failOn = failOn;
        this.verbose = verbose;
    }

    @Override
    public Integer call() throws IOException {
        List<String> sources = new java.util.ArrayList<>();
        for (String f : files) sources.add(read(f));
        Review review;
        if (settings == null) {
            review = review(new MigrationReviewer(Optional.empty(), config), sources);
        } else {
            try (Database db = Database.connect(settings)) {
                LiveDatabase live = new LiveDatabase(new CatalogLoader(schemas).load(db), db, config);
                review = review(new MigrationReviewer(Optional.of(live), config), sources);
            }
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        switch (format) {
            case "json" -> out.println(JsonReport.render(review));
            case "sarif" -> out.println(SarifReport.render(review, Launcher.VERSION));
            default -> out.print(TextReport.render(review, verbose));
        }
        out.flush();
        boolean failing = failOn != null && review.files().stream().flatMap(f -> f.findings().stream())
                .map(Finding::severity).anyMatch(s -> s.compareTo(failOn) <= 0);
        return failing ? 1 : 0;
    }

    private Review review(MigrationReviewer reviewer, List<String> sources) {
        MigrationReviewer.Session session = reviewer.session(options);
        // each file within the configured time limit: a file Strata cannot finish is reported, never a hang
        for (int i = 0; i < files.size(); i++) session.review(files.get(i), sources.get(i), config.fileTimeLimit());
        return session.finish();
    }

    private static String read(String file) throws IOException {
        if (file.equals("-")) return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) throw new UsageException("cannot read " + file + ": no such file");
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UsageException("cannot read " + file + ": not UTF-8 text (is it a SQL migration?)");
        }
    }
}
