package dev.strata.migration;

import dev.strata.db.Database;
import dev.strata.guardrail.Finding;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.schema.SchemaKnowledge;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Migration review for the MCP server: each call reviews against the catalog as currently loaded and the live
 * data, so the answer reflects the database the assistant is about to migrate.
 */
public final class MigrationService {

    /** review_migration's answer (CONTRACT.md), plus the version judged for and any skipped rules. */
    public record Answer(boolean ok, int pgVersion, List<StatementReport> statements, List<Finding> findings,
                         List<String> skippedRules) {
    }

    private final Supplier<SchemaKnowledge> knowledge;
    private final Database database;
    private final ReviewConfig config;

    public MigrationService(Supplier<SchemaKnowledge> knowledge, Database database, ReviewConfig config) {
        this.knowledge = knowledge;
        this.database = database;
        this.config = config;
    }

    public Answer review(String sql, Integer pgVersion) {
        Optional<LiveDatabase> live = database == null ? Optional.empty()
                : Optional.of(new LiveDatabase(knowledge.get().catalog(), database, config));
        MigrationReviewer.Session session = new MigrationReviewer(live, config).session(new ReviewOptions(pgVersion, false));
        // the same time limit as check: a script Strata cannot finish is answered, never a hung tool call
        session.review("input", sql, config.fileTimeLimit());
        Review review = session.finish();
        FileReview f = review.files().get(0);
        return new Answer(f.ok(), review.pgVersion(), f.statements(), f.findings(), review.skippedRules());
    }
}
