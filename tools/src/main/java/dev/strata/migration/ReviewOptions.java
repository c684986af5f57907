package dev.strata.migration;

/**
 * Per-run options: the PostgreSQL major version to judge for (null: the server's, or the newest Strata knows
 * without a database) and whether each file runs inside a transaction the migration tool opens
 * ({@code --assume-in-transaction}, e.g. Flyway's and Rails' default). By default several files are one ordered
 * history (a table created by one is new to the next); {@code independentFiles} reviews each file on its own.
 */
public record ReviewOptions(Integer pgVersion, boolean assumeInTransaction, boolean independentFiles) {

    public static final ReviewOptions DEFAULT = new ReviewOptions(null, false, false);

    public ReviewOptions(Integer pgVersion, boolean assumeInTransaction) {
        this(pgVersion, assumeInTransaction, false);
    }

    /** The newest major version whose lock behaviour Strata's rules describe. */
    public static final int NEWEST_KNOWN_VERSION = 17;
}
