package dev.strata.db;

/**
 * A connection string or libpq setting that cannot be used. The message is one line that names the part that is
 * wrong (the port, the second host, a URL parameter) and never quotes what the user typed there.
 */
public class ConnectionSettingsException extends IllegalArgumentException {
    public ConnectionSettingsException(String message) {
        super(message);
    }
}
