package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.Ddl;

/**
 * <b>concurrent-index-in-transaction</b>: {@code CREATE INDEX CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY},
 * {@code REINDEX … CONCURRENTLY} and {@code DETACH PARTITION … CONCURRENTLY} cannot run inside a transaction
 * block — PostgreSQL rejects them ("cannot run inside a transaction block"), and a DO block or a migration tool
 * that wraps each file in a transaction (Flyway, Rails, Alembic by default) is one. Run the statement on its own:
 * <pre>
 * COMMIT;  -- or mark the migration as non-transactional in your tool
 * CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
 * </pre>
 */
public final class ConcurrentIndexInTransaction extends MigrationRuleBase {

    public ConcurrentIndexInTransaction() {
        super("concurrent-index-in-transaction", Severity.ERROR, "CONCURRENTLY inside a transaction block (fails)");
    }

    @Override
    public void check(StatementContext ctx) {
        if (!ctx.inTransaction() || !concurrent(ctx.ddl())) return;
        String where = ctx.insideDo() ? "inside a DO block, which runs as one transaction"
                : "inside a transaction block";
        String label = ctx.ddl().label();
        String what = label.contains("CONCURRENTLY") ? label : label + " … CONCURRENTLY";
        ctx.report(this, what + " " + where + " fails with \"cannot run inside a "
                        + "transaction block\"", null, null,
                ctx.insideDo() ? "Move the statement out of the DO block and run it on its own."
                        : "Run the statement outside BEGIN/COMMIT (mark the migration non-transactional, e.g. "
                        + "Flyway executeInTransaction=false, Rails disable_ddl_transaction!).", null);
    }

    private static boolean concurrent(Ddl ddl) {
        if (ddl instanceof Ddl.CreateIndex ci) return ci.concurrently();
        if (ddl instanceof Ddl.DropIndex di) return di.concurrently();
        if (ddl instanceof Ddl.Maintenance m) return m.concurrently() && m.label().startsWith("REINDEX");
        if (ddl instanceof Ddl.AlterTable at) {
            return at.actions().stream().anyMatch(a -> a instanceof AlterAction.Partition p && p.concurrently());
        }
        return false;
    }
}
