package dev.strata;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.schema.SchemaKnowledge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fresh databases on the shared embedded server for schemas a test writes itself, so DDL never touches the demo
 * database other tests read. One database per name per test JVM.
 */
public final class ScratchSchemas {

    private static final Map<String, Database> OPEN = new ConcurrentHashMap<>();

    private ScratchSchemas() {
    }

    /** Drops and recreates database {@code name}, runs {@code ddl} in it and connects. */
    public static synchronized Database create(String name, String ddl) {
        Database previous = OPEN.remove(name);
        if (previous != null) previous.close();
        DemoDatabase server = DemoDatabase.shared();
        server.execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        server.execute("postgres", "CREATE DATABASE " + name);
        if (ddl != null && !ddl.isBlank()) server.execute(name, ddl);
        Database db = Database.connect(ConnectionSettings.parse("postgres://postgres@localhost:" + server.port()
                + "/" + name));
        OPEN.put(name, db);
        return db;
    }

    /** Runs SQL in database {@code name} as the superuser. */
    public static void execute(String name, String sql) {
        DemoDatabase.shared().execute(name, sql);
    }

    /** The knowledge of a scratch database, loaded the way the server loads it. */
    public static SchemaKnowledge knowledge(Database db) {
        return SchemaKnowledge.load(db, List.of());
    }
}
