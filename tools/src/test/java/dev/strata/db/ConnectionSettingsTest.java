package dev.strata.db;

import org.junit.jupiter.api.Test;

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
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/shop?sslmode=require");
    }

    @Test
    void parsesJdbcUrlsWithCredentialsInTheQuery() {
        ConnectionSettings s = ConnectionSettings.parse("jdbc:postgresql://localhost/acme?user=ro&password=pw");
        assertThat(s.port()).isEqualTo(5432);
        assertThat(s.user()).isEqualTo("ro");
        assertThat(s.password()).isEqualTo("pw");
        assertThat(s.jdbcUrl()).doesNotContain("pw");
    }

    @Test
    void neverPrintsThePassword() {
        ConnectionSettings s = ConnectionSettings.parse("postgresql://app:hunter2@h:1/d");
        assertThat(s.toString()).doesNotContain("hunter2").isEqualTo("app@h:1/d");
        assertThat(s.redacted()).doesNotContain("hunter2");
        assertThat(ConnectionSettings.redactUrl("failed postgres://app:hunter2@h/d and password=hunter2&x=1"))
                .doesNotContain("hunter2");
    }

    @Test
    void fallsBackToEnvironment() {
        assertThat(ConnectionSettings.resolve(null, Map.of("DATABASE_URL", "postgres://u@h/d")).database())
                .isEqualTo("d");
        ConnectionSettings libpq = ConnectionSettings.resolve(null,
                Map.of("PGHOST", "pg", "PGPORT", "5433", "PGUSER", "me", "PGPASSWORD", "pw", "PGDATABASE", "db"));
        assertThat(libpq.jdbcUrl()).isEqualTo("jdbc:postgresql://pg:5433/db");
        assertThat(libpq.password()).isEqualTo("pw");
        assertThat(ConnectionSettings.resolve(null, Map.of())).isNull();
    }

    @Test
    void rejectsOtherSchemes() {
        assertThatThrownBy(() -> ConnectionSettings.parse("mysql://u:topsecret@h/d"))
                .hasMessageContaining("postgres://").hasMessageNotContaining("topsecret");
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
}
