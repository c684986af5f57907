package dev.strata.drift;

import dev.strata.schema.ToolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Named snapshots: startup is pinned once, files are found by name, and a wrong name lists the right ones. */
class SnapshotStoreTest {

    static Snapshot withTable(String name) {
        SnapshotRelation r = new SnapshotRelation("public", name, "table", null, false,
                List.of(new SnapshotColumn("id", 1, "bigint", false, null, null, null, null)), null, null, null, null,
                null, null, null);
        return new Snapshot(Snapshot.FORMAT, 17, List.of(new SnapshotSchema("public", null)), List.of(r));
    }

    @Test
    void startupIsPinnedAndFilesAreNamedSnapshots(@TempDir Path dir) throws Exception {
        AtomicReference<Snapshot> live = new AtomicReference<>(withTable("users"));
        SnapshotStore store = new SnapshotStore(live::get, dir);
        store.captureStartup();
        live.set(withTable("people"));
        SnapshotWriter.write(withTable("accounts"), dir.resolve("release-1.json"));
        Files.writeString(dir.resolve("notes.txt"), "not a snapshot");

        assertThat(store.names()).containsExactly("live", "startup", "release-1");
        DiffReport sinceStartup = store.diff("startup", "live");
        assertThat(sinceStartup.changes()).extracting(Change::kind).containsExactly("table_renamed");
        assertThat(sinceStartup.hasBreaking()).isTrue();
        assertThat(store.diff("release-1", "release-1").changes()).isEmpty();

        assertThatThrownBy(() -> store.named("release-2")).isInstanceOf(ToolException.class)
                .hasMessageContaining("known snapshots: live, startup, release-1");
        assertThatThrownBy(() -> store.named("../release-1")).isInstanceOf(ToolException.class);
        Files.writeString(dir.resolve("broken.json"), "{");
        assertThatThrownBy(() -> store.named("broken")).isInstanceOf(ToolException.class)
                .hasMessageContaining("cannot be read");
    }
}
