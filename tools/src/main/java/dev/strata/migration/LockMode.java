package dev.strata.migration;

/**
 * PostgreSQL's table lock modes, weakest first, by their SQL names ({@code LOCK TABLE … IN … MODE}); {@link #pgLocks()}
 * is the spelling {@code pg_locks.mode} shows.
 */
public enum LockMode {
    NONE("none", null),
    ACCESS_SHARE("ACCESS SHARE", "AccessShareLock"),
    ROW_SHARE("ROW SHARE", "RowShareLock"),
    ROW_EXCLUSIVE("ROW EXCLUSIVE", "RowExclusiveLock"),
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE", "ShareUpdateExclusiveLock"),
    SHARE("SHARE", "ShareLock"),
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE", "ShareRowExclusiveLock"),
    EXCLUSIVE("EXCLUSIVE", "ExclusiveLock"),
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", "AccessExclusiveLock");

    private final String sql;
    private final String pgLocks;

    LockMode(String sql, String pgLocks) {
        this.sql = sql;
        this.pgLocks = pgLocks;
    }

    public String sql() {
        return sql;
    }

    /** The mode as {@code pg_locks.mode} names it, e.g. {@code AccessExclusiveLock}. */
    public String pgLocks() {
        return pgLocks;
    }

    /** The mode of a {@code pg_locks.mode} value, or null for a mode that is not a table lock mode. */
    public static LockMode fromPgLocks(String mode) {
        for (LockMode m : values()) {
            if (mode != null && mode.equals(m.pgLocks)) return m;
        }
        return null;
    }

    /** Whether the lock stops concurrent INSERT/UPDATE/DELETE (ROW EXCLUSIVE conflicts with it). */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    /** Whether the lock stops plain SELECTs too. */
    public boolean blocksReads() {
        return this == ACCESS_EXCLUSIVE;
    }

    public static LockMode max(LockMode a, LockMode b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Parses the mode of {@code LOCK TABLE … IN <mode> MODE}. */
    public static LockMode parse(String words) {
        for (LockMode m : values()) {
            if (m.sql.equalsIgnoreCase(words.trim())) return m;
        }
        return ACCESS_EXCLUSIVE;
    }

    @Override
    public String toString() {
        return sql;
    }
}
