package dev.strata.relationships;

import dev.strata.ScratchSchemas;
import dev.strata.db.Database;
import dev.strata.schema.SchemaKnowledge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classes of references real schemas hide, each on a small schema written here with rows: role names,
 * self references, lookup tables, columns named after their table, stems inside table names, table-prefixed
 * keys, one-to-one extensions, composite keys, UNIQUE keys that are not the primary key; and the traps: gid
 * columns next to a redirect table, a work queue keyed like the real table, a side table keyed by the same
 * column, a name the rows refute, type columns that hold MIME types.
 */
class ReferencePatternsTest {

    static SchemaKnowledge knowledge;

    @BeforeAll
    static void load() {
        Database db = ScratchSchemas.create("refpatterns", """
                CREATE TABLE editor (id serial PRIMARY KEY, name text UNIQUE NOT NULL);
                INSERT INTO editor (name) SELECT 'editor' || g FROM generate_series(1, 500) g;
                CREATE TABLE editor_preference (editor_id int PRIMARY KEY, theme text);
                INSERT INTO editor_preference SELECT g, 'dark' FROM generate_series(1, 50) g;

                CREATE TABLE staff (staff_id serial PRIMARY KEY, name text, reports_to int);
                INSERT INTO staff (name, reports_to) SELECT 's' || g, CASE WHEN g > 1 THEN 1 + g % 5 END
                  FROM generate_series(1, 40) g;
                CREATE TABLE store (store_id serial PRIMARY KEY, manager_staff_id int NOT NULL);
                INSERT INTO store (manager_staff_id) SELECT 1 + g % 40 FROM generate_series(1, 10) g;

                CREATE TABLE artist (id serial PRIMARY KEY, gid uuid UNIQUE NOT NULL, name text);
                INSERT INTO artist (gid, name) SELECT md5('a' || g)::uuid, 'artist ' || g FROM generate_series(1, 2000) g;
                CREATE TABLE artist_meta (id int PRIMARY KEY, rating int);
                INSERT INTO artist_meta SELECT g, g % 100 FROM generate_series(1, 2000, 3) g;
                CREATE TABLE artist_gid_redirect (gid uuid PRIMARY KEY, new_id int NOT NULL);
                INSERT INTO artist_gid_redirect SELECT md5('old' || g)::uuid, g FROM generate_series(1, 300) g;
                CREATE TABLE artist_credit (id serial PRIMARY KEY, name text);
                INSERT INTO artist_credit (name) SELECT 'credit ' || g FROM generate_series(1, 3000) g;
                CREATE TABLE release_status (id serial PRIMARY KEY, name text);
                INSERT INTO release_status (name) VALUES ('official'), ('promotion'), ('bootleg'), ('pseudo-release');
                CREATE TABLE release (id serial PRIMARY KEY, gid uuid UNIQUE NOT NULL, name text,
                  artist_credit int NOT NULL, status int);
                INSERT INTO release (gid, name, artist_credit, status)
                  SELECT md5('r' || g)::uuid, 'release ' || g, 1 + (g * 7) % 3000, 1 + g % 4
                  FROM generate_series(1, 5000) g;
                CREATE TABLE medium_format (id serial PRIMARY KEY, name text);
                INSERT INTO medium_format (name) SELECT 'format ' || g FROM generate_series(1, 30) g;
                CREATE TABLE medium (id serial PRIMARY KEY, release int NOT NULL, position int, format int);
                INSERT INTO medium (release, position, format) SELECT 1 + g % 5000, 1, 1 + g % 30
                  FROM generate_series(1, 6000) g;
                CREATE TABLE track (id serial PRIMARY KEY, gid uuid UNIQUE NOT NULL, medium int NOT NULL,
                  position int, length int, name text);
                INSERT INTO track (gid, medium, position, length, name)
                  SELECT md5('t' || g)::uuid, 1 + g % 6000, g % 12, 180000 + g % 1000, 'track ' || g
                  FROM generate_series(1, 20000) g;

                CREATE TABLE edit (id serial PRIMARY KEY, editor int NOT NULL, status int);
                INSERT INTO edit (editor, status) SELECT 1 + g % 500, 1 FROM generate_series(1, 8000) g;
                CREATE TABLE annotation (id serial PRIMARY KEY, author_id int, creator_id int, reported_editor_id int,
                  body text);
                INSERT INTO annotation (author_id, creator_id, reported_editor_id, body)
                  SELECT 1 + g % 500, 1 + (g * 3) % 500, 1 + (g * 7) % 500, 'text' FROM generate_series(1, 3000) g;

                CREATE TABLE events (id serial PRIMARY KEY, event_id bigint UNIQUE NOT NULL, title text);
                INSERT INTO events (event_id, title) SELECT 900000 + g * 13, 'event ' || g FROM generate_series(1, 3000) g;
                CREATE TABLE event_queue (event_id bigint PRIMARY KEY, attempts int);
                INSERT INTO event_queue SELECT 900000 + g * 13, 0 FROM generate_series(1, 100) g;
                CREATE TABLE attendance (id serial PRIMARY KEY, event_id bigint NOT NULL, editor_id int NOT NULL);
                INSERT INTO attendance (event_id, editor_id) SELECT 900000 + (1 + g % 3000) * 13, 1 + g % 500
                  FROM generate_series(1, 10000) g;

                CREATE TABLE current_nodes (id bigserial PRIMARY KEY, version bigint NOT NULL);
                INSERT INTO current_nodes (version) SELECT 1 + g % 3 FROM generate_series(1, 5000) g;
                CREATE TABLE current_ways (id bigserial PRIMARY KEY, version bigint NOT NULL);
                CREATE TABLE current_relations (id bigserial PRIMARY KEY, version bigint NOT NULL);
                CREATE TABLE current_node_tags (node_id bigint NOT NULL, k text NOT NULL, v text,
                  PRIMARY KEY (node_id, k));
                INSERT INTO current_node_tags SELECT 1 + g % 5000, 'k' || (g / 5000), 'v' FROM generate_series(1, 8000) g;
                CREATE TABLE nodes (node_id bigint NOT NULL, version bigint NOT NULL, PRIMARY KEY (node_id, version));
                INSERT INTO nodes SELECT g, v FROM generate_series(1, 3000) g, generate_series(1, 2) v;
                CREATE TABLE node_tags (node_id bigint NOT NULL, version bigint NOT NULL, k text NOT NULL,
                  PRIMARY KEY (node_id, version, k));
                INSERT INTO node_tags SELECT g, 1 + g % 2, 'k' FROM generate_series(1, 3000) g;
                CREATE TYPE nwr_enum AS ENUM ('Node', 'Way', 'Relation');
                CREATE TABLE current_relation_members (relation_id bigint NOT NULL, member_type nwr_enum NOT NULL,
                  member_id bigint NOT NULL, sequence_id int NOT NULL, PRIMARY KEY (relation_id, sequence_id));

                CREATE TABLE region (r_regionkey int PRIMARY KEY, r_name text, r_comment text);
                INSERT INTO region SELECT g, 'r' || g, '' FROM generate_series(0, 4) g;
                CREATE TABLE nation (n_nationkey int PRIMARY KEY, n_name text, n_regionkey int NOT NULL, n_comment text);
                INSERT INTO nation SELECT g, 'n' || g, g % 5, '' FROM generate_series(0, 24) g;
                CREATE TABLE customer (c_custkey int PRIMARY KEY, c_name text, c_nationkey int NOT NULL, c_phone text);
                INSERT INTO customer SELECT g, 'c' || g, g % 25, '' FROM generate_series(1, 1500) g;

                CREATE TABLE media (id serial PRIMARY KEY, url text);
                INSERT INTO media (url) SELECT 'https://x/' || g FROM generate_series(1, 1000) g;
                CREATE TABLE uploads (id serial PRIMARY KEY, media_type text NOT NULL, media_id int NOT NULL);
                INSERT INTO uploads (media_type, media_id)
                  SELECT (ARRAY['image/png', 'image/jpeg', 'video/mp4'])[1 + g % 3], 1 + g % 1000
                  FROM generate_series(1, 4000) g;
                CREATE TABLE taggings (id serial PRIMARY KEY, taggable_type text NOT NULL, taggable_id int NOT NULL);
                INSERT INTO taggings (taggable_type, taggable_id)
                  SELECT (ARRAY['Release', 'Release', 'Track', 'Artist', 'Gadget'])[1 + g % 5], 1 + g % 2000
                  FROM generate_series(1, 5000) g;

                CREATE TABLE ticket (id serial PRIMARY KEY, artist_id int);
                INSERT INTO ticket (artist_id) SELECT 90000 + g FROM generate_series(1, 500) g;
                ANALYZE;
                """);
        knowledge = ScratchSchemas.knowledge(db);
    }

    private static Optional<Edge> inferred(String table, String... columns) {
        return knowledge.graph().edges().stream().filter(e -> e.kind() == EdgeKind.INFERRED
                && e.fromTable().equals("public." + table) && e.fromColumns().equals(List.of(columns))).findFirst();
    }

    private static void references(String table, String column, String target, String targetColumn, double atLeast) {
        Edge e = inferred(table, column).orElseThrow(() -> new AssertionError("no inferred reference from "
                + table + "." + column + "; edges: " + knowledge.graph().edgesOf("public." + table)));
        assertThat(e.toTable()).as("%s.%s: %s", table, column, e.evidence()).isEqualTo("public." + target);
        assertThat(e.toColumns()).as("%s.%s", table, column).containsExactly(targetColumn);
        assertThat(e.confidence()).as("%s.%s: %s", table, column, e.evidence()).isGreaterThanOrEqualTo(atLeast);
        assertThat(e.signals()).as("every edge keeps its evidence").isNotEmpty();
    }

    @Test
    void rolesAndSelfReferences() {
        references("store", "manager_staff_id", "staff", "staff_id", 0.8);
        references("staff", "reports_to", "staff", "staff_id", 0.5);
        references("annotation", "author_id", "editor", "id", 0.5);
        references("annotation", "creator_id", "editor", "id", 0.5);
        references("annotation", "reported_editor_id", "editor", "id", 0.8);
    }

    @Test
    void columnsNamedAfterTablesAndLookupTables() {
        references("release", "artist_credit", "artist_credit", "id", 0.8);
        references("release", "status", "release_status", "id", 0.8);
        references("medium", "format", "medium_format", "id", 0.8);
        references("medium", "release", "release", "id", 0.8);
        references("track", "medium", "medium", "id", 0.8);
        references("edit", "editor", "editor", "id", 0.8);
        assertThat(inferred("edit", "status")).as("no edit_status table").isEmpty();
    }

    @Test
    void uniqueKeysThatAreNotThePrimaryKeyAreTargets() {
        references("attendance", "event_id", "events", "event_id", 0.8);
        references("attendance", "editor_id", "editor", "id", 0.8);
        assertThat(inferred("events", "event_id")).as("a table's own key does not point at the queue").isEmpty();
    }

    @Test
    void redirectTablesDoNotCaptureTheirEntitiesKeys() {
        for (String t : List.of("artist", "release", "track")) {
            assertThat(inferred(t, "gid")).as("%s.gid is its own key", t).isEmpty();
        }
    }

    @Test
    void stemsInsideTableNamesPrefixedKeysExtensionsAndCompositeKeys() {
        references("current_node_tags", "node_id", "current_nodes", "id", 0.8);
        references("nation", "n_regionkey", "region", "r_regionkey", 0.8);
        references("customer", "c_nationkey", "nation", "n_nationkey", 0.8);
        references("artist_meta", "id", "artist", "id", 0.5);
        Edge composite = inferred("node_tags", "node_id", "version").orElseThrow();
        assertThat(composite.toTable()).isEqualTo("public.nodes");
        assertThat(composite.toColumns()).containsExactly("node_id", "version");
        assertThat(inferred("nodes", "node_id")).as("part of the table's own key, naming the table").isEmpty();
    }

    @Test
    void theRowsDecide() {
        assertThat(inferred("ticket", "artist_id")).as("every artist_id is missing from artist").isEmpty();
        assertThat(knowledge.graph().rejected()).anySatisfy(e -> {
            assertThat(e.fromTable()).isEqualTo("public.ticket");
            assertThat(e.dataCheck()).isEqualTo("refuted");
            assertThat(e.evidence()).contains("no match in artist");
        });
        Edge credit = inferred("release", "artist_credit").orElseThrow();
        assertThat(credit.dataCheck()).isIn("confirmed", "consistent");
        assertThat(knowledge.graph().verification().checked()).isGreaterThan(10);
    }

    @Test
    void typeColumnsThatNameNoTableAreNotPolymorphic() {
        var pairs = knowledge.graph().polymorphicPairs();
        assertThat(pairs).noneMatch(p -> p.table().equals("public.uploads"));
        references("uploads", "media_id", "media", "id", 0.8);

        PolymorphicDetector.Pair tags = pairs.stream().filter(p -> p.table().equals("public.taggings")).findFirst()
                .orElseThrow();
        assertThat(tags.targets()).extracting(PolymorphicDetector.Target::table)
                .containsExactlyInAnyOrder("public.release", "public.track", "public.artist");
        assertThat(tags.targets()).filteredOn(t -> t.value().equals("Release")).singleElement()
                .satisfies(t -> assertThat(t.fraction()).isBetween(0.35, 0.45));
        assertThat(tags.unmappedValues()).containsExactly("Gadget");

        PolymorphicDetector.Pair members = pairs.stream()
                .filter(p -> p.table().equals("public.current_relation_members")).findFirst().orElseThrow();
        assertThat(members.source()).startsWith("enum labels");
        assertThat(members.targets()).extracting(t -> t.value() + "→" + t.table()).containsExactlyInAnyOrder(
                "Node→public.current_nodes", "Way→public.current_ways", "Relation→public.current_relations");
    }
}
