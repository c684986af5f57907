package dev.strata.guardrail;

import dev.strata.db.Database;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * PostgreSQL's own parser, through the extended protocol's Parse and Describe: the statement is analysed, never
 * executed, inside a read-only transaction that is rolled back. Only asked for the few statements Strata's parser
 * cannot read, and only once the lexer has proved there is exactly one statement.
 */
public final class PgParseCheck implements ParseCheck {

    private final Database database;

    public PgParseCheck(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Error> check(String statement) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                c.setReadOnly(true);
                try (PreparedStatement ps = c.prepareStatement(statement)) {
                    ps.getMetaData();
                    ps.getParameterMetaData();
                }
                return Optional.empty();
            } catch (PSQLException e) {
                ServerErrorMessage server = e.getServerErrorMessage();
                String message = server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
                int position = server == null ? 0 : server.getPosition();
                return Optional.of(new Error(message + (e.getSQLState() == null ? "" : " (SQLSTATE "
                        + e.getSQLState() + ")"), position));
            } finally {
                try {
                    c.rollback();
                    c.setReadOnly(false);
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the pool replaces a broken connection
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL could not be asked: " + Database.rootMessage(e), e);
        }
    }
}
