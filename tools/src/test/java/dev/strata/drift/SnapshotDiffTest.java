package dev.strata.drift;

import dev.strata.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change kind, produced by real DDL on a scratch database and classified as the contract says: snapshot,
 * migrate, snapshot again, diff.
 */
class SnapshotDiffTest {

    static final String DB = "strata_drift_diff";

    static final String BEFORE = """
            CREATE SCHEMA legacy;
            CREATE SCHEMA app;
            COMMENT ON SCHEMA app IS 'application';
            CREATE TABLE app.users (user_id bigint PRIMARY KEY, email varchar(40) NOT NULL, nickname text, age int,
              status text, price numeric(10,2), note varchar(20), score int NOT NULL DEFAULT 0, level int DEFAULT 1,
              born date, CONSTRAINT users_email_key UNIQUE (email));
            COMMENT ON TABLE app.users IS 'people';
            CREATE TABLE app.orders (order_id bigint PRIMARY KEY, user_id bigint REFERENCES app.users,
              total int CONSTRAINT orders_total_check CHECK (total > 0));
            CREATE INDEX orders_total_idx ON app.orders (total);
            CREATE TABLE app.audit (audit_id bigint, body text);
            CREATE TABLE app.doomed (doomed_id bigint);
            CREATE TABLE app.keyed (k int PRIMARY KEY, other int);
            CREATE TABLE app.loose (loose_id bigint NOT NULL);
            CREATE VIEW app.user_names AS SELECT user_id, email FROM app.users;
            CREATE VIEW app.totals AS SELECT order_id, total FROM app.orders;
            CREATE VIEW app.morph AS SELECT 1 AS one;
            CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
            CREATE TRIGGER users_touch BEFORE UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION app.touch();
            """;

    static final String MIGRATION = """
            CREATE SCHEMA reporting;
            DROP SCHEMA legacy;
            COMMENT ON SCHEMA app IS 'the application';
            CREATE TABLE app.fresh (fresh_id bigint);
            DROP TABLE app.doomed;
            ALTER TABLE app.audit RENAME TO audit_log;
            DROP VIEW app.user_names;
            ALTER TABLE app.users ADD COLUMN phone text;
            ALTER TABLE app.users ADD COLUMN tenant int NOT NULL;
            ALTER TABLE app.users ADD COLUMN region text NOT NULL DEFAULT 'eu';
            ALTER TABLE app.users DROP COLUMN born;
            ALTER TABLE app.users RENAME COLUMN nickname TO handle;
            ALTER TABLE app.users ALTER COLUMN age TYPE bigint;
            ALTER TABLE app.users ALTER COLUMN email TYPE varchar(80);
            ALTER TABLE app.users ALTER COLUMN note TYPE text;
            ALTER TABLE app.users ALTER COLUMN price TYPE numeric(12,2);
            ALTER TABLE app.users ALTER COLUMN status SET NOT NULL;
            ALTER TABLE app.users ALTER COLUMN email DROP NOT NULL;
            ALTER TABLE app.users ALTER COLUMN score DROP DEFAULT;
            ALTER TABLE app.users ALTER COLUMN level SET DEFAULT 2;
            COMMENT ON COLUMN app.users.email IS 'login';
            COMMENT ON TABLE app.users IS 'customers';
            ALTER TABLE app.users DROP CONSTRAINT users_email_key;
            CREATE VIEW app.user_names AS SELECT user_id, email, status FROM app.users;
            ALTER TABLE app.keyed DROP CONSTRAINT keyed_pkey;
            ALTER TABLE app.keyed ALTER COLUMN other SET NOT NULL;
            ALTER TABLE app.keyed ADD PRIMARY KEY (other);
            ALTER TABLE app.keyed ADD CONSTRAINT keyed_user_fk FOREIGN KEY (k) REFERENCES app.users (user_id);
            ALTER TABLE app.loose ADD PRIMARY KEY (loose_id);
            ALTER TABLE app.orders ADD CONSTRAINT orders_pair_key UNIQUE (order_id, user_id);
            ALTER TABLE app.orders DROP CONSTRAINT orders_user_id_fkey;
            ALTER TABLE app.orders DROP CONSTRAINT orders_total_check;
            ALTER TABLE app.orders ADD CONSTRAINT orders_total_small CHECK (total < 1000000);
            DROP INDEX app.orders_total_idx;
            CREATE INDEX users_status_idx ON app.users (status);
            DROP TRIGGER users_touch ON app.users;
            CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch();
            CREATE OR REPLACE VIEW app.totals AS SELECT order_id, total FROM app.orders WHERE total > 0;
            DROP VIEW app.morph;
            CREATE MATERIALIZED VIEW app.morph AS SELECT 1 AS one;
            """;

    static Database db;
    static List<Change> changes;

    @BeforeAll
    static void migrate() {
        db = ScratchDatabase.create(DB, BEFORE);
        Snapshot before = Snapshots.take(db, List.of());
        ScratchDatabase.execute(DB, MIGRATION);
        Snapshot after = Snapshots.take(db, List.of());
        changes = SnapshotDiff.between(before, after);
    }

    @AfterAll
    static void close() {
        if (db != null) db.close();
    }

    record Expected(String kind, String object, boolean breaking) {
    }

    static Expected breaking(String kind, String object) {
        return new Expected(kind, object, true);
    }

    static Expected additive(String kind, String object) {
        return new Expected(kind, object, false);
    }

    static final List<Expected> EXPECTED = List.of(
            additive("schema_added", "reporting"),
            breaking("schema_dropped", "legacy"),
            additive("comment_changed", "app"),
            additive("table_added", "app.fresh"),
            breaking("table_dropped", "app.doomed"),
            breaking("table_renamed", "app.audit"),
            additive("column_added", "app.users.phone"),
            breaking("column_added", "app.users.tenant"),
            additive("column_added", "app.users.region"),
            breaking("column_dropped", "app.users.born"),
            breaking("column_renamed", "app.users.nickname"),
            breaking("column_type_changed", "app.users.age"),
            additive("column_type_changed", "app.users.email"),
            additive("column_type_changed", "app.users.note"),
            additive("column_type_changed", "app.users.price"),
            breaking("column_nullability", "app.users.status"),
            additive("column_nullability", "app.users.email"),
            breaking("column_default_changed", "app.users.score"),
            additive("column_default_changed", "app.users.level"),
            additive("comment_changed", "app.users.email"),
            additive("comment_changed", "app.users"),
            breaking("unique_key_dropped", "app.users.users_email_key"),
            breaking("view_columns_changed", "app.user_names"),
            breaking("primary_key_changed", "app.keyed.keyed_pkey"),
            additive("primary_key_changed", "app.loose.loose_pkey"),
            additive("foreign_key_added", "app.keyed.keyed_user_fk"),
            additive("unique_key_added", "app.orders.orders_pair_key"),
            breaking("foreign_key_dropped", "app.orders.orders_user_id_fkey"),
            additive("check_dropped", "app.orders.orders_total_check"),
            additive("check_added", "app.orders.orders_total_small"),
            additive("index_dropped", "app.orders.orders_total_idx"),
            additive("index_added", "app.users.users_status_idx"),
            additive("trigger_dropped", "app.users.users_touch"),
            additive("trigger_added", "app.orders.orders_touch"),
            additive("view_definition_changed", "app.totals"),
            breaking("kind_changed", "app.morph"));

    @Test
    void everyChangeIsFoundAndClassified() {
        String listing = changes.stream().map(Change::toString).collect(Collectors.joining("\n"));
        List<Expected> found = changes.stream().map(c -> new Expected(c.kind(), c.object(), c.breaking())).toList();
        assertThat(found).as("%s", listing).containsAll(EXPECTED);
    }

    @Test
    void nothingElseIsReported() {
        String listing = changes.stream().map(Change::toString).collect(Collectors.joining("\n"));
        List<Expected> found = changes.stream().map(c -> new Expected(c.kind(), c.object(), c.breaking())).toList();
        // Adding the primary key on app.keyed(other) is the one change PostgreSQL makes beside ours.
        assertThat(found).as("%s", listing).containsExactlyInAnyOrderElementsOf(
                concat(EXPECTED, breaking("column_nullability", "app.keyed.other")));
    }

    @Test
    void theTestCoversEveryKind() {
        Set<String> covered = EXPECTED.stream().map(Expected::kind).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ChangeKind.values()).map(ChangeKind::id).toList());
    }

    @Test
    void renamesAndTypeChangesSayWhatBecameWhat() {
        assertThat(changes).anySatisfy(c -> assertThat(c).isEqualTo(
                new Change("column_renamed", "app.users.nickname", "nickname", "handle", true)));
        assertThat(changes).anySatisfy(c -> assertThat(c).isEqualTo(
                new Change("table_renamed", "app.audit", "app.audit", "app.audit_log", true)));
        assertThat(changes).anySatisfy(c -> assertThat(c).isEqualTo(new Change("column_type_changed",
                "app.users.email", "character varying(40)", "character varying(80)", false)));
    }

    @Test
    void breakingChangesComeFirstAndTheOrderIsStable() {
        int firstAdditive = 0;
        while (firstAdditive < changes.size() && changes.get(firstAdditive).breaking()) firstAdditive++;
        assertThat(changes.subList(firstAdditive, changes.size())).noneMatch(Change::breaking);
        assertThat(SnapshotDiff.between(Snapshots.take(db, List.of()), Snapshots.take(db, List.of()))).isEmpty();
    }

    @SafeVarargs
    static <T> List<T> concat(List<T> list, T... more) {
        List<T> all = new java.util.ArrayList<>(list);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
