package dev.strata.migration.rules;

import dev.strata.sql.StatementKind;

/**
 * <b>update-without-where</b>: a backfill that updates every row in one statement holds row locks on the whole
 * table until it commits and writes a new version of every row. Backfill in batches with a WHERE:
 * <pre>
 * UPDATE orders SET currency = 'EUR' WHERE currency IS NULL AND order_id BETWEEN 1 AND 10000;
 * </pre>
 */
public final class UpdateWithoutWhere extends UnboundedModify {

    public UpdateWithoutWhere() {
        super("update-without-where", "UPDATE of every row", StatementKind.UPDATE,
                "Add a WHERE clause and update in batches (e.g. by key range), committing between batches.");
    }
}
