package dev.strata.migration;

/** PostgreSQL's table lock modes, weakest first; the names are what {@code pg_locks} shows. */
public enum LockMode {
    NONE("none"),
    ACCESS_SHARE("ACCESS SHARE"),
    ROW_SHARE("ROW SHARE"),
    ROW_EXCLUSIVE("ROW EXCLUSIVE"),
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE"),
    SHARE("SHARE"),
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE"),
    EXCLUSIVE("EXCLUSIVE"),
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE");

    private final String sql;

    LockMode(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
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
