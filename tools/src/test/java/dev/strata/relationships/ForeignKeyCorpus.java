package dev.strata.relationships;

import tools.jackson.databind.JsonNode;
import dev.strata.Corpora;
import dev.strata.ScratchSchemas;
import dev.strata.db.Database;
import dev.strata.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Real schemas that declare their foreign keys, for the foreign-key discovery benchmark: each is loaded into a
 * fresh database (with its rows, or without), its declared keys are recorded as the truth and dropped, and
 * what Strata infers is scored against them. The schemas come from {@code ../shared/corpora} (never copied into
 * this repository) or from a folder given with {@code -Dbench.fk.extra=DIR} (one sub-folder per schema, its
 * {@code .sql} files applied in name order, statements PostgreSQL refuses skipped).
 */
public final class ForeignKeyCorpus {

    /** One schema: its scripts in order, and whether its rows are part of it. */
    public record Schema(String id, String origin, boolean hasData, List<String> scripts, boolean lenient) {
    }

    /** A declared foreign key, as the truth the inference is scored against. */
    public record Reference(String fromTable, List<String> fromColumns, String toTable, List<String> toColumns) {
        @Override
        public String toString() {
            return fromTable + fromColumns + " → " + toTable + toColumns;
        }
    }

    /** A schema loaded with its declared keys dropped; {@code truth} holds what they were. */
    public record Loaded(Schema schema, boolean withData, Database database, Set<Reference> truth,
                         List<String> skipped) {
    }

    private ForeignKeyCorpus() {
    }

    /** pagila and clubdata (with rows), TPC-H (without) from real-queries.json; Chinook in both spellings. */
    public static List<Schema> shared() {
        Path root = Corpora.require("real-queries.json").getParent();
        List<Schema> out = new ArrayList<>();
        JsonNode cases = read(root.resolve("real-queries.json")).get("cases");
        for (JsonNode c : cases) {
            String id = c.get("id").asString();
            String name = switch (id) {
                case "pgexercises" -> "clubdata";
                case "pagila-hw" -> "pagila";
                case "tpch" -> "tpch";
                default -> id.startsWith("sqlc-examples/") ? "sqlc-" + id.substring(id.lastIndexOf('/') + 1) : null;
            };
            if (name == null) continue;
            List<String> scripts = new ArrayList<>();
            for (JsonNode s : c.get("setup")) {
                String file = s.get("name").asString();
                if (file.contains("function") || file.contains("(view)")) continue;
                scripts.add(s.get("sql").asString());
            }
            boolean data = scripts.stream().anyMatch(s -> s.contains("FROM stdin") || s.contains("INSERT INTO"));
            out.add(new Schema(name, c.get("origin").asString(), data, scripts, true));
        }
        Path chinook = root.resolve("chinook");
        if (Files.isDirectory(chinook)) {
            out.add(new Schema("chinook-camelcase", "lerocha/chinook-database", true,
                    List.of(text(chinook.resolve("chinook-camelcase.sql"))), false));
            out.add(new Schema("chinook-snake", "lerocha/chinook-database", true,
                    List.of(text(chinook.resolve("chinook-snake.sql"))), false));
        }
        Path lemmy = root.resolve("migrations/lemmy");
        if (Files.isDirectory(lemmy)) {
            try (Stream<Path> files = Files.list(lemmy)) {
                List<String> scripts = files.filter(p -> p.toString().endsWith(".sql")).sorted()
                        .map(ForeignKeyCorpus::text).toList();
                out.add(new Schema("lemmy", "LemmyNet/lemmy migrations", false, scripts, true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Schemas of {@code -Dbench.fk.extra=DIR}: one sub-folder each, .sql files in name order. */
    public static List<Schema> extra() {
        String dir = System.getProperty("bench.fk.extra");
        if (dir == null || dir.isBlank()) return List.of();
        List<Schema> out = new ArrayList<>();
        try (Stream<Path> folders = Files.list(Path.of(dir))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    List<String> scripts = files.filter(p -> p.toString().endsWith(".sql")).sorted()
                            .map(ForeignKeyCorpus::text).toList();
                    boolean data = scripts.stream().anyMatch(s -> s.contains("FROM stdin")
                            || s.contains("INSERT INTO"));
                    out.add(new Schema(folder.getFileName().toString(), folder.toString(), data, scripts, true));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Loads a schema into database {@code fk_<id>[_nodata]}, records and drops its foreign keys. Without data,
     * every table is emptied and its statistics removed, so only names, types and keys remain.
     */
    public static Loaded load(Schema schema, boolean withData) {
        return load(schema, withData, false);
    }

    /** Like {@link #load(Schema, boolean)}; with {@code keepKeys} the declared keys stay (truth still recorded). */
    public static Loaded load(Schema schema, boolean withData, boolean keepKeys) {
        String db = ("fk_" + schema.id() + (withData ? "" : "_nodata") + (keepKeys ? "_keys" : ""))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        Database database = ScratchSchemas.create(db, null);
        List<String> skipped = new ArrayList<>();
        try (Connection c = database.connection()) {
            c.setAutoCommit(true);
            for (String script : schema.scripts()) {
                if (!withData && schema.hasData() && isDataOnly(script)) continue;
                skipped.addAll(SqlScript.run(c, script, schema.lenient()));
            }
            try (Statement st = c.createStatement()) {
                st.execute("RESET search_path");
            }
            Set<Reference> truth = declared(c);
            if (!keepKeys) dropForeignKeys(c);
            try (Statement st = c.createStatement()) {
                if (!withData) {
                    st.execute("DO $$ DECLARE r record; BEGIN FOR r IN SELECT c.oid::regclass AS t FROM pg_class c "
                            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p') AND "
                            + "n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
                            + "LOOP EXECUTE 'TRUNCATE ' || r.t || ' CASCADE'; END LOOP; END $$");
                    st.execute("DELETE FROM pg_catalog.pg_statistic WHERE starelid IN (SELECT c.oid FROM pg_class c "
                            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN "
                            + "('pg_catalog','information_schema'))");
                } else {
                    st.execute("ANALYZE");
                }
            }
            return new Loaded(schema, withData, database, truth, skipped);
        } catch (SQLException e) {
            throw new IllegalStateException("loading " + schema.id() + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean isDataOnly(String script) {
        return !script.contains("CREATE TABLE") && (script.contains("FROM stdin") || script.contains("INSERT INTO"));
    }

    /**
     * Every foreign key of the user schemas, once (not the copies partitions inherit). A key declared on the
     * partitions of a table (pagila's payment_p2007_* each reference customer) is the partitioned table's
     * reference too: inference looks at the partitioned table only.
     */
    static Set<Reference> declared(Connection c) throws SQLException {
        String sql = """
                SELECT sn.nspname || '.' || s.relname,
                       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[],
                       tn.nspname || '.' || t.relname,
                       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[]
                FROM pg_constraint con
                JOIN pg_class s ON s.oid = con.conrelid JOIN pg_namespace sn ON sn.oid = s.relnamespace
                JOIN pg_class t ON t.oid = con.confrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
                WHERE con.contype = 'f' AND con.conparentid = 0 AND NOT s.relispartition
                """;
        Set<Reference> out = new LinkedHashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new Reference(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()),
                        rs.getString(3), List.of((String[]) rs.getArray(4).getArray())));
            }
        }
        String lifted = """
                SELECT pn.nspname || '.' || p.relname,
                       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[],
                       tn.nspname || '.' || t.relname,
                       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[]
                FROM pg_constraint con
                JOIN pg_class s ON s.oid = con.conrelid
                JOIN pg_inherits inh ON inh.inhrelid = s.oid
                JOIN pg_class p ON p.oid = inh.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
                JOIN pg_class t ON t.oid = con.confrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
                WHERE con.contype = 'f' AND con.conparentid = 0 AND s.relispartition
                """;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(lifted)) {
            while (rs.next()) {
                out.add(new Reference(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()),
                        rs.getString(3), List.of((String[]) rs.getArray(4).getArray())));
            }
        }
        return out;
    }

    private static void dropForeignKeys(Connection c) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', con.conrelid::regclass, con.conname) "
                        + "FROM pg_constraint con JOIN pg_class s ON s.oid = con.conrelid "
                        + "WHERE con.contype = 'f' AND con.conparentid = 0")) {
            while (rs.next()) drops.add(rs.getString(1));
        }
        try (Statement st = c.createStatement()) {
            for (String d : drops) st.execute(d);
        }
    }

    private static JsonNode read(Path p) {
        return Json.MAPPER.readTree(p.toFile());
    }

    static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema by id from the shared corpora, or the test is skipped. */
    public static Schema sharedSchema(String id) {
        Optional<Schema> s = shared().stream().filter(x -> x.id().equals(id)).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(s.isPresent(), "corpus schema " + id + " not found; skipped");
        return s.get();
    }
}
