package dev.strata.migration.rules;

import dev.strata.sql.StatementKind;

/**
 * <b>delete-without-where</b>: every row goes, in one long transaction that locks them all. If that is really
 * meant, say so with a WHERE and do it in batches:
 * <pre>
 * DELETE FROM sessions WHERE session_id IN (SELECT session_id FROM sessions WHERE expires_at &lt; now() LIMIT 10000);
 * </pre>
 */
public final class DeleteWithoutWhere extends UnboundedModify {

    public DeleteWithoutWhere() {
        super("delete-without-where", "DELETE of every row", StatementKind.DELETE,
                "Add the WHERE clause that selects the rows meant to go, and delete in batches.");
    }
}
