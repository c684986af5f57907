package dev.strata.migration.locks;

import dev.strata.migration.LockMode;

import java.util.ArrayList;
import java.util.List;

import static dev.strata.migration.LockMode.ACCESS_EXCLUSIVE;
import static dev.strata.migration.LockMode.EXCLUSIVE;
import static dev.strata.migration.LockMode.ROW_EXCLUSIVE;
import static dev.strata.migration.LockMode.SHARE;
import static dev.strata.migration.LockMode.SHARE_ROW_EXCLUSIVE;
import static dev.strata.migration.LockMode.SHARE_UPDATE_EXCLUSIVE;
import static dev.strata.migration.locks.LockTarget.INDEX;
import static dev.strata.migration.locks.LockTarget.INDEXES;
import static dev.strata.migration.locks.LockTarget.PARENT;
import static dev.strata.migration.locks.LockTarget.PARTITION;
import static dev.strata.migration.locks.LockTarget.REFERENCED_TABLE;
import static dev.strata.migration.locks.LockTarget.SEQUENCE;
import static dev.strata.migration.locks.LockTarget.TABLE;
import static dev.strata.migration.locks.LockTarget.TYPE;
import static dev.strata.migration.locks.LockTarget.VIEW;

/**
 * The one table of what PostgreSQL does for each statement form a migration uses: the lock it takes on which
 * object, version by version, and whether it rewrites the table. Review reads its locks and rewrites from here;
 * {@code docs/migration-locks.md} is generated from it ({@link LockTableDoc}); {@code DdlFormTest} runs every row
 * on the embedded PostgreSQL and compares the claim with {@code pg_locks} and {@code pg_class.relfilenode}.
 *
 * <p>Measured on PostgreSQL 17 (each form in a transaction, its own {@code pg_locks} rows read before ROLLBACK);
 * the lock levels of older versions are from the PostgreSQL release notes (the {@code since} column). Locks a
 * form takes only for a moment on catalog rows, and ACCESS SHARE on tables a statement merely reads, are left out:
 * they block nobody.
 */
public enum DdlForm {

    // ------------------------------------------------------------------ tables
    CREATE_TABLE("CREATE TABLE t (…)", Rewrite.NO, "a new table: nobody else can see it yet"),
    CREATE_TABLE_REFERENCES("CREATE TABLE t (… REFERENCES r)", Rewrite.NO,
            "the foreign key's trigger is added to r, which blocks writes to r for a moment",
            on(REFERENCED_TABLE, SHARE_ROW_EXCLUSIVE)),
    CREATE_TABLE_PARTITION_OF("CREATE TABLE t PARTITION OF p …", Rewrite.NO, null, on(PARENT, ACCESS_EXCLUSIVE)),
    CREATE_TABLE_AS("CREATE TABLE t AS SELECT …", Rewrite.NO, "reads its sources under ACCESS SHARE"),
    DROP_TABLE("DROP TABLE t", Rewrite.NO, "also ACCESS EXCLUSIVE on every table t's foreign keys point to",
            on(TABLE, ACCESS_EXCLUSIVE), on(REFERENCED_TABLE, ACCESS_EXCLUSIVE)),
    TRUNCATE("TRUNCATE t", Rewrite.NEW_FILE, "the table gets a new, empty file", on(TABLE, ACCESS_EXCLUSIVE)),

    // ------------------------------------------------------------------ ALTER TABLE: columns
    ADD_COLUMN("ALTER TABLE t ADD COLUMN c …", Rewrite.DEPENDS,
            "rewrites for a volatile DEFAULT (clock_timestamp(), gen_random_uuid()…), serial, GENERATED … AS IDENTITY, "
                    + "GENERATED … STORED, and a domain with constraints; before PostgreSQL 11 for any DEFAULT",
            on(TABLE, ACCESS_EXCLUSIVE)),
    ADD_COLUMN_REFERENCES("ALTER TABLE t ADD COLUMN c … REFERENCES r", Rewrite.DEPENDS, "as ADD COLUMN",
            on(TABLE, ACCESS_EXCLUSIVE), on(REFERENCED_TABLE, SHARE_ROW_EXCLUSIVE)),
    DROP_COLUMN("ALTER TABLE t DROP COLUMN c", Rewrite.NO, "the column is only marked dropped; a column in a "
            + "foreign key takes the key's table along (the referenced table is locked too)",
            on(TABLE, ACCESS_EXCLUSIVE), on(REFERENCED_TABLE, ACCESS_EXCLUSIVE)),
    ALTER_COLUMN_TYPE("ALTER TABLE t ALTER COLUMN c TYPE …", Rewrite.DEPENDS,
            "no rewrite when the old values are valid as they are: a binary-coercible cast (varchar ↔ text, "
                    + "cidr → inet, int4 → oid, any castmethod 'b' in pg_cast), a wider or removed length or "
                    + "precision (varchar, varbit, numeric with the same scale, timestamp, time, interval), a domain "
                    + "without constraints, and timestamp ↔ timestamptz while the session TimeZone is UTC "
                    + "(PostgreSQL 12+); USING c or USING c::type counts as no USING. Indexes on the column are "
                    + "rebuilt either way; a key column's foreign keys are rebuilt, locking the tables on both ends",
            on(TABLE, ACCESS_EXCLUSIVE), on(REFERENCED_TABLE, ACCESS_EXCLUSIVE)),
    SET_DEFAULT("ALTER TABLE t ALTER COLUMN c SET DEFAULT … / DROP DEFAULT", Rewrite.NO, null,
            on(TABLE, ACCESS_EXCLUSIVE)),
    SET_NOT_NULL("ALTER TABLE t ALTER COLUMN c SET NOT NULL", Rewrite.NO,
            "scans the table, except (PostgreSQL 12+) when a validated CHECK (c IS NOT NULL) exists",
            on(TABLE, ACCESS_EXCLUSIVE)),
    DROP_NOT_NULL("ALTER TABLE t ALTER COLUMN c DROP NOT NULL", Rewrite.NO, null, on(TABLE, ACCESS_EXCLUSIVE)),
    COLUMN_IDENTITY("ALTER TABLE t ALTER COLUMN c ADD/SET/DROP IDENTITY, DROP EXPRESSION", Rewrite.NO, null,
            on(TABLE, ACCESS_EXCLUSIVE)),
    SET_STATISTICS("ALTER TABLE t ALTER COLUMN c SET STATISTICS / SET (…) / RESET (…)", Rewrite.NO, null,
            on(TABLE, SHARE_UPDATE_EXCLUSIVE)),
    SET_STORAGE("ALTER TABLE t ALTER COLUMN c SET STORAGE / SET COMPRESSION", Rewrite.NO,
            "existing values keep their storage", on(TABLE, ACCESS_EXCLUSIVE)),

    // ------------------------------------------------------------------ ALTER TABLE: constraints
    ADD_CHECK("ALTER TABLE t ADD CHECK (…)", Rewrite.NO, "scans every row under the lock", on(TABLE, ACCESS_EXCLUSIVE)),
    ADD_CHECK_NOT_VALID("ALTER TABLE t ADD CHECK (…) NOT VALID", Rewrite.NO, "no scan: a brief lock",
            on(TABLE, ACCESS_EXCLUSIVE)),
    ADD_FOREIGN_KEY("ALTER TABLE t ADD FOREIGN KEY (…) REFERENCES r", Rewrite.NO,
            "scans t under the lock; NOT VALID skips the scan, the locks are the same",
            on(TABLE, SHARE_ROW_EXCLUSIVE), on(REFERENCED_TABLE, SHARE_ROW_EXCLUSIVE)),
    ADD_UNIQUE("ALTER TABLE t ADD UNIQUE / PRIMARY KEY / EXCLUDE (…)", Rewrite.NO, "builds the index under the lock",
            on(TABLE, ACCESS_EXCLUSIVE)),
    ADD_CONSTRAINT_USING_INDEX("ALTER TABLE t ADD UNIQUE / PRIMARY KEY USING INDEX i", Rewrite.NO,
            "the index exists: only the catalog changes (a PRIMARY KEY checks the columns are NOT NULL)",
            on(TABLE, ACCESS_EXCLUSIVE)),
    ALTER_CONSTRAINT("ALTER TABLE t ALTER CONSTRAINT k …", Rewrite.NO, null, on(TABLE, ACCESS_EXCLUSIVE)),
    VALIDATE_CONSTRAINT("ALTER TABLE t VALIDATE CONSTRAINT k", Rewrite.NO,
            "scans t without blocking reads or writes; a foreign key's validation also takes ROW SHARE on r",
            on(TABLE, SHARE_UPDATE_EXCLUSIVE)),
    DROP_CONSTRAINT("ALTER TABLE t DROP CONSTRAINT k", Rewrite.NO,
            "dropping a foreign key also takes ACCESS EXCLUSIVE on the referenced table",
            on(TABLE, ACCESS_EXCLUSIVE), on(REFERENCED_TABLE, ACCESS_EXCLUSIVE)),
    RENAME_CONSTRAINT("ALTER TABLE t RENAME CONSTRAINT k TO k2", Rewrite.NO, null, on(TABLE, ACCESS_EXCLUSIVE)),

    // ------------------------------------------------------------------ ALTER TABLE: the table
    RENAME_TABLE("ALTER TABLE t RENAME TO t2 / RENAME COLUMN c TO c2", Rewrite.NO, null, on(TABLE, ACCESS_EXCLUSIVE)),
    SET_SCHEMA("ALTER TABLE t SET SCHEMA s", Rewrite.NO, null, on(TABLE, ACCESS_EXCLUSIVE)),
    OWNER_TO("ALTER TABLE t OWNER TO …", Rewrite.NO, null, on(TABLE, ACCESS_EXCLUSIVE)),
    TRIGGER_ENABLE("ALTER TABLE t ENABLE / DISABLE TRIGGER …", Rewrite.NO, null, on(TABLE, SHARE_ROW_EXCLUSIVE)),
    RULE_ENABLE("ALTER TABLE t ENABLE / DISABLE RULE …", Rewrite.NO, null, on(TABLE, ACCESS_EXCLUSIVE)),
    ROW_SECURITY("ALTER TABLE t ENABLE / DISABLE / FORCE ROW LEVEL SECURITY", Rewrite.NO, null,
            on(TABLE, ACCESS_EXCLUSIVE)),
    CLUSTER_ON("ALTER TABLE t CLUSTER ON i / SET WITHOUT CLUSTER", Rewrite.NO, null, on(TABLE, SHARE_UPDATE_EXCLUSIVE)),
    SET_STORAGE_PARAMETERS("ALTER TABLE t SET (fillfactor, autovacuum_…, parallel_workers, toast_tuple_target …)",
            Rewrite.NO, "other parameters (e.g. a view's check_option, security_barrier) take ACCESS EXCLUSIVE",
            on(TABLE, SHARE_UPDATE_EXCLUSIVE)),
    SET_OTHER_PARAMETERS("ALTER TABLE t SET (other parameters) / SET WITHOUT OIDS / REPLICA IDENTITY / INHERIT / OF",
            Rewrite.NO, null, on(TABLE, ACCESS_EXCLUSIVE)),
    SET_TABLESPACE("ALTER TABLE t SET TABLESPACE s", Rewrite.YES, "the files are copied (a no-op when already there)",
            on(TABLE, ACCESS_EXCLUSIVE)),
    SET_LOGGED("ALTER TABLE t SET LOGGED / UNLOGGED", Rewrite.YES, null, on(TABLE, ACCESS_EXCLUSIVE)),
    SET_ACCESS_METHOD("ALTER TABLE t SET ACCESS METHOD am", Rewrite.YES, "a no-op when already that method",
            on(TABLE, ACCESS_EXCLUSIVE)),
    ATTACH_PARTITION("ALTER TABLE p ATTACH PARTITION t …", Rewrite.NO,
            "scans t for rows outside the bounds unless a matching CHECK exists",
            on(PARENT, SHARE_UPDATE_EXCLUSIVE, 12, ACCESS_EXCLUSIVE), on(PARTITION, ACCESS_EXCLUSIVE)),
    DETACH_PARTITION("ALTER TABLE p DETACH PARTITION t", Rewrite.NO, null,
            on(PARENT, ACCESS_EXCLUSIVE), on(PARTITION, ACCESS_EXCLUSIVE)),
    DETACH_PARTITION_CONCURRENTLY("ALTER TABLE p DETACH PARTITION t CONCURRENTLY", Rewrite.NO,
            "PostgreSQL 14+; not inside a transaction block",
            on(PARENT, SHARE_UPDATE_EXCLUSIVE), on(PARTITION, SHARE_UPDATE_EXCLUSIVE)),
    ALTER_TABLE_OTHER("ALTER TABLE t (a subcommand Strata does not know)", Rewrite.NO,
            "assumed ACCESS EXCLUSIVE: fail closed", on(TABLE, ACCESS_EXCLUSIVE)),

    // ------------------------------------------------------------------ indexes
    CREATE_INDEX("CREATE [UNIQUE] INDEX i ON t (…)", Rewrite.NO, "blocks writes while the index builds",
            on(TABLE, SHARE)),
    CREATE_INDEX_CONCURRENTLY("CREATE INDEX CONCURRENTLY i ON t (…)", Rewrite.NO,
            "not inside a transaction block; waits for transactions that could use the index",
            on(TABLE, SHARE_UPDATE_EXCLUSIVE)),
    DROP_INDEX("DROP INDEX i", Rewrite.NO, null, on(TABLE, ACCESS_EXCLUSIVE), on(INDEX, ACCESS_EXCLUSIVE)),
    DROP_INDEX_CONCURRENTLY("DROP INDEX CONCURRENTLY i", Rewrite.NO, "not inside a transaction block",
            on(TABLE, SHARE_UPDATE_EXCLUSIVE)),
    REINDEX("REINDEX INDEX i / REINDEX TABLE t", Rewrite.NO,
            "the indexes get new files; queries that would use them wait, writes to t wait",
            on(TABLE, SHARE), on(INDEXES, ACCESS_EXCLUSIVE)),
    REINDEX_CONCURRENTLY("REINDEX … CONCURRENTLY", Rewrite.NO,
            "PostgreSQL 12+; not inside a transaction block", on(TABLE, SHARE_UPDATE_EXCLUSIVE)),
    ALTER_INDEX_RENAME("ALTER INDEX i RENAME TO i2", Rewrite.NO, null,
            on(INDEX, SHARE_UPDATE_EXCLUSIVE, 12, ACCESS_EXCLUSIVE)),
    ALTER_INDEX_SET("ALTER INDEX i SET (…) / RESET (…)", Rewrite.NO, null, on(INDEX, SHARE_UPDATE_EXCLUSIVE)),
    ALTER_INDEX_SET_TABLESPACE("ALTER INDEX i SET TABLESPACE s", Rewrite.NO, "the index's files are copied",
            on(INDEX, ACCESS_EXCLUSIVE)),
    ALTER_INDEX_OTHER("ALTER INDEX i (other)", Rewrite.NO, null, on(INDEX, ACCESS_EXCLUSIVE)),

    // ------------------------------------------------------------------ views
    CREATE_VIEW("CREATE VIEW v AS …", Rewrite.NO, "a new view; its sources are only read"),
    CREATE_OR_REPLACE_VIEW("CREATE OR REPLACE VIEW v AS …", Rewrite.NO, "on an existing view: readers of v wait",
            on(VIEW, ACCESS_EXCLUSIVE)),
    ALTER_VIEW("ALTER [MATERIALIZED] VIEW v …", Rewrite.NO, null, on(VIEW, ACCESS_EXCLUSIVE)),
    DROP_VIEW("DROP [MATERIALIZED] VIEW v", Rewrite.NO, null, on(VIEW, ACCESS_EXCLUSIVE)),
    CREATE_MATERIALIZED_VIEW("CREATE MATERIALIZED VIEW v AS …", Rewrite.NO, "runs the query; its sources are only read"),
    REFRESH_MATERIALIZED_VIEW("REFRESH MATERIALIZED VIEW v", Rewrite.YES, "the view is filled into a new file",
            on(VIEW, ACCESS_EXCLUSIVE)),
    REFRESH_MATERIALIZED_VIEW_CONCURRENTLY("REFRESH MATERIALIZED VIEW CONCURRENTLY v", Rewrite.NO,
            "readers go on; needs a unique index", on(VIEW, EXCLUSIVE)),

    // ------------------------------------------------------------------ triggers, policies, rules, statistics, comments
    CREATE_TRIGGER("CREATE TRIGGER … ON t", Rewrite.NO, null, on(TABLE, SHARE_ROW_EXCLUSIVE)),
    DROP_TRIGGER("DROP TRIGGER … ON t / ALTER TRIGGER … ON t", Rewrite.NO, null, on(TABLE, ACCESS_EXCLUSIVE)),
    POLICY("CREATE / ALTER / DROP POLICY … ON t", Rewrite.NO, null, on(TABLE, ACCESS_EXCLUSIVE)),
    RULE("CREATE RULE … TO t / DROP RULE … ON t", Rewrite.NO, null, on(TABLE, ACCESS_EXCLUSIVE)),
    STATISTICS("CREATE / DROP STATISTICS … (ON t)", Rewrite.NO, null, on(TABLE, SHARE_UPDATE_EXCLUSIVE)),
    COMMENT("COMMENT ON TABLE / COLUMN / INDEX …", Rewrite.NO, null, on(TABLE, SHARE_UPDATE_EXCLUSIVE)),

    // ------------------------------------------------------------------ types and sequences
    ALTER_TYPE_ENUM_VALUE("ALTER TYPE e ADD VALUE / RENAME VALUE …", Rewrite.NO,
            "locks the type, not the tables that use it; before PostgreSQL 12 ADD VALUE cannot run in a "
                    + "transaction block",
            on(TYPE, EXCLUSIVE)),
    ALTER_SEQUENCE("ALTER SEQUENCE s …", Rewrite.NO, "OWNED BY t.c also reads t (ACCESS SHARE); RESTART and "
            + "other options write the sequence into a new file", on(SEQUENCE, SHARE_ROW_EXCLUSIVE)),
    ALTER_SEQUENCE_RENAME("ALTER SEQUENCE s RENAME TO … / OWNER TO / SET SCHEMA", Rewrite.NO, null,
            on(SEQUENCE, ACCESS_EXCLUSIVE)),
    OBJECT_DDL("CREATE / ALTER / DROP of a type, domain, function, schema, extension, sequence; GRANT / REVOKE",
            Rewrite.NO, "no table lock; DROP … CASCADE also drops what depends on the object (next row)"),
    DROP_CASCADE("DROP … CASCADE (function, type, view, table …)", Rewrite.NO,
            "every table that loses a view, trigger, policy, key, default, index or column with it (found through "
                    + "pg_depend with a database)", on(TABLE, ACCESS_EXCLUSIVE)),

    // ------------------------------------------------------------------ data and maintenance
    INSERT("INSERT / MERGE / COPY … FROM", Rewrite.NO, null, on(TABLE, ROW_EXCLUSIVE)),
    UPDATE_DELETE("UPDATE / DELETE", Rewrite.NO, "row locks on every row touched", on(TABLE, ROW_EXCLUSIVE)),
    SELECT("SELECT / SHOW / EXPLAIN", Rewrite.NO, "ACCESS SHARE on what it reads: it waits only for ACCESS EXCLUSIVE"),
    LOCK_TABLE("LOCK TABLE t IN … MODE", Rewrite.NO, "the mode named (ACCESS EXCLUSIVE when none is)",
            on(TABLE, ACCESS_EXCLUSIVE)),
    VACUUM("VACUUM t / ANALYZE t", Rewrite.NO, "VACUUM not inside a transaction block",
            on(TABLE, SHARE_UPDATE_EXCLUSIVE)),
    VACUUM_FULL("VACUUM FULL t", Rewrite.YES, "not inside a transaction block", on(TABLE, ACCESS_EXCLUSIVE)),
    CLUSTER("CLUSTER t USING i", Rewrite.YES, null, on(TABLE, ACCESS_EXCLUSIVE)),
    UNKNOWN("a statement Strata does not recognise", Rewrite.NO, "reported as not analysed");

    /** Whether a form rewrites the table (its heap gets a new file). */
    public enum Rewrite {
        NO("no"), YES("yes"), DEPENDS("depends"), NEW_FILE("new empty file");

        private final String label;

        Rewrite(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A lock on one object: {@code mode} from PostgreSQL {@code since} on, {@code before} in older versions (null
     * when the mode has not changed since 9.6).
     */
    public record Lock(LockTarget target, LockMode mode, int since, LockMode before) {
        public LockMode mode(int pgVersion) {
            return before != null && pgVersion < since ? before : mode;
        }
    }

    private final String syntax;
    private final Rewrite rewrite;
    private final String note;
    private final List<Lock> locks;

    DdlForm(String syntax, Rewrite rewrite, String note, Lock... locks) {
        this.syntax = syntax;
        this.rewrite = rewrite;
        this.note = note;
        this.locks = List.of(locks);
    }

    private static Lock on(LockTarget target, LockMode mode) {
        return new Lock(target, mode, 0, null);
    }

    private static Lock on(LockTarget target, LockMode mode, int since, LockMode before) {
        return new Lock(target, mode, since, before);
    }

    public String syntax() {
        return syntax;
    }

    public Rewrite rewrite() {
        return rewrite;
    }

    public String note() {
        return note;
    }

    public List<Lock> locks() {
        return locks;
    }

    /** The mode this form takes on {@code target} in PostgreSQL {@code pgVersion}, or NONE. */
    public LockMode mode(LockTarget target, int pgVersion) {
        for (Lock l : locks) {
            if (l.target() == target) return l.mode(pgVersion);
        }
        return LockMode.NONE;
    }

    /** The targets this form locks. */
    public List<LockTarget> targets() {
        List<LockTarget> out = new ArrayList<>();
        for (Lock l : locks) out.add(l.target());
        return out;
    }

    /** kebab-case id for documents and tests. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
