package dev.strata.bench;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Column;
import dev.strata.catalog.Key;
import dev.strata.catalog.Relation;
import dev.strata.catalog.RelationKind;
import dev.strata.catalog.ServerInfo;
import dev.strata.relationships.RelationshipGraph;
import dev.strata.relationships.TypeValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Times the name-based graph on an in-memory catalog shaped like RelationshipBenchmark's (a profiling aid). */
public final class GraphBuildProbe {
    public static void main(String[] args) {
        List<Relation> rels = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            List<Column> cols = new ArrayList<>();
            cols.add(new Column("id", 1, "bigint", 'N', false, null, null, "", "", null));
            cols.add(new Column("name", 2, "text", 'S', true, null, null, "", "", null));
            if (i >= 3) for (int j = 1; j <= 3; j++) cols.add(new Column("e" + (i - j) + "_id", 2 + j, "bigint", 'N', true, null, null, "", "", null));
            cols.add(new Column("status", 9, "integer", 'N', true, null, null, "", "", null));
            rels.add(new Relation(i, "public", "e" + i, RelationKind.TABLE, null, 40, 8192, false, null, cols,
                    List.of(new Key("e" + i + "_pkey", List.of("id"), true)), List.of(), List.of(), List.of(), List.of()));
        }
        Catalog catalog = new Catalog(new ServerInfo(170000, "17", "db", "u", List.of("public")), rels, Instant.now());
        TypeValueSource none = (s, t, c) -> TypeValueSource.ObservedValues.none();
        for (int i = 0; i < 12; i++) {
            long s = System.nanoTime();
            RelationshipGraph g = RelationshipGraph.build(catalog, none);
            System.out.printf("%.0f ms, %d edges%n", (System.nanoTime() - s) / 1e6, g.edges().size());
        }
        System.exit(0);
    }
}
