package dev.strata.db;

import dev.strata.schema.LiveSchema;
import dev.strata.schema.SchemaKnowledge;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A dropped connection or a restarted server is survived: callers get a clear error meanwhile, then service
 * resumes without a restart of Strata.
 */
class DatabaseRecoveryTest {

    static int one(Database db) {
        return db.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
    }

    /** Retries like a client would after a "try again shortly" answer. */
    static int eventually(Database db) throws InterruptedException {
        RuntimeException last = null;
        for (int i = 0; i < 20; i++) {
            try {
                return one(db);
            } catch (DatabaseUnavailableException e) {
                last = e;
                Thread.sleep(250);
            }
        }
        throw last;
    }

    @Test
    void terminatedBackendsAreReplaced() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             Database db = Database.connect(ConnectionSettings.parse(
                     "postgres://postgres:pw@localhost:" + pg.getPort() + "/postgres"))) {
            assertThat(one(db)).isEqualTo(1);
            try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'strata'");
            }
            try {
                one(db);
            } catch (DatabaseUnavailableException e) {
                assertThat(e.getMessage()).contains("reconnects by itself").doesNotContain("pw@");
            }
            assertThat(eventually(db)).isEqualTo(1);
        }
    }

    @Test
    void aServerThatGoesAwayAndComesBackIsPickedUpAgain() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        int port = pg.getPort();
        try (Database db = Database.connect(ConnectionSettings.parse(
                "postgres://postgres@localhost:" + port + "/postgres"))) {
            LiveSchema live = new LiveSchema(() -> SchemaKnowledge.load(db, List.of()));
            live.startLoading();
            assertThat(live.get().catalog()).isNotNull();
            pg.close();

            assertThatThrownBy(() -> one(db)).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("postgres@localhost:" + port + "/postgres");
            live.reload();
            assertThat(live.get().catalog()).as("the last good knowledge keeps serving").isNotNull();

            try (EmbeddedPostgres again = EmbeddedPostgres.builder().setPort(port).start()) {
                assertThat(eventually(db)).isEqualTo(1);
                assertThat(live.reload().get().catalog().server().currentUser()).isEqualTo("postgres");
            }
        }
    }
}
