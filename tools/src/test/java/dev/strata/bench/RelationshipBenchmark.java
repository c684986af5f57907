package dev.strata.bench;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.CatalogLoader;
import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.relationships.RelationshipGraph;
import dev.strata.relationships.ReferenceVerifier;
import dev.strata.relationships.TypeValueSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The relationship graph on 5,000 tables with rows: how long names and types take (the part that blocks nothing),
 * and what the data checks do within their budget. Then a hostile schema: 10,000 key-less tables whose columns are
 * all called {@code id} or {@code x_id}, some unreadable. Run with
 * {@code mvn -q -pl tools -Pbench test-compile exec:java -Dbench.main=dev.strata.bench.RelationshipBenchmark}
 * ({@code -Dbench.tables=5000}, {@code -Dbench.hostile=10000}).
 */
public final class RelationshipBenchmark {

    static final int TABLES = Integer.getInteger("bench.tables", 5000);
    static final int HOSTILE = Integer.getInteger("bench.hostile", 10000);
    static final int RUNS = Integer.getInteger("bench.runs", 5);

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("max_locks_per_transaction", "4096").start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE rel");
                st.execute("CREATE DATABASE hostile");
            }
            long t0 = System.nanoTime();
            try (Connection c = pg.getDatabase("postgres", "rel").getConnection(); Statement st = c.createStatement()) {
                st.execute(generator(TABLES));
                st.execute("ANALYZE");
            }
            System.out.printf(Locale.ROOT, "generated %d tables with rows and undeclared references in %.1f s%n",
                    TABLES, (System.nanoTime() - t0) / 1e9);
            try (Database db = Database.connect(ConnectionSettings.parse("postgres://postgres@localhost:"
                    + pg.getPort() + "/rel"))) {
                measure(db, "5,000 tables");
            }

            t0 = System.nanoTime();
            try (Connection c = pg.getDatabase("postgres", "hostile").getConnection();
                 Statement st = c.createStatement()) {
                st.execute(hostile(HOSTILE));
                st.execute("ANALYZE");
            }
            System.out.printf(Locale.ROOT, "%ngenerated %d hostile tables in %.1f s%n", HOSTILE,
                    (System.nanoTime() - t0) / 1e9);
            try (Database db = Database.connect(ConnectionSettings.parse("postgres://reader@localhost:"
                    + pg.getPort() + "/hostile"))) {
                measure(db, "hostile");
            }
        }
        System.exit(0);
    }

    private static void measure(Database db, String label) {
        Catalog catalog = new CatalogLoader(List.of()).load(db);
        TypeValueSource none = (s, t, c) -> TypeValueSource.ObservedValues.none();
        for (int i = 0; i < 2; i++) RelationshipGraph.build(catalog, none); // JIT warm-up
        List<Double> names = new ArrayList<>();
        RelationshipGraph graph = null;
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            graph = RelationshipGraph.build(catalog, none);
            names.add((System.nanoTime() - s) / 1e6);
        }
        long inferred = graph.edges().stream().filter(e -> e.kind() == dev.strata.relationships.EdgeKind.INFERRED)
                .count();
        System.out.printf(Locale.ROOT, "%s: %d relations, %d columns; graph from names and types: median %.0f ms "
                        + "(min %.0f, max %.0f, %d runs), %d edges, %d inferred%n", label, catalog.size(),
                catalog.relations().stream().mapToInt(r -> r.columns().size()).sum(), median(names),
                Collections.min(names), Collections.max(names), RUNS, graph.edges().size(), inferred);
        for (long budget : new long[]{1000, 3000}) {
            long s = System.nanoTime();
            RelationshipGraph checked = RelationshipGraph.build(catalog, new dev.strata.relationships.PgTypeValues(db),
                    new ReferenceVerifier(db, new ReferenceVerifier.Budget(Duration.ofMillis(budget),
                            Duration.ofMillis(500), 2000)));
            double ms = (System.nanoTime() - s) / 1e6;
            System.out.printf(Locale.ROOT, "%s: with data checks (budget %d ms): %.0f ms in all; %s%n", label, budget,
                    ms, checked.verification().describe());
        }
    }

    /**
     * Table e{i}: id, name, three undeclared references to earlier tables by name (e{j}_id), a status, a
     * timestamp; 40 rows each whose references exist.
     */
    static String generator(int tables) {
        return """
                DO $$
                BEGIN
                  FOR i IN 0..%d LOOP
                    EXECUTE format('CREATE TABLE e%%s (id bigint PRIMARY KEY, name text, %%s status int,
                      created_at timestamptz DEFAULT now(), note text)', i,
                      CASE WHEN i >= 3 THEN format('e%%s_id bigint, e%%s_id bigint, e%%s_id bigint,', i - 1, i - 2, i - 3)
                      ELSE '' END);
                    IF i >= 3 THEN
                      EXECUTE format('INSERT INTO e%%s SELECT g, ''n'' || g, 1 + g %%%% 40, 1 + g %%%% 40, 1 + g %%%% 40, 1
                        FROM generate_series(1, 40) g', i);
                    ELSE
                      EXECUTE format('INSERT INTO e%%s SELECT g, ''n'' || g, 1 FROM generate_series(1, 40) g', i);
                    END IF;
                  END LOOP;
                END $$;
                """.formatted(tables - 1);
    }

    /**
     * 10,000 tables with no keys, every column called id or x_id (all type-compatible with each other), and a role
     * that may read only one table in ten.
     */
    static String hostile(int tables) {
        return """
                CREATE ROLE reader LOGIN;
                DO $$
                BEGIN
                  FOR i IN 0..%d LOOP
                    EXECUTE format('CREATE TABLE h%%s (id bigint, x_id bigint, parent_id bigint, h%%s_id bigint)', i,
                      (i + 1) %% %d);
                    IF i %% 10 = 0 THEN EXECUTE format('GRANT SELECT ON h%%s TO reader', i); END IF;
                  END LOOP;
                END $$;
                """.formatted(tables - 1, tables);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
