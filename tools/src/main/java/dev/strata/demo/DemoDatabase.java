package dev.strata.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL started from Maven jars (no install), loaded with the Acme Commerce demo database: a
 * ten-year-old schema with every pathology Strata detects. The {@code demo} command serves it; every test uses
 * it as the fixture, so what users see first is what the tests prove.
 */
public final class DemoDatabase implements AutoCloseable {

    public static final String SCRIPT = "/dev/strata/demo/demo.sql";
    public static final String DATABASE = "acme";

    private static DemoDatabase shared;

    private final EmbeddedPostgres postgres;

    private DemoDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on a free port and loads the demo schema and data (a few seconds). */
    public static DemoDatabase start() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    // One test JVM holds a pool per scratch schema (real-query corpora, relationship corpora) on
                    // this server beside the demo's: 60 ran out once those suites met in one build.
                    .setServerConfig("max_connections", "200")
                    // The script analyses what it loads; a later autovacuum would set the visibility map halfway
                    // through a run and turn the planner to index-only scans, so EXPLAIN's answers (and the tests
                    // that check them) would depend on how long the run has lasted.
                    .setServerConfig("autovacuum", "off")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            DemoDatabase demo = new DemoDatabase(pg);
            demo.execute("postgres", "CREATE DATABASE " + DATABASE);
            demo.execute(DATABASE, script());
            return demo;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** One demo database per JVM, for tests: started on first use, stopped at exit. */
    public static synchronized DemoDatabase shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static String script() {
        try (InputStream in = DemoDatabase.class.getResourceAsStream(SCRIPT)) {
            if (in == null) throw new IllegalStateException("demo script missing from the jar: " + SCRIPT);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs SQL (possibly many statements) as the superuser in the given database. */
    public void execute(String database, String sql) {
        try (Connection c = postgres.getDatabase("postgres", database).getConnection();
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("demo SQL failed: " + e.getMessage(), e);
        }
    }

    public Connection connection() throws SQLException {
        return postgres.getDatabase("postgres", DATABASE).getConnection();
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code postgres://postgres@localhost:PORT/acme}: the embedded server trusts local connections. */
    public String url() {
        return "postgres://postgres@localhost:" + port() + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE + "?user=postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // Shutting down anyway; the data directory is temporary.
        }
    }
}
