package dev.strata.drift;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;

/** A fresh database on the shared embedded server, so DDL never touches the demo database other tests read. */
final class ScratchDatabase {

    private ScratchDatabase() {
    }

    static Database create(String name, String ddl) {
        DemoDatabase server = DemoDatabase.shared();
        server.execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        server.execute("postgres", "CREATE DATABASE " + name);
        server.execute(name, ddl);
        return Database.connect(ConnectionSettings.parse("postgres://postgres@localhost:" + server.port() + "/" + name));
    }

    static void execute(String name, String sql) {
        DemoDatabase.shared().execute(name, sql);
    }
}
