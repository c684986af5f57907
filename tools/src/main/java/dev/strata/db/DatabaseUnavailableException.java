package dev.strata.db;

/** The database cannot be reached; the message is safe to show (no password) and says what to do. */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
