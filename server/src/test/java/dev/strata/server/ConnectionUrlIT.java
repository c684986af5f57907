package dev.strata.server;

import dev.strata.demo.DemoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection strings as a user types them, through the packaged jar: a malformed one ends in one line and exit 2
 * without a piece of the password and without connecting anywhere else; libpq's socket directories, service and
 * password files work as they do for psql.
 */
class ConnectionUrlIT {

    static final String[] PIECES = {"Zq8W", "Kp3X", "Mv7R", "Lt2N"};

    record Run(int exit, String out) {
    }

    static Run run(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(StrataProcess.command(args)).redirectErrorStream(true);
        for (String name : List.of("DATABASE_URL", "PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE",
                "PGSERVICE", "PGPASSFILE", "PGSERVICEFILE", "PGSSLMODE")) {
            pb.environment().remove(name);
        }
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void malformedUrlsEndInOneLineWithoutThePassword() throws Exception {
        List<String> urls = List.of(
                "postgres://app:{/}@pg_primary:5432/shop",
                "postgres://app:{@}@127.0.0.1:5432/shop",
                "postgres://app:{/}@127.0.0.1:54x2/shop",
                "postgresql://app:{%}@127.0.0.1:1/shop",
                "jdbc:postgresql://127.0.0.1:1/shop?user=app&password={&}",
                "host=127.0.0.1 user=app password={ } dbname=shop",
                "mysql://app:{:}@127.0.0.1/shop",
                "app:{/}@127.0.0.1/shop");
        for (String template : urls) {
            String delimiter = template.substring(template.indexOf('{') + 1, template.indexOf('}'));
            String url = template.replace("{" + delimiter + "}", String.join(delimiter, PIECES));
            for (String[] args : List.of(new String[]{"validate", "SELECT 1", "--url", url},
                    new String[]{"--url", url})) {
                Run r = run(Map.of("HOME", "/nonexistent"), args);
                assertThat(r.exit()).as("%s: %s", template, r.out()).isEqualTo(2);
                assertThat(r.out().lines().toList()).as(template).hasSize(1);
                assertThat(r.out()).as(template).startsWith("strata: ").doesNotContain("localhost:5432")
                        .doesNotContain("No suitable driver").doesNotContain("Exception");
                for (String piece : PIECES) assertThat(r.out()).as(template).doesNotContain(piece);
            }
        }
    }

    @Test
    void aSocketDirectoryInPghostServes(@TempDir Path home) throws Exception {
        DemoDatabase demo = DemoDatabase.shared();
        String dirs;
        try (java.sql.Connection c = demo.connection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SHOW unix_socket_directories")) {
            rs.next();
            dirs = rs.getString(1);
        }
        String dir = Arrays.stream(dirs.split(",")).map(String::strip).filter(d -> d.startsWith("/"))
                .filter(d -> Files.exists(Path.of(d, ".s.PGSQL." + demo.port()))).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null, "the embedded server has no Unix socket here");
        Run r = run(Map.of("PGHOST", dir, "PGPORT", String.valueOf(demo.port()), "PGUSER", "postgres",
                "PGDATABASE", DemoDatabase.DATABASE, "HOME", home.toString()),
                "validate", "SELECT o.id FROM orders o JOIN accounts a ON a.id = o.user_id");
        assertThat(r.out()).contains("[fk-target-mismatch]").doesNotContain("No suitable driver");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void serviceAndPasswordFilesAsPsqlReadsThem(@TempDir Path home) throws Exception {
        DemoDatabase demo = DemoDatabase.shared();
        Files.writeString(home.resolve(".pg_service.conf"), "[acme]\nhost=localhost\nport=" + demo.port()
                + "\ndbname=" + DemoDatabase.DATABASE + "\nuser=postgres\n");
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "localhost:*:*:postgres:" + String.join("-", PIECES) + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        Run open = run(Map.of("PGSERVICE", "acme", "HOME", home.toString()), "validate", "SELECT count(*) FROM regions");
        assertThat(open.exit()).as(open.out()).isZero();
        assertThat(open.out()).contains("strata: warning: password file " + pgpass + " has group or world access");
        for (String piece : PIECES) assertThat(open.out()).doesNotContain(piece);

        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Run closed = run(Map.of("PGSERVICE", "acme", "HOME", home.toString()), "validate", "SELECT count(*) FROM regions");
        assertThat(closed.exit()).as(closed.out()).isZero();
        assertThat(closed.out()).doesNotContain("warning");

        Run missing = run(Map.of("PGSERVICE", "nope", "HOME", home.toString()), "validate", "SELECT 1");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out()).startsWith("strata: service \"nope\" is not defined in");
    }
}
