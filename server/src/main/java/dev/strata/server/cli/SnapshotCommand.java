package dev.strata.server.cli;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.drift.Snapshot;
import dev.strata.drift.SnapshotWriter;
import dev.strata.drift.Snapshots;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code strata snapshot [--url URL] [--schemas a,b] [--out FILE]}: the catalog as canonical JSON, to commit and
 * later compare with {@code diff}. Standard output when no file is given. Exit 0, or 2 for usage and connection
 * errors.
 */
final class SnapshotCommand implements Callable<Integer> {

    private final ConnectionSettings settings;
    private final List<String> schemas;
    private final String out;

    SnapshotCommand(ConnectionSettings settings, List<String> schemas, String out) {
        this.settings = settings;
        this.schemas = schemas;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        Snapshot snapshot;
        try (Database db = Database.connect(settings)) {
            snapshot = Snapshots.take(db, schemas);
        }
        String text = SnapshotWriter.write(snapshot);
        if (out == null || out.equals("-")) {
            PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            stdout.print(text);
            stdout.flush();
        } else {
            Path file = Path.of(out);
            if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
                throw new UsageException("--out " + out + ": no such directory " + file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            System.err.println("strata: wrote " + snapshot.relations().size() + " relations in "
                    + snapshot.schemas().size() + " schemas to " + out);
        }
        return 0;
    }
}
