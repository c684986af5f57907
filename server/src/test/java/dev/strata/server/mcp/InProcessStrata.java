package dev.strata.server.mcp;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.migration.MigrationService;
import dev.strata.migration.ReviewConfig;
import dev.strata.profile.ProfileOptions;
import dev.strata.profile.ProfileService;
import dev.strata.query.QueryLimits;
import dev.strata.query.QueryService;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.server.Launcher;

import java.util.List;

/** Strata's MCP surface in process over the shared demo database, as the server wires it. */
final class InProcessStrata implements AutoCloseable {

    final Database db;
    final StrataMcp mcp;
    final MigrationService migrations;

    InProcessStrata() {
        db = Database.connect(ConnectionSettings.parse(DemoDatabase.shared().url()));
        SchemaKnowledge knowledge = SchemaKnowledge.load(db, List.of());
        ProfileService profiles = new ProfileService(() -> knowledge, db, ProfileOptions.defaults());
        QueryService queries = new QueryService(() -> knowledge, db, QueryLimits.defaults(), false, profiles.cache());
        migrations = new MigrationService(() -> knowledge, db, ReviewConfig.DEFAULT);
        mcp = new StrataMcp(() -> knowledge, () -> queries, () -> profiles, () -> migrations,
                new dev.strata.drift.SnapshotStore(() -> dev.strata.drift.Snapshots.take(db, List.of()), null), false,
                Launcher.jsonMapper());
    }

    @Override
    public void close() {
        db.close();
    }
}
