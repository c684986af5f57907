package dev.strata.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The one way Strata reaches PostgreSQL: a small pool that re-establishes dropped connections by itself, and a
 * JDBI handle over it. Every failure is rethrown as {@link DatabaseUnavailableException} with a message that
 * names the server but never the password.
 */
public final class Database implements AutoCloseable {

    private final ConnectionSettings settings;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private Database(ConnectionSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    /**
     * Opens the pool and proves the server answers. Fails fast (a few seconds at most) so the CLI can print one
     * line and exit 2 instead of hanging.
     */
    public static Database connect(ConnectionSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) config.setUsername(settings.user());
        if (settings.password() != null) config.setPassword(settings.password());
        config.setPoolName("strata");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("ApplicationName", "strata");
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // Strata's lexer reads '\' as a complete string, as PostgreSQL does with this on (its default); a
        // database configured otherwise would read a statement differently from the guardrail.
        config.addDataSourceProperty("options", "-c standard_conforming_strings=on");
        try {
            return new Database(settings, new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            throw new DatabaseUnavailableException("cannot connect to " + settings.redacted() + ": "
                    + rootMessage(e), e);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("cannot connect to " + settings.redacted() + ": "
                    + rootMessage(e), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** A pooled connection; wraps the pool's timeout into an error a model (and a person) can act on. */
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("database " + settings.redacted()
                    + " is unreachable right now (" + rootMessage(e) + "); Strata keeps retrying, try again shortly", e);
        }
    }

    /**
     * Closes a connection that may be out of step with its server (a driver failure mid-protocol, an I/O error)
     * and removes it from the pool instead of returning it: the next borrower would read the leftovers of the
     * failed exchange. Call it instead of {@code close()}.
     */
    public void evict(Connection connection) {
        pool.evictConnection(connection);
    }

    /** Runs work with JDBI, translating connection failures. SQL errors of the work itself pass through. */
    public <T> T withHandle(org.jdbi.v3.core.HandleCallback<T, RuntimeException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                throw new DatabaseUnavailableException("lost the connection to " + settings.redacted()
                        + " (" + rootMessage(e) + "); Strata reconnects by itself, try again shortly", e);
            }
            throw e;
        }
    }

    /** True for the SQLSTATE classes that mean the connection, not the statement, failed. */
    public static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03"))) {
                    return true;
                }
            }
        }
        return false;
    }

    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return ConnectionSettings.redactUrl(message.lines().findFirst().orElse(message));
    }

    @Override
    public void close() {
        pool.close();
    }
}
