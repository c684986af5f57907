package dev.strata;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.profile.ProfileCache;
import dev.strata.profile.ProfileOptions;
import dev.strata.schema.SchemaKnowledge;

import java.util.List;

/** The demo database's knowledge, loaded once per test JVM. */
public final class DemoKnowledge {

    private static Database database;
    private static SchemaKnowledge knowledge;
    private static ProfileCache profiles;

    private DemoKnowledge() {
    }

    public static synchronized Database database() {
        if (database == null) database = Database.connect(ConnectionSettings.parse(DemoDatabase.shared().url()));
        return database;
    }

    public static synchronized SchemaKnowledge get() {
        if (knowledge == null) knowledge = SchemaKnowledge.load(database(), List.of());
        return knowledge;
    }

    /**
     * Profiles of every demo table, taken once per test JVM before the guardrail tests read them, the way a
     * server that has profiled its tables holds them. The sample is REPEATABLE, so the figures are the same on
     * every run.
     */
    public static synchronized ProfileCache profiles() {
        if (profiles == null) {
            ProfileCache cache = new ProfileCache(database(), ProfileOptions.defaults(), () -> get().graph());
            for (var r : get().catalog().relations()) {
                if (r.kind().storesRows()) cache.table(r, null, false, dev.strata.profile.Profiler.Progress.NONE);
            }
            profiles = cache;
        }
        return profiles;
    }
}
