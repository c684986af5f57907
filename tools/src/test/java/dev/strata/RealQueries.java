package dev.strata;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real-world query corpus {@code ../shared/corpora/real-queries.json}: schemas written by others (setup SQL in
 * order, pg_dump data included) and the queries PostgreSQL accepts on them. Each schema is loaded once per test
 * JVM into its own scratch database on the shared embedded server. Nothing of the corpus is copied into the
 * repository; tests that use it are skipped where it is absent.
 */
public final class RealQueries {

    /** One query of the corpus: its schema's id, its name, its SQL and whether running it changed nothing. */
    public record Query(String schema, String name, String sql, boolean readOnly) {
        /** Stable, unique within the corpus: schema id and query name. */
        public String id() {
            return schema + " :: " + name;
        }
    }

    /** One schema: its setup scripts (in order) and its queries. */
    public record Schema(String id, List<String> setup, List<Query> queries) {
        /** A database name PostgreSQL accepts unquoted. */
        public String databaseName() {
            return "rq_" + id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        }
    }

    private static List<Schema> schemas;
    private static final Map<String, Database> LOADED = new ConcurrentHashMap<>();

    private RealQueries() {
    }

    /** The corpus, or skips the calling test when it is absent. */
    public static synchronized List<Schema> schemas() {
        Path file = Corpora.require("real-queries.json");
        if (schemas == null) {
            try {
                JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
                List<Schema> out = new ArrayList<>();
                for (JsonNode c : root.get("cases")) {
                    List<String> setup = new ArrayList<>();
                    for (JsonNode s : c.get("setup")) setup.add(s.get("sql").asText());
                    List<Query> queries = new ArrayList<>();
                    for (JsonNode q : c.get("queries")) {
                        queries.add(new Query(c.get("id").asText(), q.get("name").asText(), q.get("sql").asText(),
                                q.get("read_only").asBoolean()));
                    }
                    out.add(new Schema(c.get("id").asText(), List.copyOf(setup), List.copyOf(queries)));
                }
                schemas = List.copyOf(out);
            } catch (RuntimeException e) {
                throw new IllegalStateException("could not read real-queries.json: " + e.getMessage(), e);
            }
        }
        return schemas;
    }

    public static Schema schema(String id) {
        return schemas().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no schema " + id + " in real-queries.json"));
    }

    /**
     * The schema loaded into its own database on the shared embedded server (once per JVM), and a pool on it.
     * The pool stays open for the JVM's life, like the demo database's.
     */
    public static Database database(Schema schema) {
        return LOADED.computeIfAbsent(schema.id(), id -> {
            DemoDatabase server = DemoDatabase.shared();
            String db = schema.databaseName();
            server.execute("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            server.execute("postgres", "CREATE DATABASE " + db);
            String url = "jdbc:postgresql://localhost:" + server.port() + "/" + db + "?user=postgres";
            try {
                // One session per script, as psql -f runs them: a pg_dump script empties search_path for itself.
                for (String script : schema.setup()) {
                    try (Connection c = DriverManager.getConnection(url)) {
                        load(c, script);
                    }
                }
                try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                    st.execute("ANALYZE");
                }
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("could not load " + schema.id() + ": " + e.getMessage(), e);
            }
            return Database.connect(ConnectionSettings.parse("postgres://postgres@localhost:" + server.port() + "/"
                    + db));
        });
    }

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?im)^COPY\\s[^;]*\\sFROM\\s+stdin;\\s*$");

    /** Runs a pg_dump-style script: SQL through the driver, {@code COPY … FROM stdin} data through the COPY API. */
    static void load(Connection c, String script) throws SQLException, IOException {
        Matcher m = COPY_FROM_STDIN.matcher(script);
        int at = 0;
        while (m.find(at)) {
            execute(c, script.substring(at, m.start()));
            int dataStart = script.indexOf('\n', m.end() - 1) + 1;
            int end = script.indexOf("\n\\.", dataStart - 1);
            if (end < 0) throw new IllegalStateException("COPY data without its terminating \\. line");
            String data = end < dataStart ? "" : script.substring(dataStart, end + 1);
            String copy = m.group().strip();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy.substring(0, copy.length() - 1),
                    new StringReader(data));
            int next = script.indexOf('\n', end + 1);
            at = next < 0 ? script.length() : next + 1;
        }
        execute(c, script.substring(at));
    }

    /** Database-level settings name the source's own database; the scratch database has another name. */
    private static final Pattern ALTER_DATABASE = Pattern.compile("(?im)^\\s*ALTER\\s+DATABASE\\s[^;]*;");

    /** A setting pg_dump 17 writes that older servers do not know (the benchmarks run PostgreSQL 15). */
    private static final Pattern NEWER_SETTINGS = Pattern.compile("(?im)^SET\\s+transaction_timeout\\s*=[^;]*;");

    private static void execute(Connection c, String sql) throws SQLException {
        sql = ALTER_DATABASE.matcher(sql).replaceAll("");
        sql = NEWER_SETTINGS.matcher(sql).replaceAll("");
        if (sql.isBlank()) return;
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
