package dev.strata.migration.ddl;

import dev.strata.catalog.QualifiedName;
import dev.strata.migration.LockMode;
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

    record CreateTable(QualifiedName table, List<ColumnDef> columns, List<ConstraintDef> constraints,
                       boolean temporary, boolean fromQuery, QualifiedName partitionOf) implements Ddl {
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

    record DropIndex(List<QualifiedName> indexes, boolean concurrently) implements Ddl {
        public String label() {
            return "DROP INDEX";
        }
    }

    record AlterTable(QualifiedName table, List<AlterAction> actions) implements Ddl {
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

    /** DROP TABLE / SCHEMA / VIEW / MATERIALIZED VIEW … */
    record Drop(String objectType, List<QualifiedName> names, boolean cascade) implements Ddl {
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

    /** UPDATE or DELETE (INSERT is {@link Other}): whether a WHERE clause limits the rows. */
    record Modify(StatementKind kind, QualifiedName table, boolean hasWhere) implements Ddl {
        public String label() {
            return kind.name();
        }

        public List<QualifiedName> tables() {
            return table == null ? List.of() : List.of(table);
        }
    }

    /**
     * VACUUM, CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW.
     *
     * @param rewrites whether the form rewrites the whole table under ACCESS EXCLUSIVE (VACUUM FULL, CLUSTER,
     *                 a non-concurrent REFRESH); REINDEX without CONCURRENTLY rebuilds indexes under lock
     */
    record Maintenance(String label, List<QualifiedName> tables, LockMode lock, boolean rewrites,
                       boolean concurrently) implements Ddl {
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

    /** A statement understood well enough to know it is no migration hazard (CREATE VIEW, GRANT, INSERT…). */
    record Other(String label, LockMode lock, List<QualifiedName> tables) implements Ddl {
    }

    /** A statement Strata cannot analyse; review says so instead of passing it silently. */
    record Unrecognised(String label, String reason) implements Ddl {
    }
}
