package dev.strata.bench;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.CatalogLoader;
import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.schema.SchemaExplorer;
import dev.strata.schema.SchemaKnowledge;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Catalog load on a generated schema of 5,000 tables × 20 columns (a foreign key, comments and two indexes per
 * table), against {@code pg_dump --schema-only} of the same database in the same run. Run with
 * {@code mvn -q -pl tools test-compile exec:java -Pbench}; prints the figures BENCHMARKS.md records.
 * The bench profile runs PostgreSQL 15 so that the machine's pg_dump (15) can read it.
 */
public final class CatalogBenchmark {

    static final int TABLES = Integer.getInteger("bench.tables", 5000);
    static final int RUNS = Integer.getInteger("bench.runs", 7);

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("max_locks_per_transaction", "1024").start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE bench");
            }
            String url = "postgres://postgres@localhost:" + pg.getPort() + "/bench";
            long t0 = System.nanoTime();
            try (Connection c = pg.getDatabase("postgres", "bench").getConnection(); Statement st = c.createStatement()) {
                st.execute(generator(TABLES));
                st.execute("ANALYZE");
            }
            System.out.printf(Locale.ROOT, "generated %d tables x 20 columns in %.1f s%n", TABLES,
                    (System.nanoTime() - t0) / 1e9);

            try (Database db = Database.connect(ConnectionSettings.parse(url))) {
                CatalogLoader loader = new CatalogLoader(List.of());
                for (int i = 0; i < 3; i++) loader.load(db); // JIT warm-up
                List<Double> loads = new ArrayList<>();
                Catalog catalog = null;
                for (int i = 0; i < RUNS; i++) {
                    long s = System.nanoTime();
                    catalog = loader.load(db);
                    loads.add((System.nanoTime() - s) / 1e6);
                }
                System.out.printf(Locale.ROOT, "catalog load: median %.0f ms (min %.0f, max %.0f) over %d runs, %d relations, %d columns%n",
                        median(loads), Collections.min(loads), Collections.max(loads), RUNS, catalog.size(),
                        catalog.relations().stream().mapToInt(r -> r.columns().size()).sum());

                long cold = System.nanoTime();
                SchemaKnowledge knowledge = SchemaKnowledge.load(db, List.of());
                System.out.printf(Locale.ROOT, "catalog + relationship graph + soft-delete stats: %.0f ms, %d edges%n",
                        (System.nanoTime() - cold) / 1e6, knowledge.graph().edges().size());

                SchemaExplorer explorer = new SchemaExplorer(() -> knowledge);
                for (int i = 0; i < 2000; i++) explorer.describeTable("t" + (i % TABLES));
                List<Double> describes = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    long s = System.nanoTime();
                    explorer.describeTable("t" + ((i * 7) % TABLES));
                    describes.add((System.nanoTime() - s) / 1e6);
                }
                System.out.printf(Locale.ROOT, "describe_table in process: median %.3f ms, p99 %.3f ms%n",
                        median(describes), percentile(describes, 0.99));

                // the schema watcher's poll: one fingerprint query, compared with the previous one
                for (int i = 0; i < 5; i++) dev.strata.schema.CatalogFingerprint.read(db);
                List<Double> prints = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    long s = System.nanoTime();
                    dev.strata.schema.CatalogFingerprint.read(db);
                    prints.add((System.nanoTime() - s) / 1e6);
                }
                System.out.printf(Locale.ROOT, "schema watcher fingerprint: median %.1f ms, max %.1f ms (every 30 s by "
                        + "default: %.3f %% of one core)%n", median(prints), Collections.max(prints),
                        median(prints) / 30_000 * 100);

                System.gc();
                Thread.sleep(200);
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf(Locale.ROOT, "heap used with the knowledge loaded (after GC): %d MB%n", heap >> 20);
                if (knowledge.catalog().size() == 0) throw new IllegalStateException();
            }

            File pgDump = findPgDump();
            if (pgDump == null) {
                System.out.println("pg_dump: not found on PATH, skipped");
                return;
            }
            List<Double> dumps = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long s = System.nanoTime();
                Process p = new ProcessBuilder(pgDump.getPath(), "--schema-only", "-h", "localhost", "-p",
                        String.valueOf(pg.getPort()), "-U", "postgres", "-f", "/dev/null", "bench")
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    System.out.println("pg_dump failed: " + out.strip());
                    return;
                }
                dumps.add((System.nanoTime() - s) / 1e6);
            }
            System.out.printf(Locale.ROOT, "pg_dump --schema-only: median %.0f ms over 3 runs%n", median(dumps));
        }
    }

    static File findPgDump() {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            File f = new File(dir, "pg_dump");
            if (f.canExecute()) return f;
        }
        return null;
    }

    /** One DO block: table t{i} has 20 columns, a foreign key to t{i-1}, comments and two indexes. */
    static String generator(int tables) {
        return """
                DO $$
                BEGIN
                  FOR i IN 0..%d LOOP
                    EXECUTE format('CREATE TABLE t%%s (id bigint PRIMARY KEY, parent_id bigint %%s, code text NOT NULL,
                      name varchar(80), amount numeric(12,2), qty integer DEFAULT 0, created_at timestamptz DEFAULT now(),
                      updated_at timestamptz, flag boolean NOT NULL DEFAULT false, status smallint, ref uuid,
                      note text, c12 text, c13 integer, c14 bigint, c15 date, c16 jsonb, c17 text, c18 real,
                      c19 text CHECK (c19 <> ''''))', i,
                      CASE WHEN i > 0 THEN format('REFERENCES t%%s(id)', i - 1) ELSE '' END);
                    EXECUTE format('COMMENT ON TABLE t%%s IS ''Generated table number %%s''', i, i);
                    EXECUTE format('COMMENT ON COLUMN t%%s.code IS ''Business code''', i);
                    EXECUTE format('CREATE INDEX t%%s_parent ON t%%s (parent_id)', i, i);
                    EXECUTE format('CREATE UNIQUE INDEX t%%s_code ON t%%s (code)', i, i);
                  END LOOP;
                END $$;
                """.formatted(tables - 1);
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
