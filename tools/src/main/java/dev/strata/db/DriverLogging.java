package dev.strata.db;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps pgjdbc quiet and predictable. Its java.util.logging lines go straight to stderr, outside Strata's own
 * one-line messages, and may quote connection details (pgjdbc once printed a URL holding part of a password):
 * they are switched off. pgjdbc also reads {@code ~/.pgpass} by itself when no password is given, without libpq's
 * permission check; Strata reads the password file itself ({@link PgPassFile}), so pgjdbc's lookup is pointed at
 * a file that does not exist.
 */
final class DriverLogging {

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger PGJDBC = Logger.getLogger("org.postgresql");

    private DriverLogging() {
    }

    static synchronized void silence() {
        PGJDBC.setLevel(Level.OFF);
        PGJDBC.setUseParentHandlers(false);
        System.setProperty("org.postgresql.pgpassfile", "/nonexistent/strata-reads-the-password-file-itself");
    }
}
