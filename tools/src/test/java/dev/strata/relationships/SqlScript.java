package dev.strata.relationships;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a SQL script the way psql would for the scripts real projects publish: plain statements, and the
 * {@code COPY … FROM stdin} blocks of pg_dump output (data lines up to {@code \.}), on one connection so session
 * settings such as {@code search_path} carry over.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /** Runs the whole script; a failing chunk fails the run. */
    public static void run(Connection c, String script) throws SQLException {
        run(c, script, false);
    }

    /**
     * @param skipFailures when true, runs statement by statement and skips the ones PostgreSQL refuses (for
     *                     schemas written for extensions or versions this server lacks); returns what failed
     */
    public static List<String> run(Connection c, String script, boolean skipFailures) throws SQLException {
        List<String> failed = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("COPY ") && line.contains("FROM stdin")) {
                flush(c, chunk, skipFailures, failed);
                StringBuilder data = new StringBuilder();
                for (i++; i < lines.length && !lines[i].equals("\\."); i++) data.append(lines[i]).append('\n');
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                try {
                    copy.copyIn(line.substring(0, line.lastIndexOf(';')), new StringReader(data.toString()));
                } catch (java.io.IOException e) {
                    throw new SQLException(e);
                }
            } else if (line.startsWith("\\")) {
                // psql meta-commands (\connect, \set …) mean nothing here
                continue;
            } else {
                chunk.append(line).append('\n');
            }
        }
        flush(c, chunk, skipFailures, failed);
        return failed;
    }

    private static void flush(Connection c, StringBuilder chunk, boolean skipFailures, List<String> failed)
            throws SQLException {
        String sql = chunk.toString();
        chunk.setLength(0);
        if (sql.isBlank()) return;
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            return;
        } catch (SQLException e) {
            if (!skipFailures) throw e;
            // the implicit transaction of the multi-statement query rolled back: go statement by statement
        }
        for (String statement : dev.strata.sql.StatementSplitter.split(sql).stream()
                .map(s -> s.text()).toList()) {
            if (statement.isBlank()) continue;
            try (Statement st = c.createStatement()) {
                st.execute(statement);
            } catch (SQLException e) {
                failed.add(statement.strip().lines().findFirst().orElse("") + " — " + e.getMessage().lines()
                        .findFirst().orElse(""));
            }
        }
    }
}
