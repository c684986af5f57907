package dev.strata.schema;

import dev.strata.db.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A cheap fingerprint of the user-visible catalog, polled to notice schema changes. Every DDL statement writes
 * new row versions into the catalogs it changes, so the count and the sum of {@code xmin} over user objects
 * ({@code oid >= 16384}, FirstNormalObjectId) change with it; ANALYZE and VACUUM update {@code pg_class} in
 * place (same {@code xmin}) and do not. One read-only query over indexes PostgreSQL keeps hot anyway — no
 * event trigger (which would need a superuser) and no full catalog load.
 */
public final class CatalogFingerprint {

    private static final String[][] CATALOGS = {
            {"pg_namespace", "oid"}, {"pg_class", "oid"}, {"pg_attribute", "attrelid"}, {"pg_constraint", "oid"},
            {"pg_index", "indexrelid"}, {"pg_description", "objoid"}, {"pg_rewrite", "oid"}, {"pg_trigger", "oid"},
            {"pg_enum", "enumtypid"}, {"pg_attrdef", "oid"}};

    private static final String QUERY;

    static {
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int i = 0; i < CATALOGS.length; i++) {
            if (i > 0) sb.append(" || '|' || ");
            sb.append("(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM pg_catalog.")
                    .append(CATALOGS[i][0]).append(" WHERE ").append(CATALOGS[i][1]).append(" >= 16384")
                    .append(CATALOGS[i][0].equals("pg_attribute") ? " AND attnum > 0" : "").append(')');
        }
        QUERY = sb.toString();
    }

    private CatalogFingerprint() {
    }

    public static String read(Database database) throws SQLException {
        try (Connection c = database.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(QUERY)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
