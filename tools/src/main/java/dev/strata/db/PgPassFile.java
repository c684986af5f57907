package dev.strata.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The password file of libpq ({@code PGPASSFILE}, else {@code ~/.pgpass}): lines of
 * {@code hostname:port:database:username:password}, {@code *} matching anything, {@code \:} and {@code \\}
 * escaping, the first matching line winning. As libpq does, a file that others may read is ignored with a
 * warning, and a Unix-socket connection matches the host name {@code localhost}.
 */
final class PgPassFile {

    private final Path path;

    PgPassFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /**
     * The password of the first line matching, or empty when the file is absent, unsafe or has no match.
     *
     * @param warnings where to say why the file was ignored (never its content)
     */
    Optional<String> lookup(String host, int port, String database, String user, List<String> warnings) {
        if (!Files.exists(path)) return Optional.empty();
        if (!Files.isRegularFile(path)) {
            warnings.add("password file " + path + " is not a plain file; ignored");
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            for (PosixFilePermission p : perms) {
                if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                    warnings.add("password file " + path + " has group or world access; permissions should be "
                            + "u=rw (0600) or less; ignored");
                    return Optional.empty();
                }
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): libpq checks nothing there either
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            warnings.add("password file " + path + " cannot be read (" + e.getClass().getSimpleName() + "); ignored");
            return Optional.empty();
        }
        String hostKey = host == null || host.isEmpty() || host.startsWith("/") ? "localhost" : host;
        String[] wanted = {hostKey, String.valueOf(port), database, user};
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> fields = fields(line);
            if (fields.size() < 5) continue;
            boolean match = true;
            for (int i = 0; i < 4 && match; i++) {
                String f = fields.get(i);
                match = f.equals("*") || f.equals(wanted[i]);
            }
            if (match) return Optional.of(fields.get(4));
        }
        return Optional.empty();
    }

    /** Splits on unescaped colons; the fifth field (the password) takes the rest of the line. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>(5);
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }
}
