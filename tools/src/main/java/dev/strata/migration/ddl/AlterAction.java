package dev.strata.migration.ddl;

import dev.strata.catalog.QualifiedName;
import dev.strata.migration.locks.DdlForm;
import dev.strata.sql.SqlLexer.Token;

/** One subcommand of {@code ALTER TABLE}; several may share a statement, separated by commas. */
public sealed interface AlterAction {

    /** The token that starts the subcommand. */
    Token at();

    record AddColumn(ColumnDef column, boolean ifNotExists, Token at) implements AlterAction {
    }

    record DropColumn(String column, boolean cascade, boolean ifExists, Token at) implements AlterAction {
    }

    /** {@code ALTER COLUMN c [SET DATA] TYPE t [USING …]}. */
    record AlterType(String column, TypeName type, String using, Token at) implements AlterAction {
    }

    record SetNotNull(String column, Token at) implements AlterAction {
    }

    record DropNotNull(String column, Token at) implements AlterAction {
    }

    record SetDefault(String column, String expression, Token at) implements AlterAction {
    }

    record DropDefault(String column, Token at) implements AlterAction {
    }

    record AddConstraint(ConstraintDef constraint, Token at) implements AlterAction {
    }

    record ValidateConstraint(String name, Token at) implements AlterAction {
    }

    record DropConstraint(String name, boolean cascade, boolean ifExists, Token at) implements AlterAction {
    }

    record RenameColumn(String from, String to, Token at) implements AlterAction {
    }

    record RenameTable(String to, boolean quoted, Token at) implements AlterAction {
    }

    record RenameConstraint(String from, String to, Token at) implements AlterAction {
    }

    /** {@code SET TABLESPACE}, {@code SET LOGGED/UNLOGGED}, {@code SET ACCESS METHOD}: the table is rewritten. */
    /** @param argument the tablespace or access method named, or "logged" / "unlogged" */
    record Rewrite(String what, DdlForm form, String argument, Token at) implements AlterAction {
    }

    /** {@code ATTACH PARTITION t …} or {@code DETACH PARTITION t [CONCURRENTLY | FINALIZE]}. */
    record Partition(boolean attach, QualifiedName partition, boolean concurrently, Token at) implements AlterAction {
    }

    /**
     * Any other subcommand, with its form in {@link DdlForm} ({@link DdlForm#ALTER_TABLE_OTHER}, ACCESS EXCLUSIVE,
     * when Strata does not know it: fail closed).
     */
    record Other(String what, DdlForm form, Token at) implements AlterAction {
    }
}
