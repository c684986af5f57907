package dev.strata.migration;

import dev.strata.migration.rules.AddCheckWithoutNotValid;
import dev.strata.migration.rules.AddColumnVolatileDefault;
import dev.strata.migration.rules.AddForeignKeyWithoutNotValid;
import dev.strata.migration.rules.AddNotNullColumn;
import dev.strata.migration.rules.AddPrimaryKey;
import dev.strata.migration.rules.AddUniqueConstraint;
import dev.strata.migration.rules.BareIdPrimaryKey;
import dev.strata.migration.rules.ChangeColumnType;
import dev.strata.migration.rules.ConcurrentIndexInTransaction;
import dev.strata.migration.rules.CreateIndexNotConcurrently;
import dev.strata.migration.rules.DeleteWithoutWhere;
import dev.strata.migration.rules.DependentObjects;
import dev.strata.migration.rules.DropColumn;
import dev.strata.migration.rules.DropIndexNotConcurrently;
import dev.strata.migration.rules.DropSchema;
import dev.strata.migration.rules.DropTable;
import dev.strata.migration.rules.ExistingRowsViolate;
import dev.strata.migration.rules.FkColumnWithoutIndex;
import dev.strata.migration.rules.MissingComment;
import dev.strata.migration.rules.MissingLockTimeout;
import dev.strata.migration.rules.NamingConventionDrift;
import dev.strata.migration.rules.PolymorphicReference;
import dev.strata.migration.rules.PsqlMetaCommand;
import dev.strata.migration.rules.RenameColumn;
import dev.strata.migration.rules.RenameTable;
import dev.strata.migration.rules.SetNotNull;
import dev.strata.migration.rules.TableRewrite;
import dev.strata.migration.rules.TimestampWithoutTimeZone;
import dev.strata.migration.rules.Truncate;
import dev.strata.migration.rules.UnanalysedStatement;
import dev.strata.migration.rules.UpdateWithoutWhere;
import dev.strata.migration.rules.WideTable;
import dev.strata.migration.rules.IdentifierTooLong;
import dev.strata.migration.rules.SyntaxError;
import dev.strata.migration.rules.UnknownColumn;
import dev.strata.migration.rules.UnknownTable;
import dev.strata.migration.rules.ValidateInSameTransaction;
import dev.strata.migration.rules.MissingStatementTimeout;

import java.util.List;
import java.util.Optional;

/**
 * The migration-review rules in one explicit list. Adding a rule: one class in {@code migration/rules} with its
 * doc and recipe, one line here, failing and passing cases in the migration corpus.
 */
public final class MigrationRules {

    public static final List<MigrationRule> ALL = List.of(
            // locks and rewrites
            new CreateIndexNotConcurrently(),
            new DropIndexNotConcurrently(),
            new ConcurrentIndexInTransaction(),
            new ChangeColumnType(),
            new AddColumnVolatileDefault(),
            new SetNotNull(),
            new AddForeignKeyWithoutNotValid(),
            new AddCheckWithoutNotValid(),
            new AddUniqueConstraint(),
            new AddPrimaryKey(),
            new TableRewrite(),
            new MissingLockTimeout(),
            new MissingStatementTimeout(),
            new ValidateInSameTransaction(),
            // data loss and broken readers
            new DropTable(),
            new DropColumn(),
            new DropSchema(),
            new Truncate(),
            new DeleteWithoutWhere(),
            new UpdateWithoutWhere(),
            new RenameTable(),
            new RenameColumn(),
            new AddNotNullColumn(),
            // the live catalog and data
            new DependentObjects(),
            new ExistingRowsViolate(),
            new UnknownTable(),
            new UnknownColumn(),
            new SyntaxError(),
            // conventions for what the migration creates
            new BareIdPrimaryKey(),
            new FkColumnWithoutIndex(),
            new PolymorphicReference(),
            new TimestampWithoutTimeZone(),
            new NamingConventionDrift(),
            new WideTable(),
            new MissingComment(),
            new IdentifierTooLong(),
            // what review could not see
            new UnanalysedStatement(),
            new PsqlMetaCommand());

    private MigrationRules() {
    }

    public static Optional<MigrationRule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
