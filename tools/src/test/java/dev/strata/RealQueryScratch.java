package dev.strata;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One real-world schema ({@link RealQueries}) loaded into a scratch database for the length of one use, then
 * dropped: for tests that walk every schema, so that eight pools do not stay open on the shared embedded server
 * (its connection limit is shared by the whole test JVM).
 */
public final class RealQueryScratch {

    private RealQueryScratch() {
    }

    public static void with(RealQueries.Schema schema, Consumer<Database> use) {
        DemoDatabase server = DemoDatabase.shared();
        String db = "scratch_" + schema.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        server.execute("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        server.execute("postgres", "CREATE DATABASE " + db);
        String url = "jdbc:postgresql://localhost:" + server.port() + "/" + db + "?user=postgres";
        try {
            // One session per script, as psql -f runs them: a pg_dump script empties search_path for itself.
            for (String script : schema.setup()) {
                try (Connection c = DriverManager.getConnection(url)) {
                    RealQueries.load(c, script);
                }
            }
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not load " + schema.id() + ": " + e.getMessage(), e);
        }
        try (Database database = Database.connect(ConnectionSettings.parse("postgres://postgres@localhost:"
                + server.port() + "/" + db))) {
            use.accept(database);
        } finally {
            server.execute("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }
}
