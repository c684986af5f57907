package dev.strata.db;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where to connect, resolved as libpq (and so psql, pg_dump and every PostgreSQL tool) resolves it: the
 * connection string ({@code postgres://}, {@code postgresql://}, {@code jdbc:postgresql://} or
 * {@code host=… dbname=…}), then the service file entry it or {@code PGSERVICE} names, then the {@code PG*}
 * environment variables, then the defaults; a missing password comes from {@code PGPASSWORD}, then the password
 * file ({@code PGPASSFILE} or {@code ~/.pgpass}).
 *
 * <p>Anything that cannot be read exactly is refused with a {@link ConnectionSettingsException} that names the
 * part that is wrong: Strata never falls back to a default host because a part did not parse. The password is
 * kept apart from everything printable: {@link #toString()} and {@link #redacted()} never show it, and it reaches
 * the driver only as a property, never inside a URL.
 */
public final class ConnectionSettings {

    /** One server to try: a host name or address and port, or a Unix-socket directory and port. */
    public record Endpoint(String host, int port) {
        /** libpq reads a host starting with {@code /} as the directory of a Unix-domain socket. */
        public boolean socket() {
            return host.startsWith("/");
        }

        /** The socket file libpq would use: {@code DIR/.s.PGSQL.PORT}. */
        public String socketFile() {
            return host + (host.endsWith("/") ? "" : "/") + ".s.PGSQL." + port;
        }

        String display() {
            return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
        }
    }

    private static final int DEFAULT_PORT = 5432;

    private final List<Endpoint> endpoints;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> properties;
    private final List<String> notes;

    private ConnectionSettings(List<Endpoint> endpoints, String database, String user, String password,
                               Map<String, String> properties, List<String> notes) {
        this.endpoints = List.copyOf(endpoints);
        this.database = database;
        this.user = user;
        this.password = password;
        this.properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.notes = List.copyOf(notes);
    }

    /**
     * Resolves {@code --url} if given, else {@code DATABASE_URL}, else the libpq variables alone, filling what
     * the string leaves out from a service file, the environment and the password file as libpq does. Null when
     * nothing names a database at all.
     */
    public static ConnectionSettings resolve(String url, Map<String, String> env) {
        if (url != null && !url.isBlank()) return resolve(url, "--url", env, true);
        String databaseUrl = env.get("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) return resolve(databaseUrl, "DATABASE_URL", env, true);
        for (String v : List.of("PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE")) {
            if (present(env, v)) return resolve(null, "PG* variables", env, true);
        }
        return null;
    }

    /** The connection string alone: no environment, no service or password file (tests, the demo). */
    public static ConnectionSettings parse(String url) {
        return resolve(url, "database URL", Map.of(), false);
    }

    private static ConnectionSettings resolve(String text, String source, Map<String, String> env, boolean files) {
        List<String> notes = new ArrayList<>();
        Map<String, String> keywords = new LinkedHashMap<>();
        boolean jdbc = false;
        boolean uri = text != null && ConnectionString.looksLikeUri(text);
        if (text != null) {
            ConnectionString.Parsed parsed = ConnectionString.parse(text, source);
            keywords.putAll(parsed.keywords());
            jdbc = parsed.jdbc();
        }

        // A service file entry fills what the string left out; the environment fills what is still missing.
        String service = keywords.containsKey("service") ? keywords.get("service")
                : present(env, "PGSERVICE") ? env.get("PGSERVICE") : null;
        if (service != null && files) {
            List<Path> serviceFiles = serviceFiles(env);
            Map<String, String> fromService = PgServiceFile.lookup(service, serviceFiles, source).orElseThrow(() ->
                    new ConnectionSettingsException("service \"" + service + "\" is not defined in "
                            + serviceFiles.stream().map(Path::toString).collect(Collectors.joining(" or "))));
            fromService.forEach(keywords::putIfAbsent);
        } else if (service != null) {
            throw new ConnectionSettingsException(source + ": service=… needs the service file; not available here");
        }
        if (files) {
            LibpqOptions.ENVIRONMENT.forEach((keyword, variable) -> {
                if (!keywords.containsKey(keyword) && present(env, variable)) keywords.put(keyword, env.get(variable));
            });
        }

        String user = blankToNull(keywords.get("user"));
        if (user == null) user = System.getProperty("user.name");
        String database = blankToNull(keywords.get("dbname"));
        if (database == null) database = user;
        boolean fromHostaddr = blankToNull(keywords.get("hostaddr")) != null;
        List<Endpoint> endpoints = endpoints(fromHostaddr ? keywords.get("hostaddr") : keywords.get("host"),
                keywords.get("port"), source);
        Map<String, String> properties = LibpqOptions.driverProperties(keywords, jdbc, uri, source, notes);

        String password = keywords.get("password");
        if (password == null && files) {
            String passfile = blankToNull(keywords.get("passfile"));
            Path file = passfile != null ? Path.of(passfile) : home(env).resolve(".pgpass");
            List<Endpoint> matchOn = fromHostaddr && keywords.get("host") != null
                    ? endpoints(keywords.get("host"), keywords.get("port"), source) : endpoints;
            PgPassFile pgpass = new PgPassFile(file);
            for (Endpoint e : matchOn) {
                Optional<String> found = pgpass.lookup(e.host(), e.port(), database, user, notes);
                if (found.isPresent()) {
                    password = found.get();
                    break;
                }
            }
        }

        if (endpoints.get(0).socket()) {
            if (endpoints.size() > 1) {
                throw new ConnectionSettingsException(source + ": a Unix-socket directory cannot be combined with "
                        + "other hosts; give one socket directory or only TCP hosts");
            }
            // pgjdbc speaks TCP; the JDK's Unix-domain channels carry it instead (see UnixSocketFactory).
            // SSL and GSS encryption are never used over a local socket, as in libpq.
            properties.put("socketFactory", UnixSocketFactory.class.getName());
            properties.put("socketFactoryArg", endpoints.get(0).socketFile());
            properties.put("sslmode", "disable");
            properties.put("gssEncMode", "disable");
        }
        return new ConnectionSettings(endpoints, database, user, password, properties, notes);
    }

    /**
     * libpq's host and port lists: one port for every host, or one per host; an empty entry is the default.
     * A host that is not a name, an address or a socket directory is refused, never replaced by a default.
     */
    private static List<Endpoint> endpoints(String hostList, String portList, String source) {
        List<String> hosts = hostList == null ? List.of("") : List.of(hostList.split(",", -1));
        List<String> ports = portList == null ? List.of("") : List.of(portList.split(",", -1));
        if (ports.size() != 1 && ports.size() != hosts.size()) {
            throw new ConnectionSettingsException(source + ": " + ports.size() + " ports for " + hosts.size()
                    + " hosts; give one port for all hosts or one per host");
        }
        List<Endpoint> out = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i).strip();
            String which = hosts.size() == 1 ? "the host" : "host " + (i + 1) + " of " + hosts.size();
            if (host.isEmpty()) {
                if (hosts.size() > 1) {
                    throw new ConnectionSettingsException(source + ": " + which + " is empty; remove the extra comma");
                }
                host = "localhost";
            }
            checkHost(host, which, source);
            String port = ports.get(ports.size() == 1 ? 0 : i).strip();
            String whichPort = ports.size() == 1 ? "the port" : "port " + (i + 1) + " of " + ports.size();
            int n = port.isEmpty() ? DEFAULT_PORT : port(port, whichPort, source);
            out.add(new Endpoint(host, n));
        }
        return out;
    }

    private static int port(String text, String which, String source) {
        if (!text.matches("[0-9]{1,5}")) {
            throw new ConnectionSettingsException(source + ": " + which + " is not a number (expected host:5432; a "
                    + "password goes before the host as user:password@host, with '/', '@' and ':' percent-encoded)");
        }
        int n = Integer.parseInt(text);
        if (n < 1 || n > 65535) throw new ConnectionSettingsException(source + ": " + which + " must be 1 to 65535");
        return n;
    }

    private static void checkHost(String host, String which, String source) {
        if (host.startsWith("/")) return;
        if (host.startsWith("@")) {
            throw new ConnectionSettingsException(source + ": " + which + " names an abstract Unix socket (@…), which "
                    + "the JDK cannot open; use the socket's directory");
        }
        if (host.indexOf(':') >= 0) {
            if (!host.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?")) {
                throw new ConnectionSettingsException(source + ": " + which + " is not a valid IPv6 address");
            }
            return;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '-' && c != '_') {
                throw new ConnectionSettingsException(source + ": " + which + " has characters a host name cannot "
                        + "have (letters, digits, '.', '-' and '_' only); if the password holds '@', '/', ':' or "
                        + "'?', percent-encode them");
            }
        }
    }

    private static List<Path> serviceFiles(Map<String, String> env) {
        List<Path> out = new ArrayList<>();
        out.add(present(env, "PGSERVICEFILE") ? Path.of(env.get("PGSERVICEFILE")) : home(env).resolve(".pg_service.conf"));
        out.add(present(env, "PGSYSCONFDIR") ? Path.of(env.get("PGSYSCONFDIR"), "pg_service.conf")
                : Path.of("/etc/postgresql-common/pg_service.conf"));
        return out;
    }

    private static Path home(Map<String, String> env) {
        return Path.of(present(env, "HOME") ? env.get("HOME") : System.getProperty("user.home"));
    }

    private static boolean present(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Removes passwords from any text that may quote a connection string, for messages of other libraries. */
    public static String redactUrl(String text) {
        if (text == null) return null;
        // greedy up to the last '@' of the token: a password may itself hold '@' or '/'
        return text.replaceAll("(://[^:/@\\s]*:)\\S*@", "$1***@")
                .replaceAll("(?i)(password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'?|[^&\\s]*)", "$1***");
    }

    /**
     * The JDBC URL: hosts, ports and database only. Credentials and options go to the driver as properties
     * ({@link #driverProperties()}), so nothing secret is ever part of a URL the driver might log.
     */
    public String jdbcUrl() {
        String hosts = endpoints.stream()
                .map(e -> e.socket() ? "localhost:" + e.port() : e.display())
                .collect(Collectors.joining(","));
        return "jdbc:postgresql://" + hosts + "/" + URLEncoder.encode(database == null ? "" : database,
                StandardCharsets.UTF_8);
    }

    public List<Endpoint> endpoints() { return endpoints; }
    public String host() { return endpoints.get(0).host(); }
    public int port() { return endpoints.get(0).port(); }
    public String database() { return database; }
    public String user() { return user; }
    public String password() { return password; }

    /** pgjdbc properties (sslmode, targetServerType, socketFactory…), without user and password. */
    public Map<String, String> driverProperties() { return properties; }

    /** Same as {@link #driverProperties()}; kept for callers of the earlier name. */
    public Map<String, String> parameters() { return properties; }

    /** One-line remarks to show once: a password file ignored for its permissions, options ignored. */
    public List<String> notes() { return notes; }

    /** A printable form: {@code user@host:port[,host:port]/db}, never the password. */
    public String redacted() {
        String hosts = endpoints.stream().map(Endpoint::display).collect(Collectors.joining(","));
        return (user == null ? "" : user + "@") + hosts + "/" + Objects.toString(database, "");
    }

    @Override
    public String toString() {
        return redacted();
    }
}
