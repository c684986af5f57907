package dev.strata.server.cli;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.drift.DiffReport;
import dev.strata.drift.Snapshot;
import dev.strata.drift.SnapshotStore;
import dev.strata.drift.SnapshotWriter;
import dev.strata.drift.Snapshots;
import dev.strata.json.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code strata diff OLD NEW [--url URL] [--format text|json]}: OLD and NEW are snapshot files or {@code live}
 * (the database at --url). The CI drift check: exit 0 when no change is breaking, 1 when one is, 2 for usage,
 * unreadable files or connection errors.
 */
final class DiffCommand implements Callable<Integer> {

    private final String from;
    private final String to;
    private final ConnectionSettings settings;
    private final List<String> schemas;
    private final String format;

    DiffCommand(String from, String to, ConnectionSettings settings, List<String> schemas, String format) {
        this.from = from;
        this.to = to;
        this.settings = settings;
        this.schemas = schemas;
        this.format = format;
    }

    @Override
    public Integer call() {
        boolean needsLive = from.equals(SnapshotStore.LIVE) || to.equals(SnapshotStore.LIVE);
        if (needsLive && settings == null) {
            throw new UsageException("'live' needs a database: pass --url postgres://user@host:5432/db or set "
                    + "DATABASE_URL");
        }
        // Files first: a typo in a path should not cost a connection attempt.
        Snapshot before = from.equals(SnapshotStore.LIVE) ? null : file(from);
        Snapshot after = to.equals(SnapshotStore.LIVE) ? null : file(to);
        if (needsLive) {
            try (Database db = Database.connect(settings)) {
                Snapshot live = Snapshots.take(db, schemas);
                if (before == null) before = live;
                if (after == null) after = live;
            }
        }
        DiffReport report = DiffReport.of(from, to, before, after);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.print(format.equals("json") ? Json.pretty(report) + "\n" : report.text());
        out.flush();
        return report.hasBreaking() ? 1 : 0;
    }

    private static Snapshot file(String name) {
        Path p = Path.of(name);
        if (!Files.isRegularFile(p)) {
            throw new UsageException("cannot read " + name + ": no such file (OLD and NEW are snapshot files or "
                    + "'live')");
        }
        try {
            return SnapshotWriter.read(p);
        } catch (IllegalArgumentException e) {
            throw new UsageException("cannot read " + name + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UsageException("cannot read " + name + ": " + e.getCause().getMessage());
        }
    }
}
