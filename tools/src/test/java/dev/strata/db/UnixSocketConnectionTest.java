package dev.strata.db;

import dev.strata.demo.DemoDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code PGHOST=/socket/dir}, as psql users have it, reaches the real embedded PostgreSQL over its Unix-domain
 * socket through the JDK's channels: queries run, and a read that outlasts the socket timeout ends as pgjdbc
 * expects instead of hanging.
 */
class UnixSocketConnectionTest {

    @Test
    void aSocketDirectoryServesQueries() throws Exception {
        DemoDatabase demo = DemoDatabase.shared();
        String dirs;
        try (java.sql.Connection c = demo.connection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SHOW unix_socket_directories")) {
            rs.next();
            dirs = rs.getString(1);
        }
        Path dir = Arrays.stream(dirs.split(",")).map(String::strip).filter(d -> d.startsWith("/")).map(Path::of)
                .filter(d -> Files.exists(d.resolve(".s.PGSQL." + demo.port()))).findFirst().orElse(null);
        assumeTrue(dir != null, "the embedded server has no Unix socket here");

        ConnectionSettings settings = ConnectionSettings.resolve(null, Map.of("PGHOST", dir.toString(),
                "PGPORT", String.valueOf(demo.port()), "PGUSER", "postgres", "PGDATABASE", DemoDatabase.DATABASE,
                "HOME", "/nonexistent"));
        try (Database db = Database.connect(settings)) {
            String where = db.withHandle(h -> h.createQuery(
                    "SELECT current_database() || ' ' || coalesce(inet_server_addr()::text, 'socket')")
                    .mapTo(String.class).one());
            assertThat(where).isEqualTo(DemoDatabase.DATABASE + " socket");
            // a large answer crosses many reads and writes of the channel
            Integer rows = db.withHandle(h -> h.createQuery("SELECT count(*) FROM (SELECT repeat('x', 1000) "
                    + "FROM generate_series(1, 20000)) t").mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(20_000);
        }
        ConnectionSettings slow = ConnectionSettings.parse("postgres://postgres@" + dir.toString().replace("/", "%2F")
                + ":" + demo.port() + "/" + DemoDatabase.DATABASE + "?socketTimeout=1");
        try (Database db = Database.connect(slow)) {
            assertThatThrownBy(() -> db.withHandle(h -> h.createQuery("SELECT pg_sleep(3)").mapTo(String.class).one()))
                    .hasStackTraceContaining("Read timed out");
        }
    }
}
