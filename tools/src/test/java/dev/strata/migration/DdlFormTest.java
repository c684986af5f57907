package dev.strata.migration;

import dev.strata.catalog.CatalogLoader;
import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.guardrail.Finding;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.migration.locks.DdlForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test per row of {@link DdlForm}: each form's example is reviewed against a fixture database and run on the
 * embedded PostgreSQL, and what the review claims — the lock on each object, the rewrite — is compared with
 * {@code pg_locks} and {@code pg_class.relfilenode} ({@link Replay}). Forms that cannot run in a transaction block
 * are run against a session that holds a conflicting lock, and the mode they wait for is read from
 * {@code pg_locks}. A second set of examples covers the rewrite decisions (type changes, defaults, TimeZone).
 */
class DdlFormTest {

    private static final String FIXTURE = """
            DROP SCHEMA IF EXISTS lk CASCADE;
            CREATE SCHEMA lk;
            CREATE TABLE lk.r (r_id int PRIMARY KEY, code text UNIQUE);
            INSERT INTO lk.r SELECT g, 'c' || g FROM generate_series(1, 100) g;
            CREATE TABLE lk.t (id int PRIMARY KEY, r_id int, name varchar(20), bio text, ts timestamp,
                               n numeric(10,2), c char(3), tags text[], addr cidr, st varchar(10));
            INSERT INTO lk.t SELECT g, g, 'n' || g, 'b', now(), 1, 'abc', '{a}', '10.0.0.0/8', 'x'
              FROM generate_series(1, 100) g;
            CREATE INDEX t_name ON lk.t (name);
            CREATE UNIQUE INDEX t_id_u ON lk.t (id);
            CREATE TABLE lk.p (id int, k int) PARTITION BY RANGE (k);
            CREATE TABLE lk.p1 PARTITION OF lk.p FOR VALUES FROM (0) TO (10);
            CREATE TABLE lk.p2 (id int, k int);
            CREATE TABLE lk.u1 (id int, v text);
            INSERT INTO lk.u1 SELECT g, 'v' FROM generate_series(1, 100) g;
            CREATE RULE rl_u AS ON DELETE TO lk.u1 DO INSTEAD NOTHING;
            CREATE TYPE lk.mood AS ENUM ('a', 'b');
            CREATE DOMAIN lk.posint AS int CHECK (VALUE > 0);
            CREATE DOMAIN lk.plainint AS int;
            CREATE SEQUENCE lk.s;
            CREATE VIEW lk.v AS SELECT id, name FROM lk.t;
            CREATE MATERIALIZED VIEW lk.mv AS SELECT id FROM lk.t;
            CREATE UNIQUE INDEX mv_id ON lk.mv (id);
            CREATE FUNCTION lk.f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER trg BEFORE INSERT ON lk.t FOR EACH ROW EXECUTE FUNCTION lk.f();
            CREATE POLICY pol ON lk.t USING (true);
            ALTER TABLE lk.t ADD CONSTRAINT t_r_fk FOREIGN KEY (r_id) REFERENCES lk.r (r_id);
            ALTER TABLE lk.t ADD CONSTRAINT t_chk CHECK (id > 0) NOT VALID;
            CREATE TABLE lk.fkd (id int, r_id int REFERENCES lk.r (r_id));
            CREATE STATISTICS lk.st1 ON id, r_id FROM lk.t;
            ANALYZE lk.r, lk.t, lk.u1;
            """;

    /** One example per row, run in a transaction that is rolled back. */
    private static final Map<DdlForm, String> IN_TRANSACTION = new LinkedHashMap<>();
    /** Rows that cannot run in a transaction block: example, and the table whose lock they wait for. */
    private static final Map<DdlForm, String[]> OUTSIDE = new LinkedHashMap<>();
    /** Rows Strata falls back to for forms it does not know: they must claim ACCESS EXCLUSIVE (fail closed). */
    private static final Map<DdlForm, String> FALLBACK = new LinkedHashMap<>();

    static {
        IN_TRANSACTION.put(DdlForm.CREATE_TABLE, "CREATE TABLE lk.nt (id int)");
        IN_TRANSACTION.put(DdlForm.CREATE_TABLE_REFERENCES, "CREATE TABLE lk.nt (id int REFERENCES lk.r (r_id))");
        IN_TRANSACTION.put(DdlForm.CREATE_TABLE_PARTITION_OF, "CREATE TABLE lk.p3 PARTITION OF lk.p FOR VALUES FROM (10) TO (20)");
        IN_TRANSACTION.put(DdlForm.CREATE_TABLE_AS, "CREATE TABLE lk.nt AS SELECT * FROM lk.t");
        IN_TRANSACTION.put(DdlForm.DROP_TABLE, "DROP TABLE lk.fkd");
        IN_TRANSACTION.put(DdlForm.TRUNCATE, "TRUNCATE lk.fkd");
        IN_TRANSACTION.put(DdlForm.ADD_COLUMN, "ALTER TABLE lk.t ADD COLUMN x int");
        IN_TRANSACTION.put(DdlForm.ADD_COLUMN_REFERENCES, "ALTER TABLE lk.t ADD COLUMN x int REFERENCES lk.r (r_id)");
        IN_TRANSACTION.put(DdlForm.DROP_COLUMN, "ALTER TABLE lk.t DROP COLUMN bio");
        IN_TRANSACTION.put(DdlForm.ALTER_COLUMN_TYPE, "ALTER TABLE lk.t ALTER COLUMN st TYPE varchar(5)");
        IN_TRANSACTION.put(DdlForm.SET_DEFAULT, "ALTER TABLE lk.t ALTER COLUMN bio SET DEFAULT 'x'");
        IN_TRANSACTION.put(DdlForm.SET_NOT_NULL, "ALTER TABLE lk.t ALTER COLUMN bio SET NOT NULL");
        IN_TRANSACTION.put(DdlForm.DROP_NOT_NULL, "ALTER TABLE lk.t ALTER COLUMN bio DROP NOT NULL");
        IN_TRANSACTION.put(DdlForm.COLUMN_IDENTITY, "ALTER TABLE lk.t ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY");
        IN_TRANSACTION.put(DdlForm.SET_STATISTICS, "ALTER TABLE lk.t ALTER COLUMN bio SET STATISTICS 100");
        IN_TRANSACTION.put(DdlForm.SET_STORAGE, "ALTER TABLE lk.t ALTER COLUMN bio SET STORAGE EXTERNAL");
        IN_TRANSACTION.put(DdlForm.ADD_CHECK, "ALTER TABLE lk.t ADD CONSTRAINT c1 CHECK (id > 0)");
        IN_TRANSACTION.put(DdlForm.ADD_CHECK_NOT_VALID, "ALTER TABLE lk.t ADD CONSTRAINT c1 CHECK (id > 0) NOT VALID");
        IN_TRANSACTION.put(DdlForm.ADD_FOREIGN_KEY, "ALTER TABLE lk.t ADD CONSTRAINT c1 FOREIGN KEY (r_id) REFERENCES lk.r (r_id)");
        IN_TRANSACTION.put(DdlForm.ADD_UNIQUE, "ALTER TABLE lk.t ADD CONSTRAINT c1 UNIQUE (st, id)");
        IN_TRANSACTION.put(DdlForm.ADD_CONSTRAINT_USING_INDEX, "ALTER TABLE lk.t ADD CONSTRAINT t_id_u UNIQUE USING INDEX t_id_u");
        IN_TRANSACTION.put(DdlForm.ALTER_CONSTRAINT, "ALTER TABLE lk.t ALTER CONSTRAINT t_r_fk DEFERRABLE");
        IN_TRANSACTION.put(DdlForm.VALIDATE_CONSTRAINT, "ALTER TABLE lk.t VALIDATE CONSTRAINT t_chk");
        IN_TRANSACTION.put(DdlForm.DROP_CONSTRAINT, "ALTER TABLE lk.t DROP CONSTRAINT t_r_fk");
        IN_TRANSACTION.put(DdlForm.RENAME_CONSTRAINT, "ALTER TABLE lk.t RENAME CONSTRAINT t_chk TO t_chk2");
        IN_TRANSACTION.put(DdlForm.RENAME_TABLE, "ALTER TABLE lk.t RENAME COLUMN bio TO bio2");
        IN_TRANSACTION.put(DdlForm.SET_SCHEMA, "ALTER TABLE lk.p2 SET SCHEMA public");
        IN_TRANSACTION.put(DdlForm.OWNER_TO, "ALTER TABLE lk.t OWNER TO CURRENT_USER");
        IN_TRANSACTION.put(DdlForm.TRIGGER_ENABLE, "ALTER TABLE lk.t DISABLE TRIGGER trg");
        IN_TRANSACTION.put(DdlForm.RULE_ENABLE, "ALTER TABLE lk.u1 DISABLE RULE rl_u");
        IN_TRANSACTION.put(DdlForm.ROW_SECURITY, "ALTER TABLE lk.t ENABLE ROW LEVEL SECURITY");
        IN_TRANSACTION.put(DdlForm.CLUSTER_ON, "ALTER TABLE lk.t CLUSTER ON t_name");
        IN_TRANSACTION.put(DdlForm.SET_STORAGE_PARAMETERS, "ALTER TABLE lk.t SET (fillfactor = 70, autovacuum_enabled = false)");
        IN_TRANSACTION.put(DdlForm.SET_OTHER_PARAMETERS, "ALTER TABLE lk.t REPLICA IDENTITY FULL");
        IN_TRANSACTION.put(DdlForm.SET_TABLESPACE, "ALTER TABLE lk.u1 SET TABLESPACE pg_default");
        IN_TRANSACTION.put(DdlForm.SET_LOGGED, "ALTER TABLE lk.u1 SET UNLOGGED");
        IN_TRANSACTION.put(DdlForm.SET_ACCESS_METHOD, "ALTER TABLE lk.u1 SET ACCESS METHOD heap");
        IN_TRANSACTION.put(DdlForm.ATTACH_PARTITION, "ALTER TABLE lk.p ATTACH PARTITION lk.p2 FOR VALUES FROM (10) TO (20)");
        IN_TRANSACTION.put(DdlForm.DETACH_PARTITION, "ALTER TABLE lk.p DETACH PARTITION lk.p1");
        IN_TRANSACTION.put(DdlForm.CREATE_INDEX, "CREATE INDEX ti ON lk.t (bio)");
        IN_TRANSACTION.put(DdlForm.DROP_INDEX, "DROP INDEX lk.t_name");
        IN_TRANSACTION.put(DdlForm.REINDEX, "REINDEX TABLE lk.t");
        IN_TRANSACTION.put(DdlForm.ALTER_INDEX_RENAME, "ALTER INDEX lk.t_name RENAME TO t_name2");
        IN_TRANSACTION.put(DdlForm.ALTER_INDEX_SET, "ALTER INDEX lk.t_name SET (fillfactor = 70)");
        IN_TRANSACTION.put(DdlForm.ALTER_INDEX_SET_TABLESPACE, "ALTER INDEX lk.t_name SET TABLESPACE pg_default");
        IN_TRANSACTION.put(DdlForm.CREATE_VIEW, "CREATE VIEW lk.v2 AS SELECT id FROM lk.t");
        IN_TRANSACTION.put(DdlForm.CREATE_OR_REPLACE_VIEW, "CREATE OR REPLACE VIEW lk.v AS SELECT id, name FROM lk.t");
        IN_TRANSACTION.put(DdlForm.ALTER_VIEW, "ALTER VIEW lk.v RENAME TO v3");
        IN_TRANSACTION.put(DdlForm.DROP_VIEW, "DROP VIEW lk.v");
        IN_TRANSACTION.put(DdlForm.CREATE_MATERIALIZED_VIEW, "CREATE MATERIALIZED VIEW lk.mv2 AS SELECT id FROM lk.t");
        IN_TRANSACTION.put(DdlForm.REFRESH_MATERIALIZED_VIEW, "REFRESH MATERIALIZED VIEW lk.mv");
        IN_TRANSACTION.put(DdlForm.REFRESH_MATERIALIZED_VIEW_CONCURRENTLY, "REFRESH MATERIALIZED VIEW CONCURRENTLY lk.mv");
        IN_TRANSACTION.put(DdlForm.CREATE_TRIGGER, "CREATE TRIGGER trg2 AFTER UPDATE ON lk.t FOR EACH ROW EXECUTE FUNCTION lk.f()");
        IN_TRANSACTION.put(DdlForm.DROP_TRIGGER, "DROP TRIGGER trg ON lk.t");
        IN_TRANSACTION.put(DdlForm.POLICY, "CREATE POLICY pol2 ON lk.t USING (true)");
        IN_TRANSACTION.put(DdlForm.RULE, "CREATE RULE rl2 AS ON UPDATE TO lk.v DO INSTEAD NOTHING");
        IN_TRANSACTION.put(DdlForm.STATISTICS, "CREATE STATISTICS lk.st2 ON id, name FROM lk.t");
        IN_TRANSACTION.put(DdlForm.COMMENT, "COMMENT ON COLUMN lk.t.bio IS 'x'");
        IN_TRANSACTION.put(DdlForm.ALTER_TYPE_ENUM_VALUE, "ALTER TYPE lk.mood ADD VALUE 'c'");
        IN_TRANSACTION.put(DdlForm.ALTER_SEQUENCE, "ALTER SEQUENCE lk.s OWNED BY lk.t.id");
        IN_TRANSACTION.put(DdlForm.ALTER_SEQUENCE_RENAME, "ALTER SEQUENCE lk.s RENAME TO s2");
        IN_TRANSACTION.put(DdlForm.OBJECT_DDL, "CREATE TYPE lk.mood3 AS ENUM ('x')");
        IN_TRANSACTION.put(DdlForm.DROP_CASCADE, "DROP FUNCTION lk.f() CASCADE");
        IN_TRANSACTION.put(DdlForm.INSERT, "INSERT INTO lk.r VALUES (1000, 'z')");
        IN_TRANSACTION.put(DdlForm.UPDATE_DELETE, "UPDATE lk.r SET code = code WHERE r_id < 10");
        IN_TRANSACTION.put(DdlForm.SELECT, "SELECT count(*) FROM lk.t");
        IN_TRANSACTION.put(DdlForm.LOCK_TABLE, "LOCK TABLE lk.t IN SHARE MODE");
        IN_TRANSACTION.put(DdlForm.VACUUM, "ANALYZE lk.t");
        IN_TRANSACTION.put(DdlForm.CLUSTER, "CLUSTER lk.t USING t_name");

        OUTSIDE.put(DdlForm.CREATE_INDEX_CONCURRENTLY, new String[]{"CREATE INDEX CONCURRENTLY ti ON lk.t (bio)", "lk.t"});
        OUTSIDE.put(DdlForm.DROP_INDEX_CONCURRENTLY, new String[]{"DROP INDEX CONCURRENTLY lk.t_name", "lk.t"});
        OUTSIDE.put(DdlForm.REINDEX_CONCURRENTLY, new String[]{"REINDEX TABLE CONCURRENTLY lk.t", "lk.t"});
        OUTSIDE.put(DdlForm.DETACH_PARTITION_CONCURRENTLY,
                new String[]{"ALTER TABLE lk.p DETACH PARTITION lk.p1 CONCURRENTLY", "lk.p"});
        OUTSIDE.put(DdlForm.VACUUM_FULL, new String[]{"VACUUM FULL lk.u1", "lk.u1"});

        FALLBACK.put(DdlForm.ALTER_TABLE_OTHER, "ALTER TABLE lk.t FROBNICATE");
        FALLBACK.put(DdlForm.ALTER_INDEX_OTHER, "ALTER INDEX lk.t_name FROBNICATE");
        FALLBACK.put(DdlForm.UNKNOWN, "FROBNICATE lk.t");
    }

    /** Rewrite decisions, each judged by PostgreSQL's relfilenode (examples run in a rolled-back transaction). */
    private static final List<String> REWRITES = List.of(
            "ALTER TABLE lk.t ADD COLUMN x int DEFAULT 5",
            "ALTER TABLE lk.t ADD COLUMN x timestamptz DEFAULT now()",
            "ALTER TABLE lk.t ADD COLUMN x uuid DEFAULT gen_random_uuid()",
            "ALTER TABLE lk.t ADD COLUMN x serial",
            "ALTER TABLE lk.t ADD COLUMN x int GENERATED ALWAYS AS IDENTITY",
            "ALTER TABLE lk.t ADD COLUMN x int GENERATED ALWAYS AS (id * 2) STORED",
            "ALTER TABLE lk.t ADD COLUMN x lk.posint",
            "ALTER TABLE lk.t ADD COLUMN x lk.plainint",
            "ALTER TABLE lk.t ADD COLUMN x text[] DEFAULT '{}'",
            "ALTER TABLE lk.t ADD COLUMN x lk.mood DEFAULT 'a'",
            "ALTER TABLE lk.t ALTER COLUMN st TYPE varchar(40)",
            "ALTER TABLE lk.t ALTER COLUMN st TYPE varchar(5)",
            "ALTER TABLE lk.t ALTER COLUMN st TYPE varchar",
            "ALTER TABLE lk.t ALTER COLUMN st TYPE text",
            "ALTER TABLE lk.t ALTER COLUMN bio TYPE varchar",
            "ALTER TABLE lk.t ALTER COLUMN bio TYPE varchar(100)",
            "ALTER TABLE lk.t ALTER COLUMN bio TYPE text USING bio",
            "ALTER TABLE lk.t ALTER COLUMN bio TYPE text USING bio::text",
            "ALTER TABLE lk.t ALTER COLUMN bio TYPE text USING lower(bio)",
            "SET timezone = 'UTC'; ALTER TABLE lk.t ALTER COLUMN ts TYPE timestamptz USING ts",
            "SET timezone = 'Etc/UTC'; ALTER TABLE lk.t ALTER COLUMN ts TYPE timestamptz",
            "SET TIME ZONE 0; ALTER TABLE lk.t ALTER COLUMN ts TYPE timestamptz",
            "SET timezone = 'Europe/London'; ALTER TABLE lk.t ALTER COLUMN ts TYPE timestamptz",
            "SET timezone = 'America/New_York'; ALTER TABLE lk.t ALTER COLUMN ts TYPE timestamptz",
            "SET timezone = 'UTC'; ALTER TABLE lk.t ALTER COLUMN ts TYPE timestamptz USING ts AT TIME ZONE 'UTC'",
            "ALTER TABLE lk.t ALTER COLUMN ts TYPE timestamp(3)",
            "ALTER TABLE lk.t ALTER COLUMN ts TYPE timestamp(6)",
            "ALTER TABLE lk.t ALTER COLUMN ts TYPE date",
            "ALTER TABLE lk.t ALTER COLUMN n TYPE numeric(12,2)",
            "ALTER TABLE lk.t ALTER COLUMN n TYPE numeric(12,3)",
            "ALTER TABLE lk.t ALTER COLUMN n TYPE numeric",
            "ALTER TABLE lk.t ALTER COLUMN c TYPE char(5)",
            "ALTER TABLE lk.t ALTER COLUMN c TYPE text",
            "ALTER TABLE lk.t ALTER COLUMN c TYPE varchar(3)",
            "ALTER TABLE lk.t ALTER COLUMN addr TYPE inet",
            "ALTER TABLE lk.t ALTER COLUMN r_id TYPE bigint",
            "ALTER TABLE lk.t ALTER COLUMN r_id TYPE lk.plainint",
            "ALTER TABLE lk.t ALTER COLUMN r_id TYPE lk.posint",
            "ALTER TABLE lk.t ALTER COLUMN tags TYPE varchar[]",
            "ALTER TABLE lk.t ALTER COLUMN tags TYPE text[]",
            "ALTER TABLE lk.t ALTER COLUMN st TYPE varchar(10)[] USING ARRAY[st]",
            "ALTER TABLE lk.u1 SET LOGGED",
            "ALTER TABLE lk.u1 SET UNLOGGED",
            "ALTER TABLE lk.u1 SET TABLESPACE pg_default",
            "CLUSTER lk.t USING t_name",
            "REFRESH MATERIALIZED VIEW lk.mv",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY lk.mv",
            "TRUNCATE lk.fkd");

    private static final String DB = "strata_ddl_forms";
    private static Database database;
    private static String jdbc;
    private static Connection apply;

    @BeforeAll
    static void setUp() throws Exception {
        DemoDatabase server = DemoDatabase.shared();
        server.execute("postgres", "DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        server.execute("postgres", "CREATE DATABASE " + DB);
        server.execute(DB, FIXTURE);
        database = Database.connect(ConnectionSettings.parse("postgres://postgres@localhost:" + server.port() + "/" + DB));
        jdbc = "jdbc:postgresql://localhost:" + server.port() + "/" + DB + "?user=postgres";
        apply = DriverManager.getConnection(jdbc);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (apply != null) apply.close();
        if (database != null) database.close();
    }

    @Test
    void everyRowHasAnExample() {
        Set<DdlForm> covered = EnumSet.noneOf(DdlForm.class);
        covered.addAll(IN_TRANSACTION.keySet());
        covered.addAll(OUTSIDE.keySet());
        covered.addAll(FALLBACK.keySet());
        assertThat(covered).containsExactlyInAnyOrder(DdlForm.values());
    }

    @TestFactory
    Stream<DynamicTest> eachRowAgainstPgLocks() {
        return IN_TRANSACTION.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().id(), () -> {
            Replay.Outcome out = new Replay.Outcome();
            FileReview review = new Replay(database, apply, ReviewConfig.DEFAULT, new ReviewOptions(null, true))
                    .file(e.getKey().id(), e.getValue() + ";", false, out);
            String claims = describe(review);
            assertThat(out.notApplied).as(claims).isEmpty();
            assertThat(out.problems).as("%s\nclaimed: %s", e.getValue(), claims).isEmpty();
            if (!e.getKey().locks().isEmpty()) {
                // the review reached this row (not a neighbour that happens to take the same lock)
                assertThat(review.statements().get(0).locks()).as(claims)
                        .anyMatch(l -> l.form().equals(e.getKey().id()));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> formsOutsideATransactionWaitForTheClaimedLock() {
        return OUTSIDE.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().id(), () -> {
            String sql = e.getValue()[0];
            String table = e.getValue()[1];
            FileReview review = review(sql);
            StatementReport.Lock claim = review.statements().get(0).locks().stream()
                    .filter(l -> l.object().equals(table)).findFirst().orElseThrow();
            assertThat(claim.form()).isEqualTo(e.getKey().id());
            LockMode claimed = LockMode.parse(claim.mode());
            assertThat(waitedFor(sql, table, claimed)).as(sql).isEqualTo(claimed);
            resetFixture();
        }));
    }

    @TestFactory
    Stream<DynamicTest> fallbacksClaimAccessExclusive() {
        return FALLBACK.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().id(), () -> {
            FileReview review = review(e.getValue());
            if (e.getKey() == DdlForm.UNKNOWN) {
                assertThat(review.findings()).extracting(Finding::rule).contains("unanalysed-statement");
                return;
            }
            assertThat(review.statements().get(0).locks()).anyMatch(l -> l.form().equals(e.getKey().id())
                    && l.mode().equals(LockMode.ACCESS_EXCLUSIVE.sql()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> rewritesAsPostgresDoesThem() {
        return REWRITES.stream().map(sql -> DynamicTest.dynamicTest(sql, () -> {
            Replay.Outcome out = new Replay.Outcome();
            FileReview review = new Replay(database, apply, ReviewConfig.DEFAULT, new ReviewOptions(null, true))
                    .file("rewrite", sql + ";", false, out);
            assertThat(out.notApplied).isEmpty();
            assertThat(out.problems).as("%s\nclaimed: %s", sql, describe(review)).isEmpty();
        }));
    }

    private static FileReview review(String sql) throws Exception {
        LiveDatabase live = new LiveDatabase(new CatalogLoader(List.of()).load(database), database, ReviewConfig.DEFAULT);
        return new MigrationReviewer(Optional.of(live), ReviewConfig.DEFAULT).review(sql + ";", ReviewOptions.DEFAULT)
                .files().get(0);
    }

    /**
     * Runs a statement that cannot run in a transaction block while another session holds a lock that conflicts
     * with the claimed mode (but not with the ACCESS SHARE some forms take first), and returns the mode it waits
     * for on the table.
     */
    private static LockMode waitedFor(String sql, String table, LockMode claimed) throws Exception {
        LockMode blocker = claimed == LockMode.ACCESS_EXCLUSIVE ? LockMode.ACCESS_SHARE
                : claimed == LockMode.SHARE ? LockMode.ROW_EXCLUSIVE : claimed;
        try (Connection hold = DriverManager.getConnection(jdbc);
             Connection run = DriverManager.getConnection(jdbc);
             Connection look = DriverManager.getConnection(jdbc)) {
            hold.setAutoCommit(false);
            try (Statement s = hold.createStatement()) {
                s.execute("LOCK TABLE " + table + " IN " + blocker.sql() + " MODE");
            }
            int pid;
            try (Statement s = run.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try (Statement s = run.createStatement()) {
                    s.execute(sql);
                } catch (Exception ignored) {
                    // the outcome is read from pg_locks
                }
            });
            LockMode waited = null;
            for (int i = 0; i < 200 && waited == null; i++) {
                try (PreparedStatement ps = look.prepareStatement("SELECT mode FROM pg_locks WHERE pid = ? AND NOT "
                        + "granted AND locktype = 'relation' AND relation = ?::regclass")) {
                    ps.setInt(1, pid);
                    ps.setString(2, table);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) waited = LockMode.fromPgLocks(rs.getString(1));
                    }
                }
                if (waited == null) Thread.sleep(10);
            }
            hold.rollback();
            running.get(30, TimeUnit.SECONDS);
            return waited;
        }
    }

    private static void resetFixture() {
        DemoDatabase.shared().execute(DB, FIXTURE);
    }

    private static String describe(FileReview review) {
        List<String> parts = new ArrayList<>();
        for (StatementReport s : review.statements()) {
            parts.add(s.kind() + " locks=" + s.locks().stream().map(l -> l.mode() + " " + l.object() + " [" + l.form()
                    + "]").collect(Collectors.joining(", ")) + " rewritten=" + s.rewritten());
        }
        review.findings().forEach(f -> parts.add(f.severity().label() + " " + f.rule() + ": " + f.message()));
        return String.join("\n", parts);
    }
}
