package dev.strata.migration.ddl;

import dev.strata.catalog.QualifiedName;
import dev.strata.migration.LockMode;
import dev.strata.migration.locks.DdlForm;
import dev.strata.sql.StatementKind;

import java.util.List;

/**
 * What one statement of a migration does, as far as migration review cares: recognised from tokens by
 * {@link DdlParser}, so the forms JSqlParser cannot parse ({@code NOT VALID}, {@code DROP INDEX CONCURRENTLY},
 * {@code REINDEX … CONCURRENTLY}, {@code VACUUM (FULL)}, {@code DO $$}) are understood like any other.
 */
public sealed interface Ddl {

    /** The statement kind shown in review output, e.g. {@code ALTER TABLE}. */
    String label();

    /** The tables the statement touches. */
    default List<QualifiedName> tables() {
        return List.of();
    }

    /**
     * @param columnsKnown false when columns come from elsewhere too (LIKE, INHERITS, PARTITION OF, OF type, AS)
     */
    record CreateTable(QualifiedName table, List<ColumnDef> columns, List<ConstraintDef> constraints,
                       boolean temporary, boolean fromQuery, QualifiedName partitionOf, boolean columnsKnown,
                       boolean ifNotExists) implements Ddl {
        public CreateTable {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }

        public String label() {
            return "CREATE TABLE";
        }

        public List<QualifiedName> tables() {
            return table == null ? List.of() : List.of(table);
        }
    }

    /** @param columns the indexed columns (expressions as written) */
    record CreateIndex(String name, QualifiedName table, boolean unique, boolean concurrently,
                       List<String> columns) implements Ddl {
        public String label() {
            return unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX";
        }

        public List<QualifiedName> tables() {
            return table == null ? List.of() : List.of(table);
        }
    }

    record DropIndex(List<QualifiedName> indexes, boolean concurrently, boolean ifExists) implements Ddl {
        public String label() {
            return "DROP INDEX";
        }
    }

    record AlterTable(QualifiedName table, List<AlterAction> actions, boolean ifExists) implements Ddl {
        public AlterTable {
            actions = List.copyOf(actions);
        }

        public String label() {
            return "ALTER TABLE";
        }

        public List<QualifiedName> tables() {
            return table == null ? List.of() : List.of(table);
        }
    }

    /** DROP TABLE / SCHEMA / VIEW / MATERIALIZED VIEW / TYPE / FUNCTION … ({@code objectType} in upper case). */
    record Drop(String objectType, List<QualifiedName> names, boolean cascade, boolean ifExists) implements Ddl {
        public String label() {
            return "DROP " + objectType;
        }

        public List<QualifiedName> tables() {
            return objectType.equals("TABLE") ? names : List.of();
        }
    }

    record Truncate(List<QualifiedName> tables, boolean cascade) implements Ddl {
        public String label() {
            return "TRUNCATE";
        }
    }

    /**
     * UPDATE or DELETE: whether a WHERE clause limits the rows, the columns an UPDATE sets, and the columns the
     * WHERE clause requires to be NULL ({@code WHERE c IS NULL}: a backfill of c).
     */
    record Modify(StatementKind kind, QualifiedName table, boolean hasWhere, List<String> setColumns,
                  List<String> whereIsNull) implements Ddl {
        public Modify {
            setColumns = List.copyOf(setColumns);
            whereIsNull = List.copyOf(whereIsNull);
        }

        public String label() {
            return kind.name();
        }

        public List<QualifiedName> tables() {
            return table == null ? List.of() : List.of(table);
        }
    }

    /**
     * VACUUM, ANALYZE, CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW, ALTER TABLE ALL IN TABLESPACE.
     *
     * @param tables  the tables (or materialized views) it works on; empty for the whole database
     * @param indexes for REINDEX INDEX: the index
     */
    record Maintenance(String label, DdlForm form, List<QualifiedName> tables, List<QualifiedName> indexes,
                       boolean concurrently) implements Ddl {
        public Maintenance {
            tables = List.copyOf(tables);
            indexes = List.copyOf(indexes);
        }

        public boolean rewrites() {
            return form.rewrite() == DdlForm.Rewrite.YES;
        }
    }

    /** INSERT, MERGE or COPY … FROM into a table. */
    record Insert(String label, QualifiedName table) implements Ddl {
        public List<QualifiedName> tables() {
            return table == null ? List.of() : List.of(table);
        }
    }

    /**
     * A statement on one table's dependent object: CREATE/DROP/ALTER TRIGGER, POLICY, RULE, STATISTICS.
     *
     * @param name the trigger's, policy's… name
     */
    record OnTable(String label, DdlForm form, QualifiedName table, String name) implements Ddl {
        public List<QualifiedName> tables() {
            return table == null ? List.of() : List.of(table);
        }
    }

    /** ALTER INDEX. */
    record AlterIndex(QualifiedName index, DdlForm form, String label, String newName) implements Ddl {
    }

    /** ALTER TYPE (ADD VALUE locks the type itself). */
    record AlterType(QualifiedName type, DdlForm form, String label) implements Ddl {
    }

    /** ALTER SEQUENCE; {@code ownedBy} is the table of {@code OWNED BY t.c}. */
    record AlterSequence(QualifiedName sequence, QualifiedName ownedBy, DdlForm form) implements Ddl {
        public String label() {
            return "ALTER SEQUENCE";
        }
    }

    /** CREATE [OR REPLACE] [MATERIALIZED] VIEW. */
    record CreateView(QualifiedName view, boolean orReplace, boolean materialized) implements Ddl {
        public String label() {
            return "CREATE " + (orReplace ? "OR REPLACE " : "") + (materialized ? "MATERIALIZED VIEW" : "VIEW");
        }
    }

    /** ALTER [MATERIALIZED] VIEW; {@code newName} for RENAME TO. */
    record AlterView(QualifiedName view, boolean materialized, String newName) implements Ddl {
        public String label() {
            return materialized ? "ALTER MATERIALIZED VIEW" : "ALTER VIEW";
        }
    }

    record LockTable(List<QualifiedName> tables, LockMode mode) implements Ddl {
        public String label() {
            return "LOCK TABLE";
        }
    }

    /** SET / RESET / set_config of a setting; {@code value} null for RESET. */
    record Setting(String name, String value, boolean local) implements Ddl {
        public String label() {
            return value == null ? "RESET" : "SET";
        }
    }

    record Transaction(StatementKind kind) implements Ddl {
        public String label() {
            return kind == StatementKind.BEGIN ? "BEGIN" : kind.name();
        }
    }

    /** {@code COMMENT ON TABLE t} or {@code COMMENT ON COLUMN t.c}. */
    record CommentOn(QualifiedName table, String column) implements Ddl {
        public String label() {
            return "COMMENT";
        }
    }

    /** {@code DO $$ … $$}: the body's statements are reviewed as run in one transaction. */
    record DoBlock(String body, int bodyOffset, String language) implements Ddl {
        public String label() {
            return "DO";
        }
    }

    record PsqlMeta(String command) implements Ddl {
        public String label() {
            return "psql meta-command";
        }
    }

    /**
     * A statement understood well enough to know what it locks (GRANT, CREATE FUNCTION, SELECT…); {@code tables}
     * are the objects the form's TABLE locks apply to.
     */
    record Other(String label, DdlForm form, List<QualifiedName> tables) implements Ddl {
    }

    /** A statement Strata cannot analyse; review says so instead of passing it silently. */
    record Unrecognised(String label, String reason) implements Ddl {
    }
}
