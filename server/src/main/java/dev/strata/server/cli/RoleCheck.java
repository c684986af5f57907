package dev.strata.server.cli;

import dev.strata.db.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Start-up warning when Strata connects with more power than it needs: a superuser, or a role that may read
 * server files or run server programs. The guardrail refuses such calls, but defence in depth starts with a role
 * that cannot make them (the README shows how to create one).
 */
final class RoleCheck {

    private RoleCheck() {
    }

    static void warnIfPrivileged(Database database, boolean allowWrites) {
        String sql = """
                SELECT current_user, r.rolsuper,
                       pg_has_role(current_user, 'pg_read_server_files', 'MEMBER'),
                       pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER'),
                       pg_has_role(current_user, 'pg_write_server_files', 'MEMBER')
                FROM pg_roles r WHERE r.rolname = current_user
                """;
        try (Connection c = database.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) return;
            StringBuilder powers = new StringBuilder();
            if (rs.getBoolean(2)) powers.append("is a superuser");
            if (rs.getBoolean(3)) append(powers, "can read server files (pg_read_server_files)");
            if (rs.getBoolean(4)) append(powers, "can run server programs (pg_execute_server_program)");
            if (rs.getBoolean(5)) append(powers, "can write server files (pg_write_server_files)");
            if (powers.length() > 0) {
                System.err.println("strata: warning: role " + rs.getString(1) + " " + powers + "; connect with a "
                        + "read-only role instead (README: 'A read-only role')"
                        + (allowWrites ? "; --allow-writes is on" : ""));
            }
        } catch (Exception e) {
            // The warning is advice; failing to compute it must not stop the server.
        }
    }

    private static void append(StringBuilder sb, String text) {
        if (sb.length() > 0) sb.append(", ");
        sb.append(text);
    }
}
