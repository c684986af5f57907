package dev.strata.db;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A canary password placed, unencoded, into many malformed connection strings: whatever happens (refused, or
 * parsed and then failing to connect), no piece of the password reaches stdout, stderr, an exception message or
 * stack trace, or any log record (pgjdbc's java.util.logging included); and a string that is accepted connects to
 * the hosts it names, with the user it names, never to a default.
 */
class MalformedUrlLeakTest {

    /** Pieces of the canary, none starting with a hex digit so that no '%' before them decodes silently. */
    static final String[] PIECES = {"Zq8W", "Kp3X", "Mv7R", "Lt2N", "Hs5U", "Jd4G", "Gw6C", "Tn9Y", "Qr1P", "Vx0S"};
    /** Each delimiter that connection strings give a meaning to. */
    static final String[] DELIMITERS = {"/", "@", "#", ":", "?", "&", "=", " ", "%", ",", "'", "\\", "/@:"};

    /** Hosts are loopback addresses with a closed port: whatever parses fails to connect at once. */
    static final String[] TEMPLATES = {
            "postgres://app:{pw}@127.0.0.1:1/shop",
            "postgresql://app:{pw}@127.0.0.2:1,127.0.0.3:1/shop",
            "postgres://app:{pw}@127.0.0.1:1/shop?sslmode=require",
            "jdbc:postgresql://127.0.0.1:1/shop?user=app&password={pw}",
            "postgres://app@127.0.0.1:1/shop?password={pw}&sslmode=disable",
            "postgres://app:{pw}@127.0.0.1:5x32/shop",
            "postgres://app:{pw}@/shop?host=/nonexistent-dir&port=1",
            "host=127.0.0.1 port=1 user=app password={pw} dbname=shop",
            "host=127.0.0.1 port=1 user=app password='{pw} dbname=shop",
            "postgres://app:{pw}@[::1:1/shop",
            "mysql://app:{pw}@127.0.0.1:1/shop",
            "app:{pw}@127.0.0.1:1/shop",
            "postgres://app:{pw}127.0.0.1:1/shop",
            "postgres://app:{pw}@127.0.0.1:1/sh op",
            "postgres://app:{pw}@127.0.0.1:1,/shop",
    };

    @Test
    void noPieceOfThePasswordReachesAnyOutput() {
        List<String> urls = new ArrayList<>();
        List<String> passwords = new ArrayList<>();
        for (String template : TEMPLATES) {
            for (String delimiter : DELIMITERS) {
                String password = String.join(delimiter, PIECES);
                urls.add(template.replace("{pw}", password));
                // in keyword=value strings a backslash escapes the next character, as in libpq
                passwords.add(template.startsWith("host=") ? password.replaceAll("\\\\(.)", "$1") : password);
            }
        }
        assertThat(urls).hasSizeGreaterThanOrEqualTo(50);

        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        StringBuilder logged = new StringBuilder();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.append(r.getLoggerName()).append(' ').append(r.getMessage()).append(' ')
                        .append(java.util.Arrays.toString(r.getParameters())).append(' ')
                        .append(r.getThrown() == null ? "" : trace(r.getThrown())).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        int refused = 0;
        int connected = 0;
        List<String> problems = new ArrayList<>();
        try {
            System.setOut(capture);
            System.setErr(capture);
            root.setLevel(Level.ALL);
            root.addHandler(handler);
            for (int i = 0; i < urls.size(); i++) {
                String url = urls.get(i);
                StringBuilder seen = new StringBuilder();
                try {
                    ConnectionSettings s = ConnectionSettings.resolve(url, Map.of("HOME", "/nonexistent"));
                    seen.append(s).append(s.redacted()).append(s.jdbcUrl()).append(s.driverProperties()).append(s.notes());
                    // accepted: it must mean exactly what was written
                    if (!"app".equals(s.user())) problems.add("user dropped: " + i);
                    for (ConnectionSettings.Endpoint e : s.endpoints()) {
                        if (!url.contains(e.host())) problems.add("host " + e.host() + " not in url " + i);
                    }
                    if (!passwords.get(i).equals(s.password())) problems.add("password misread in url " + i);
                    // Each failed pool start costs about a second (Hikari's retry pause): the driver's output is
                    // checked on the delimiters that once leaked ('/', '@', ':') rather than on every string.
                    int delimiter = i % DELIMITERS.length;
                    if (delimiter != 0 && delimiter != 1 && delimiter != 12) continue;
                    try (Database db = Database.connect(s)) {
                        problems.add("connected?! " + i);
                    } catch (DatabaseUnavailableException e) {
                        connected++;
                        seen.append(e.getMessage()).append(trace(e));
                    }
                } catch (ConnectionSettingsException e) {
                    refused++;
                    seen.append(e.getMessage()).append(trace(e));
                    if (e.getMessage().contains("\n")) problems.add("multi-line message for " + i);
                } catch (RuntimeException e) {
                    problems.add("unexpected " + e.getClass().getSimpleName() + " for url " + i);
                    seen.append(trace(e));
                } finally {
                    for (String piece : PIECES) {
                        if (seen.indexOf(piece) >= 0) problems.add("piece " + piece + " leaked for url " + i);
                    }
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(handler);
            root.setLevel(rootLevel);
        }
        String printed = captured.toString(StandardCharsets.UTF_8) + logged;
        for (String piece : PIECES) {
            if (printed.contains(piece)) problems.add("piece " + piece + " printed or logged");
        }
        System.out.printf("malformed URLs: %d, refused %d, parsed and failed to connect %d%n", urls.size(), refused,
                connected);
        assertThat(problems).isEmpty();
        assertThat(refused).isGreaterThan(urls.size() / 2);
    }

    static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
