package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.LockMode;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;

import java.util.Map;

/**
 * <b>validate-in-same-transaction</b>: {@code VALIDATE CONSTRAINT} exists to scan the table under SHARE UPDATE
 * EXCLUSIVE, which lets reads and writes go on. Inside the transaction that added the constraint {@code NOT VALID}
 * (or that took any other lock blocking writes on the table, such as ADD COLUMN's ACCESS EXCLUSIVE), that lock is
 * still held: the whole scan runs under it, and the two-step recipe buys nothing. Migration tools that wrap each
 * file in a transaction (diesel, Flyway, Rails, Alembic) make this the default unless the steps are separate
 * migrations:
 * <pre>
 * -- migration 1
 * ALTER TABLE orders ADD CONSTRAINT orders_account_fkey FOREIGN KEY (account_id) REFERENCES accounts NOT VALID;
 * -- migration 2 (its own transaction)
 * ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fkey;
 * </pre>
 */
public final class ValidateInSameTransaction extends AlterActionRule<AlterAction.ValidateConstraint> {

    public ValidateInSameTransaction() {
        super("validate-in-same-transaction", Severity.WARNING,
                "VALIDATE CONSTRAINT in a transaction that already blocks the table", AlterAction.ValidateConstraint.class);
    }

    @Override
    void check(StatementContext ctx, TargetTable t, AlterAction.ValidateConstraint v) {
        if (!ctx.inTransaction()) return;
        LockMode held = ctx.state().held(t.name());
        if (!held.blocksWrites()) return;
        ctx.reportSized(this, v.at(), t, "VALIDATE CONSTRAINT " + v.name() + " scans " + t.describe()
                        + " inside a transaction that already holds " + held.sql() + " on it (taken by an earlier "
                        + "statement): the scan runs under that lock, blocking " + (held.blocksReads()
                        ? "reads and writes" : "writes") + " until the transaction ends",
                "COMMIT first: add the constraint NOT VALID in one migration and run ALTER TABLE " + t.name()
                        + " VALIDATE CONSTRAINT " + v.name() + "; in the next (its own transaction).",
                Map.of("held_lock", held.sql(), "rows_estimate", Sql.rows(t)));
    }
}
