package dev.strata.drift;

import dev.strata.schema.ToolException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The snapshots a running server can compare by name: {@code live} (taken on each request), {@code startup}
 * (the schema as the server first saw it) and every {@code NAME.json} in the snapshot directory, read on each
 * request so a file dropped there is usable without a restart.
 */
public final class SnapshotStore {

    public static final String LIVE = "live";
    public static final String STARTUP = "startup";

    private final Supplier<Snapshot> live;
    private final Path directory;
    private volatile Snapshot startup;

    /** @param directory where named snapshot files live, or null for none */
    public SnapshotStore(Supplier<Snapshot> live, Path directory) {
        this.live = live;
        this.directory = directory;
    }

    /** Pins {@code startup} to a snapshot already taken (the server's first catalog load); the first pin wins. */
    public synchronized void pinStartup(Snapshot snapshot) {
        if (startup == null) startup = snapshot;
    }

    /** Pins {@code startup} to the schema as it is now; later calls keep the first one. */
    public synchronized Snapshot captureStartup() {
        if (startup == null) startup = live.get();
        return startup;
    }

    public DiffReport diff(String from, String to) {
        return DiffReport.of(from, to, named(from), named(to));
    }

    public Snapshot named(String name) {
        String n = name == null ? "" : name.trim();
        if (n.equals(LIVE)) return live.get();
        if (n.equals(STARTUP)) return captureStartup();
        if (directory != null && !n.isEmpty() && !n.contains("/") && !n.contains("\\") && !n.startsWith(".")) {
            Path file = directory.resolve(n + ".json");
            if (Files.isRegularFile(file)) {
                try {
                    return SnapshotWriter.read(file);
                } catch (IllegalArgumentException e) {
                    throw new ToolException("snapshot " + n + " (" + file + ") cannot be read: " + e.getMessage());
                }
            }
        }
        throw new ToolException("no snapshot named '" + name + "'; known snapshots: " + String.join(", ", names())
                + (directory == null ? " (start the server with --snapshot-dir DIR to compare with snapshot files)"
                : ""));
    }

    /** {@code live}, {@code startup}, then the snapshot files in name order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(List.of(LIVE, STARTUP));
        if (directory != null && Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json") && !f.startsWith("."))
                        .map(f -> f.substring(0, f.length() - ".json".length())).sorted().forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }
}
