package dev.strata;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.schema.SchemaKnowledge;

import java.util.List;

/** The demo database's knowledge, loaded once per test JVM. */
public final class DemoKnowledge {

    private static Database database;
    private static SchemaKnowledge knowledge;

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
}
