package dev.strata.drift;

import dev.strata.DemoKnowledge;
import dev.strata.db.Database;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Canonical text: reading it back gives the same snapshot, and data or statistics never change a byte. */
class SnapshotWriterTest {

    @Test
    void writeThenReadGivesAnEqualSnapshot() {
        Snapshot demo = Snapshots.take(DemoKnowledge.database(), List.of());
        assertThat(demo.relations()).hasSizeGreaterThan(10);
        String text = SnapshotWriter.write(demo);
        Snapshot back = SnapshotWriter.read(text);
        assertThat(back).isEqualTo(demo);
        assertThat(SnapshotWriter.write(back)).isEqualTo(text);
        assertThat(SnapshotDiff.between(demo, back)).isEmpty();
    }

    @Test
    void sameSchemaSameBytesWhateverTheDataAndStatistics() {
        String ddl = """
                CREATE TABLE items (item_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,
                  price numeric(10,2) DEFAULT 0, doubled numeric GENERATED ALWAYS AS (price * 2) STORED);
                COMMENT ON COLUMN items.name IS 'what it is called';
                CREATE INDEX items_name_idx ON items (lower(name)) WHERE price > 0;
                CREATE VIEW cheap AS SELECT item_id, name FROM items WHERE price < 10;
                """;
        try (Database db = ScratchDatabase.create("strata_drift_stable", ddl)) {
            String first = SnapshotWriter.write(Snapshots.take(db, List.of()));
            ScratchDatabase.execute("strata_drift_stable", """
                    INSERT INTO items (name, price) SELECT 'item ' || g, g FROM generate_series(1, 5000) g;
                    ANALYZE items;
                    """);
            String second = SnapshotWriter.write(Snapshots.take(db, List.of()));
            assertThat(second).isEqualTo(first);
            assertThat(first).doesNotContain("oid").doesNotContain("rows_estimate").doesNotContain("size_bytes")
                    .doesNotContain("loaded_at");
            // one line per column, so a git diff shows exactly the column that changed
            assertThat(first.lines()).anySatisfy(l -> assertThat(l.trim()).startsWith("{\"name\":\"name\"")
                    .endsWith("},"));
            assertThat(first.lines()).anySatisfy(l -> assertThat(l.trim()).startsWith("{\"name\":\"items_name_idx\""));
            assertThat(first).startsWith("{\n  \"format\": 1,\n  \"server_major\": 17,\n");
        }
    }

    @Test
    void aFileThatIsNotASnapshotSaysSo() {
        assertThatThrownBy(() -> SnapshotWriter.read("[1,2]")).hasMessageContaining("not a Strata snapshot");
        assertThatThrownBy(() -> SnapshotWriter.read("{oops")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> SnapshotWriter.read("{\"format\": 99, \"relations\": []}"))
                .hasMessageContaining("newer");
    }
}
