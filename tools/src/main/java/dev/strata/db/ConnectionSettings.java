package dev.strata.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where to connect, parsed from a {@code postgres://} or {@code jdbc:postgresql://} URL, {@code DATABASE_URL}
 * or the libpq variables. The password is kept apart from everything printable: {@link #toString()} and
 * {@link #redacted()} never show it, so an error message built from these settings cannot leak it.
 */
public final class ConnectionSettings {

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> parameters;

    public ConnectionSettings(String host, int port, String database, String user, String password,
                              Map<String, String> parameters) {
        this.host = host == null || host.isBlank() ? "localhost" : host;
        this.port = port <= 0 ? 5432 : port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.parameters = Map.copyOf(parameters);
    }

    /** Resolves the URL if given, else {@code DATABASE_URL}, else the libpq variables; null when none is set. */
    public static ConnectionSettings resolve(String url, Map<String, String> env) {
        if (url != null && !url.isBlank()) {
            return parse(url);
        }
        String databaseUrl = env.get("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return parse(databaseUrl);
        }
        if (env.containsKey("PGHOST") || env.containsKey("PGDATABASE") || env.containsKey("PGUSER")) {
            String user = env.getOrDefault("PGUSER", System.getProperty("user.name"));
            return new ConnectionSettings(env.get("PGHOST"), parsePort(env.get("PGPORT")),
                    env.getOrDefault("PGDATABASE", user), user, env.get("PGPASSWORD"), Map.of());
        }
        return null;
    }

    /** Parses {@code postgres[ql]://user:pass@host:port/db?k=v} or {@code jdbc:postgresql://host:port/db?user=..}. */
    public static ConnectionSettings parse(String url) {
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:")) {
            trimmed = trimmed.substring("jdbc:".length());
        }
        if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "database URL must start with postgres://, postgresql:// or jdbc:postgresql:// (got '"
                            + scheme(trimmed) + "')");
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("database URL is malformed: " + redactUrl(url));
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.put(key, value);
            }
        }
        String user = params.remove("user");
        String password = params.remove("password");
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) password = decode(info.substring(colon + 1));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.startsWith("/") ? decode(path.substring(1)) : decode(path);
        if (database.isEmpty()) database = user;
        return new ConnectionSettings(uri.getHost(), uri.getPort(), database, user, password, params);
    }

    private static String scheme(String s) {
        int i = s.indexOf("://");
        return i < 0 ? (s.length() > 12 ? s.substring(0, 12) + "…" : s) : s.substring(0, i);
    }

    private static int parsePort(String port) {
        try {
            return port == null ? 5432 : Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PGPORT is not a number");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Removes a password from any URL-looking text, for messages that must quote user input. */
    public static String redactUrl(String text) {
        if (text == null) return null;
        return text.replaceAll("(://[^:/@\\s]*:)[^@\\s]*@", "$1***@")
                .replaceAll("(?i)(password=)[^&\\s]*", "$1***");
    }

    /** JDBC URL without credentials; credentials go in as driver properties. */
    public String jdbcUrl() {
        StringBuilder sb = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
                .append('/').append(database == null ? "" : database);
        if (!parameters.isEmpty()) {
            sb.append('?');
            parameters.forEach((k, v) -> sb.append(k).append('=').append(v).append('&'));
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    public String host() { return host; }
    public int port() { return port; }
    public String database() { return database; }
    public String user() { return user; }
    public String password() { return password; }
    public Map<String, String> parameters() { return parameters; }

    /** A printable form: {@code user@host:port/db}, never the password. */
    public String redacted() {
        return (user == null ? "" : user + "@") + host + ":" + port + "/" + Objects.toString(database, "");
    }

    @Override
    public String toString() {
        return redacted();
    }
}
