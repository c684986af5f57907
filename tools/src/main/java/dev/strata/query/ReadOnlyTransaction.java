package dev.strata.query;

import dev.strata.db.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * How Strata runs anything an assistant wrote: one READ ONLY transaction with {@code statement_timeout},
 * {@code lock_timeout} and {@code idle_in_transaction_session_timeout} set LOCAL to it, always rolled back — so
 * whatever slipped past the guardrail can neither write nor outlive the call.
 */
public final class ReadOnlyTransaction {

    /** Work done inside the transaction. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private ReadOnlyTransaction() {
    }

    public static <T> T run(Database database, Duration statementTimeout, Duration lockTimeout, Work<T> work)
            throws SQLException {
        Connection c = database.connection();
        boolean outOfStep = false;
        try {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY");
                st.execute("SET LOCAL statement_timeout = " + statementTimeout.toMillis());
                st.execute("SET LOCAL lock_timeout = " + lockTimeout.toMillis());
                st.execute("SET LOCAL idle_in_transaction_session_timeout = " + (statementTimeout.toMillis() + 5000));
            }
            return work.run(c);
        } catch (SQLException | RuntimeException | Error e) {
            outOfStep = PgProtocol.mayBeOutOfStep(e);
            throw e;
        } finally {
            // Never let a failed rollback hide the error that matters; a connection that failed mid-protocol, or
            // cannot roll back, is evicted so that no later statement reads what it left behind.
            if (!outOfStep) {
                try {
                    c.rollback();
                    c.setAutoCommit(true);
                } catch (SQLException | RuntimeException e) {
                    outOfStep = true;
                }
            }
            if (outOfStep) {
                database.evict(c);
            } else {
                c.close();
            }
        }
    }
}
