package dev.strata.profile;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.schema.ToolException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A table the role may not read is a permission error naming the privilege, not an empty profile (pg_stats hides
 * such tables and the sample is refused, which otherwise reads as "no data"). Its own database and role on the
 * shared embedded server.
 */
class ProfilePermissionTest {

    @Test
    void anUnreadableTableIsAPermissionError() {
        DemoDatabase demo = DemoDatabase.shared();
        demo.execute("postgres", "DROP DATABASE IF EXISTS strata_perm WITH (FORCE)");
        demo.execute("postgres", "CREATE DATABASE strata_perm");
        demo.execute("postgres", "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'strata_noread') "
                + "THEN CREATE ROLE strata_noread LOGIN; END IF; END $$");
        demo.execute("strata_perm", """
                CREATE TABLE secrets (id int PRIMARY KEY, token text);
                INSERT INTO secrets SELECT g, 't' || g FROM generate_series(1, 300) g;
                CREATE TABLE open_notes (id int PRIMARY KEY, body text, hidden text);
                INSERT INTO open_notes SELECT g, 'n' || (g % 5), 'h' FROM generate_series(1, 300) g;
                ANALYZE;
                GRANT SELECT (id, body) ON open_notes TO strata_noread;
                """);
        try (Database db = Database.connect(ConnectionSettings.parse(
                "postgres://strata_noread@localhost:" + demo.port() + "/strata_perm"))) {
            SchemaKnowledge knowledge = SchemaKnowledge.load(db, List.of());
            ProfileService profiles = new ProfileService(() -> knowledge, db, ProfileOptions.defaults());
            assertThatThrownBy(() -> profiles.profileTable("secrets", null, false, Profiler.Progress.NONE))
                    .isInstanceOf(ToolException.class)
                    .hasMessage("permission denied: role strata_noread may not read public.secrets (it lacks the "
                            + "SELECT privilege on the table); to profile it, GRANT SELECT ON public.secrets TO "
                            + "strata_noread");
            assertThatThrownBy(() -> profiles.profileColumn("open_notes", "hidden", null, false))
                    .hasMessageStartingWith("permission denied: role strata_noread may not read column hidden of "
                            + "public.open_notes");
            // what the role may read is profiled as usual
            ColumnProfile body = profiles.profileColumn("open_notes", "body", null, false);
            assertThat(body.topValues()).isNotEmpty();
        } finally {
            demo.execute("postgres", "DROP DATABASE IF EXISTS strata_perm WITH (FORCE)");
        }
    }
}
