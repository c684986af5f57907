package dev.strata.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * libpq's connection service file: {@code [name]} sections of {@code keyword=value} lines, looked up in
 * {@code PGSERVICEFILE} (else {@code ~/.pg_service.conf}) and then in {@code PGSYSCONFDIR/pg_service.conf}; the
 * first file holding the service wins, as in libpq.
 */
final class PgServiceFile {

    private PgServiceFile() {
    }

    /**
     * The service's keywords, or empty when no file defines it.
     *
     * @param files the candidate files in libpq's order; missing ones are skipped
     */
    static Optional<Map<String, String>> lookup(String service, List<Path> files, String source) {
        for (Path file : files) {
            if (file == null || !Files.isRegularFile(file)) continue;
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConnectionSettingsException("service file " + file + " cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            }
            Map<String, String> values = null;
            int number = 0;
            for (String raw : lines) {
                number++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("[")) {
                    if (values != null) return Optional.of(values); // the next section ends ours
                    if (line.endsWith("]") && line.substring(1, line.length() - 1).equals(service)) {
                        values = new LinkedHashMap<>();
                    }
                    continue;
                }
                if (values == null) continue;
                int eq = line.indexOf('=');
                if (eq < 0) {
                    throw new ConnectionSettingsException("service file " + file + ", line " + number
                            + ": syntax error (expected keyword=value)");
                }
                String key = line.substring(0, eq).strip();
                if (key.equals("service")) {
                    throw new ConnectionSettingsException("service file " + file + ", line " + number
                            + ": nested service specifications are not supported");
                }
                if (!LibpqOptions.isKnown(key)) {
                    throw new ConnectionSettingsException("service file " + file + ", line " + number
                            + ": not a libpq connection option");
                }
                values.putIfAbsent(key, line.substring(eq + 1).strip());
            }
            if (values != null) return Optional.of(values);
        }
        return Optional.empty();
    }
}
