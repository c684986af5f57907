package dev.strata.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionSettingsTest {

    @Test
    void parsesPostgresUrls() {
        ConnectionSettings s = ConnectionSettings.parse("postgres://app:s3cr%40t@db.example:6543/shop?sslmode=require");
        assertThat(s.host()).isEqualTo("db.example");
        assertThat(s.port()).isEqualTo(6543);
        assertThat(s.database()).isEqualTo("shop");
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.password()).isEqualTo("s3cr@t");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/shop");
        assertThat(s.driverProperties()).containsEntry("sslmode", "require");
    }

    @Test
    void parsesJdbcUrlsWithCredentialsInTheQuery() {
        ConnectionSettings s = ConnectionSettings.parse("jdbc:postgresql://localhost/acme?user=ro&password=pw");
        assertThat(s.port()).isEqualTo(5432);
        assertThat(s.user()).isEqualTo("ro");
        assertThat(s.password()).isEqualTo("pw");
        assertThat(s.jdbcUrl()).doesNotContain("pw");
        assertThat(s.driverProperties()).doesNotContainKeys("user", "password");
    }

    @Test
    void hostsWithUnderscoresAreHostsNotLocalhost() {
        ConnectionSettings s = ConnectionSettings.parse("postgres://app:pw@pg_primary:5432/shop");
        assertThat(s.host()).isEqualTo("pg_primary");
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://pg_primary:5432/shop");
    }

    @Test
    void multiHostUrlsKeepEveryHostAndTheTargetSession() {
        ConnectionSettings s = ConnectionSettings.parse(
                "postgresql://app:pw@host1:5432,host2:5433,[::1]/shop?target_session_attrs=read-write");
        assertThat(s.endpoints()).containsExactly(new ConnectionSettings.Endpoint("host1", 5432),
                new ConnectionSettings.Endpoint("host2", 5433), new ConnectionSettings.Endpoint("::1", 5432));
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://host1:5432,host2:5433,[::1]:5432/shop");
        assertThat(s.driverProperties()).containsEntry("targetServerType", "primary");
        assertThat(s.redacted()).isEqualTo("app@host1:5432,host2:5433,[::1]:5432/shop");
        // libpq: one port for all hosts, or one per host
        assertThat(ConnectionSettings.parse("postgres://a,b:6000/d").endpoints()).extracting(ConnectionSettings.Endpoint::port)
                .containsExactly(5432, 6000);
        assertThat(ConnectionSettings.parse("postgres:///d?host=a,b&port=7000").endpoints())
                .extracting(ConnectionSettings.Endpoint::port).containsExactly(7000, 7000);
        assertThat(ConnectionSettings.parse("postgres:///d?target_session_attrs=prefer-standby").driverProperties())
                .containsEntry("targetServerType", "preferSecondary");
    }

    @Test
    void passwordsMayHoldWhatLibpqAcceptsThere() {
        // libpq ends the password at the first '@'; '#', '?' and ':' inside it are literal, '+' stays a plus
        assertThat(ConnectionSettings.parse("postgres://app:p#w@h:5432/shop").password()).isEqualTo("p#w");
        assertThat(ConnectionSettings.parse("postgres://app:p#w@h:5432/shop").host()).isEqualTo("h");
        assertThat(ConnectionSettings.parse("postgres://app:a?b:c@h/shop").password()).isEqualTo("a?b:c");
        assertThat(ConnectionSettings.parse("postgres://app:a+b%2Fc@h/shop").password()).isEqualTo("a+b/c");
        assertThat(ConnectionSettings.parse("postgres://app:caf%C3%A9@h/shop").password()).isEqualTo("café");
        assertThat(ConnectionSettings.parse("postgres://h/my%20db").database()).isEqualTo("my db");
    }

    @Test
    void whatCannotBeReadExactlyIsRefusedNamingThePart() {
        assertRefused("postgres://app:pw@h:abc/shop", "the port is not a number");
        assertRefused("postgres://app:p@w@h:5432/shop", "more than one '@'", "%40");
        assertRefused("postgres://app:can/ary@h:5432/shop", "'@' after the first '/'", "%2F");
        assertRefused("postgres://app:pw@h1,,h2/shop", "host 2 of 3 is empty");
        assertRefused("postgres:///shop?host=h&port=1,2,3", "3 ports for 1 hosts");
        assertRefused("postgres://app:pw@h:70000/shop", "1 to 65535");
        assertRefused("postgres://app:p%zzw@h/shop", "password has a '%'");
        assertRefused("postgres://app:p w@h/shop", "password contains a space");
        assertRefused("postgres://app:pw@[::1/shop", "never closed");
        assertRefused("postgres://h/shop?sslmode=sometimes", "sslmode must be disable, allow, prefer, require");
        assertRefused("postgres://h/shop?sslmod=require", "'sslmod' is not a libpq or pgjdbc connection option; "
                + "did you mean sslmode?");
        assertRefused("postgres://h/shop?sslcrl=/x.crl", "sslcrl is not supported");
        assertRefused("postgres://h/shop?target_session_attrs=fastest", "target_session_attrs must be");
        assertRefused("mysql://u:pw@h/d", "must start with postgres://", "(got mysql://)");
        assertRefused("just-a-name", "not a connection string");
        assertRefused("postgres://h?user=me@corp/shop", "'@' after a '?'");
        assertRefused("postgres://a/b\nc", "control character");
    }

    private static void assertRefused(String url, String... parts) {
        assertThatThrownBy(() -> ConnectionSettings.parse(url)).as(url)
                .isInstanceOf(ConnectionSettingsException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(parts).doesNotContain("\n"));
    }

    @Test
    void hostaddrIsWhereToConnectAndHostWhatToMatch(@TempDir Path home) throws Exception {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "db.internal:5432:*:app:by-name\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        ConnectionSettings s = ConnectionSettings.resolve("postgres://app@/shop?host=db.internal&hostaddr=192.0.2.7",
                env("HOME", home.toString()));
        assertThat(s.endpoints()).containsExactly(new ConnectionSettings.Endpoint("192.0.2.7", 5432));
        assertThat(s.password()).isEqualTo("by-name");
    }

    @Test
    void applicationSettingsInASharedUrlAreIgnoredAloud() {
        ConnectionSettings s = ConnectionSettings.parse("postgres://app@db/shop?schema=public&connection_limit=5");
        assertThat(s.host()).isEqualTo("db");
        assertThat(s.driverProperties()).doesNotContainKeys("schema", "connection_limit");
        assertThat(s.notes()).containsExactly(
                "ignored URL parameter 'schema' (not a libpq or pgjdbc option; choose schemas with --schemas)",
                "ignored URL parameter 'connection_limit' (not a libpq or pgjdbc option)");
    }

    @Test
    void keywordValueStringsAsLibpqReadsThem() {
        ConnectionSettings s = ConnectionSettings.parse(
                "host=db.internal port=6432 dbname=shop user=ro password='it\\'s spaced' sslmode=verify-full");
        assertThat(s.endpoints()).containsExactly(new ConnectionSettings.Endpoint("db.internal", 6432));
        assertThat(s.database()).isEqualTo("shop");
        assertThat(s.password()).isEqualTo("it's spaced");
        assertThat(s.driverProperties()).containsEntry("sslmode", "verify-full");
        assertRefused("host=db password=two words dbname=x", "option number 3 has no '='");
        assertRefused("host=db password='open", "never closed");
        assertRefused("host=db colour=blue", "'colour' is not a libpq or pgjdbc connection option");
    }

    @Test
    void socketDirectoriesUseTheJdkUnixSocketFactory() {
        ConnectionSettings s = ConnectionSettings.resolve(null, Map.of("PGHOST", "/var/run/postgresql",
                "PGUSER", "me", "PGDATABASE", "shop", "HOME", "/nonexistent"));
        assertThat(s.endpoints().get(0).socket()).isTrue();
        assertThat(s.driverProperties()).containsEntry("socketFactory", UnixSocketFactory.class.getName())
                .containsEntry("socketFactoryArg", "/var/run/postgresql/.s.PGSQL.5432")
                .containsEntry("sslmode", "disable");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/shop");
        assertThat(s.redacted()).isEqualTo("me@/var/run/postgresql:5432/shop");
        assertThat(ConnectionSettings.parse("postgresql://%2Ftmp%2Fpg:6000/d").endpoints().get(0).socketFile())
                .isEqualTo("/tmp/pg/.s.PGSQL.6000");
        assertRefused("postgres:///d?host=/tmp,db", "cannot be combined");
    }

    @Test
    void libpqOptionsBecomeDriverProperties() {
        ConnectionSettings s = ConnectionSettings.parse("postgres://h/d?sslmode=verify-ca&sslrootcert=/ca.pem"
                + "&sslcert=/c.pem&sslkey=/k.pk8&connect_timeout=1&application_name=bi&channel_binding=require"
                + "&load_balance_hosts=random&keepalives=0&options=-c%20search_path%3Dshop");
        assertThat(s.driverProperties()).containsEntry("sslmode", "verify-ca").containsEntry("sslrootcert", "/ca.pem")
                .containsEntry("sslcert", "/c.pem").containsEntry("sslkey", "/k.pk8")
                .containsEntry("connectTimeout", "2").containsEntry("ApplicationName", "bi")
                .containsEntry("channelBinding", "require").containsEntry("loadBalanceHosts", "true")
                .containsEntry("tcpKeepAlive", "false").containsEntry("options", "-c search_path=shop");
        assertThat(ConnectionSettings.parse("postgres://h/d?sslrootcert=system").driverProperties())
                .containsEntry("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory")
                .containsEntry("sslmode", "verify-full");
        assertThat(ConnectionSettings.parse("postgres://h/d?ssl=true").driverProperties()).containsEntry("sslmode", "require");
        // pgjdbc's own names pass through in jdbc: URLs, with pgjdbc's meaning
        assertThat(ConnectionSettings.parse("jdbc:postgresql://h/d?ssl=true&currentSchema=shop").driverProperties())
                .containsEntry("ssl", "true").containsEntry("currentSchema", "shop");
        assertThat(ConnectionSettings.parse("postgres://h/d?client_encoding=UTF8").notes())
                .containsExactly("ignored client_encoding (the Java driver has no such setting)");
    }

    @Test
    void environmentFillsWhatTheUrlLeavesOut() {
        assertThat(ConnectionSettings.resolve(null, env("DATABASE_URL", "postgres://u@h/d")).database()).isEqualTo("d");
        ConnectionSettings libpq = ConnectionSettings.resolve(null,
                env("PGHOST", "pg", "PGPORT", "5433", "PGUSER", "me", "PGPASSWORD", "pw", "PGDATABASE", "db",
                        "PGSSLMODE", "require", "PGAPPNAME", "bi"));
        assertThat(libpq.jdbcUrl()).isEqualTo("jdbc:postgresql://pg:5433/db");
        assertThat(libpq.password()).isEqualTo("pw");
        assertThat(libpq.driverProperties()).containsEntry("sslmode", "require").containsEntry("ApplicationName", "bi");
        assertThat(ConnectionSettings.resolve(null, env())).isNull();
        // PGPASSWORD when the URL has none; the URL's own password wins
        assertThat(ConnectionSettings.resolve("postgres://u@h/d", env("PGPASSWORD", "fromenv")).password())
                .isEqualTo("fromenv");
        assertThat(ConnectionSettings.resolve("postgres://u:fromurl@h/d", env("PGPASSWORD", "fromenv")).password())
                .isEqualTo("fromurl");
        assertThatThrownBy(() -> ConnectionSettings.resolve(null, env("PGHOST", "h", "PGPORT", "fivefour")))
                .hasMessage("PG* variables: the port is not a number (expected host:5432; a password goes before the "
                        + "host as user:password@host, with '/', '@' and ':' percent-encoded)");
    }

    @Test
    void passwordFileAsLibpqReadsIt(@TempDir Path home) throws Exception {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, """
                # comment
                other:5432:*:app:wrong-host
                db.internal:5432:shop:app:first\\:match
                db.internal:*:*:app:later-line
                *:*:*:*:fallback
                localhost:5432:*:sock:via-socket
                """);
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        assertThat(ConnectionSettings.resolve("postgres://app@db.internal/shop", env("HOME", home.toString())).password())
                .isEqualTo("first:match");
        assertThat(ConnectionSettings.resolve("postgres://app@db.internal:6000/other", env("HOME", home.toString()))
                .password()).isEqualTo("later-line");
        assertThat(ConnectionSettings.resolve("postgres://x@y/z", env("HOME", home.toString())).password())
                .isEqualTo("fallback");
        // a socket connection matches "localhost", as in libpq
        Files.writeString(pgpass, "localhost:5432:*:sock:via-socket\n");
        assertThat(ConnectionSettings.resolve("postgres://sock@%2Fvar%2Frun%2Fpostgresql/d", env("HOME", home.toString()))
                .password()).isEqualTo("via-socket");
        // PGPASSFILE names another file; PGPASSWORD comes before any file
        Path other = home.resolve("pass");
        Files.writeString(other, "*:*:*:*:from-passfile\n");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));
        assertThat(ConnectionSettings.resolve("postgres://a@b/c", env("PGPASSFILE", other.toString())).password())
                .isEqualTo("from-passfile");
        assertThat(ConnectionSettings.resolve("postgres://a@b/c", env("PGPASSFILE", other.toString(),
                "PGPASSWORD", "env-first")).password()).isEqualTo("env-first");
        // readable by others: ignored with libpq's warning, and never printed
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-r--r--"));
        ConnectionSettings open = ConnectionSettings.resolve("postgres://a@b/c", env("PGPASSFILE", other.toString()));
        assertThat(open.password()).isNull();
        assertThat(open.notes()).singleElement().asString().contains("has group or world access")
                .contains("0600").doesNotContain("from-passfile");
    }

    @Test
    void serviceFileAsLibpqReadsIt(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve(".pg_service.conf"), """
                [reporting]
                # the read replica
                host=replica.internal
                port=6543
                dbname=shop
                user=ro
                sslmode=verify-full

                [other]
                host=elsewhere
                """);
        ConnectionSettings s = ConnectionSettings.resolve(null, env("PGSERVICE", "reporting", "HOME", home.toString()));
        assertThat(s.redacted()).isEqualTo("ro@replica.internal:6543/shop");
        assertThat(s.driverProperties()).containsEntry("sslmode", "verify-full");
        // the URL's own settings come first, the service fills the rest
        ConnectionSettings url = ConnectionSettings.resolve("postgres://admin@/?service=reporting",
                env("HOME", home.toString()));
        assertThat(url.redacted()).isEqualTo("admin@replica.internal:6543/shop");
        assertThatThrownBy(() -> ConnectionSettings.resolve(null, env("PGSERVICE", "nope", "HOME", home.toString())))
                .hasMessageContaining("service \"nope\" is not defined in " + home.resolve(".pg_service.conf"));
    }

    @Test
    void neverPrintsThePassword() {
        ConnectionSettings s = ConnectionSettings.parse("postgresql://app:hunter2@h:1/d");
        assertThat(s.toString()).doesNotContain("hunter2").isEqualTo("app@h:1/d");
        assertThat(s.redacted()).doesNotContain("hunter2");
        assertThat(ConnectionSettings.redactUrl("failed postgres://app:hunter2@h/d and password=hunter2&x=1"))
                .doesNotContain("hunter2");
        assertThat(ConnectionSettings.redactUrl("bad postgres://app:hun/ter@2@h/d or password='a b'"))
                .doesNotContain("hun").doesNotContain("ter").doesNotContain("a b");
    }

    @Test
    void unreachableServerFailsFastWithoutThePassword() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Database.connect(ConnectionSettings.parse("postgres://u:topsecret@127.0.0.1:1/d")))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot connect to u@127.0.0.1:1/d")
                .hasMessageNotContaining("topsecret");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    }

    @Test
    void aMissingSocketIsOneClearLine(@TempDir Path dir) {
        assertThatThrownBy(() -> Database.connect(ConnectionSettings.resolve(null,
                env("PGHOST", dir.toString(), "PGUSER", "u", "HOME", dir.toString()))))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot connect to u@" + dir)
                .hasMessageContaining(dir.resolve(".s.PGSQL.5432").toString())
                .hasMessageNotContaining("No suitable driver");
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        m.putIfAbsent("HOME", "/nonexistent-home");
        return m;
    }

}
