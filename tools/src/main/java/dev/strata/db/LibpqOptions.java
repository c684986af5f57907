package dev.strata.db;

import org.postgresql.PGProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * libpq's connection keywords, their environment variables, and what each becomes for pgjdbc. Keywords pgjdbc
 * has no equivalent for are refused when they would make the connection safer (Strata must not connect less
 * safely than asked) and reported as ignored otherwise.
 */
final class LibpqOptions {

    private LibpqOptions() {
    }

    /** libpq keyword → its environment variable (libpq's {@code PQconninfoOptions}, PostgreSQL 17). */
    static final Map<String, String> ENVIRONMENT = orderedMap(
            "service", "PGSERVICE", "host", "PGHOST", "hostaddr", "PGHOSTADDR", "port", "PGPORT",
            "dbname", "PGDATABASE", "user", "PGUSER", "password", "PGPASSWORD", "passfile", "PGPASSFILE",
            "channel_binding", "PGCHANNELBINDING", "connect_timeout", "PGCONNECT_TIMEOUT",
            "client_encoding", "PGCLIENTENCODING", "options", "PGOPTIONS", "application_name", "PGAPPNAME",
            "sslmode", "PGSSLMODE", "sslnegotiation", "PGSSLNEGOTIATION", "sslcompression", "PGSSLCOMPRESSION",
            "sslcert", "PGSSLCERT", "sslkey", "PGSSLKEY", "sslcertmode", "PGSSLCERTMODE",
            "sslrootcert", "PGSSLROOTCERT", "sslcrl", "PGSSLCRL", "sslcrldir", "PGSSLCRLDIR", "sslsni", "PGSSLSNI",
            "requirepeer", "PGREQUIREPEER", "require_auth", "PGREQUIREAUTH",
            "ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION", "ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION",
            "gssencmode", "PGGSSENCMODE", "krbsrvname", "PGKRBSRVNAME", "gsslib", "PGGSSLIB",
            "gssdelegation", "PGGSSDELEGATION", "target_session_attrs", "PGTARGETSESSIONATTRS",
            "load_balance_hosts", "PGLOADBALANCEHOSTS");

    /** Keywords libpq knows that have no environment variable. */
    private static final Set<String> OTHER_KEYWORDS = Set.of("fallback_application_name", "keepalives",
            "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout", "replication",
            "sslpassword", "ssl", "requiressl");

    /** libpq keywords that ask for more safety than pgjdbc can give: refused rather than dropped. */
    private static final Set<String> SAFETY = Set.of("sslcrl", "sslcrldir", "requirepeer", "ssl_min_protocol_version",
            "ssl_max_protocol_version", "sslcertmode");

    /** libpq keywords with no pgjdbc equivalent that only tune the connection: ignored, with a note. */
    private static final Set<String> TUNING = Set.of("client_encoding", "keepalives_idle", "keepalives_interval",
            "keepalives_count", "tcp_user_timeout", "sslcompression", "sslsni", "gssdelegation",
            "fallback_application_name");

    static boolean isLibpq(String key) {
        return ENVIRONMENT.containsKey(key) || OTHER_KEYWORDS.contains(key);
    }

    /** A libpq keyword or a pgjdbc property name (jdbc: URLs carry those). */
    static boolean isKnown(String key) {
        return isLibpq(key) || PGProperty.forName(key) != null;
    }

    /**
     * The driver properties for the keywords that are neither endpoint nor credentials. Values are checked where
     * a wrong one would change what is connected to, or how safely.
     */
    static Map<String, String> driverProperties(Map<String, String> keywords, boolean jdbc, boolean uri,
                                                String source, List<String> notes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : keywords.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            switch (key) {
                case "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service" -> {
                    // endpoint and credentials: ConnectionSettings handles them
                }
                case "sslmode" -> out.put("sslmode", oneOf(source, key, value, "disable", "allow", "prefer",
                        "require", "verify-ca", "verify-full"));
                case "ssl" -> {
                    // libpq reads ssl=true in a URI as sslmode=require; in a jdbc: URL it keeps pgjdbc's meaning
                    if (value.equals("true") && !jdbc) out.putIfAbsent("sslmode", "require");
                    else out.put("ssl", value);
                }
                case "requiressl" -> out.put("sslmode", value.startsWith("1") ? "require" : "prefer");
                case "sslcert", "sslkey", "sslpassword" -> out.put(key, value);
                case "sslrootcert" -> {
                    if (value.equals("system")) {
                        // libpq's "trust the system's CAs" is pgjdbc's default Java trust store factory
                        out.put("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
                        out.putIfAbsent("sslmode", "verify-full");
                    } else {
                        out.put("sslrootcert", value);
                    }
                }
                case "sslnegotiation" -> out.put("sslNegotiation", oneOf(source, key, value, "postgres", "direct"));
                case "channel_binding" -> out.put("channelBinding", oneOf(source, key, value, "disable", "prefer",
                        "require"));
                case "require_auth" -> out.put("requireAuth", value);
                case "gssencmode" -> out.put("gssEncMode", oneOf(source, key, value, "disable", "prefer", "require"));
                case "gsslib" -> out.put("gsslib", value);
                case "krbsrvname" -> out.put("kerberosServerName", value);
                case "connect_timeout" -> out.put("connectTimeout", String.valueOf(Math.max(2,
                        integer(source, key, value, 0, 86_400))));
                case "application_name" -> out.put("ApplicationName", value);
                case "options" -> out.put("options", value);
                case "keepalives" -> out.put("tcpKeepAlive", String.valueOf(integer(source, key, value, 0, 1) != 0));
                case "target_session_attrs" -> out.put("targetServerType", switch (value) {
                    case "any" -> "any";
                    case "read-write", "primary" -> "primary";
                    case "read-only", "standby" -> "secondary";
                    case "prefer-standby" -> "preferSecondary";
                    default -> throw new ConnectionSettingsException(source + ": target_session_attrs must be any, "
                            + "read-write, read-only, primary, standby or prefer-standby");
                });
                case "load_balance_hosts" -> out.put("loadBalanceHosts",
                        String.valueOf(oneOf(source, key, value, "disable", "random").equals("random")));
                case "replication" -> throw new ConnectionSettingsException(source + ": replication connections "
                        + "cannot serve queries; remove replication=…");
                default -> {
                    if (SAFETY.contains(key)) {
                        throw new ConnectionSettingsException(source + ": " + key + " is not supported by the Java "
                                + "driver Strata uses, so Strata cannot honour it; remove it to connect without it");
                    } else if (TUNING.contains(key)) {
                        notes.add("ignored " + key + " (the Java driver has no such setting)");
                    } else if (PGProperty.forName(key) != null) {
                        out.put(key, value); // a pgjdbc property, as jdbc: URLs carry them
                    } else {
                        String near = nearest(key);
                        if (near != null || !uri) {
                            // a misspelt option may be one that makes the connection safer (sslmod=require)
                            throw new ConnectionSettingsException(source + ": '" + key + "' is not a libpq or pgjdbc "
                                    + "connection option" + (near != null ? "; did you mean " + near + "?" : ""));
                        }
                        // URLs shared with an application often carry its own settings (Prisma's schema=…)
                        notes.add("ignored URL parameter '" + key + "' (not a libpq or pgjdbc option"
                                + (key.equals("schema") ? "; choose schemas with --schemas" : "") + ")");
                    }
                }
            }
        }
        return out;
    }

    /** The known option within two edits of {@code key} (ignoring case and underscores), or null. */
    static String nearest(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace("_", "");
        java.util.List<String> names = new java.util.ArrayList<>(ENVIRONMENT.keySet());
        names.addAll(OTHER_KEYWORDS);
        for (PGProperty p : PGProperty.values()) names.add(p.getName());
        String best = null;
        int bestDistance = 3;
        for (String name : names) {
            int d = distance(k, name.toLowerCase(Locale.ROOT).replace("_", ""));
            if (d < bestDistance) {
                bestDistance = d;
                best = name;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) return 3;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1),
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String oneOf(String source, String key, String value, String... allowed) {
        String v = value.trim();
        for (String a : allowed) {
            if (a.equals(v)) return a;
        }
        throw new ConnectionSettingsException(source + ": " + key + " must be " + String.join(", ", allowed));
    }

    static int integer(String source, String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new ConnectionSettingsException(source + ": " + key + " must be a whole number from " + min + " to "
                    + max);
        }
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
