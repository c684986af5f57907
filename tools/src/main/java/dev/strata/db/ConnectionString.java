package dev.strata.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a connection string into libpq keywords ({@code host}, {@code port}, {@code dbname}, {@code user},
 * {@code password}, {@code sslmode}, …) the way libpq's {@code conninfo_uri_parse_options} and
 * {@code conninfo_parse} do: {@code postgres://} and {@code postgresql://} URIs (also behind {@code jdbc:}),
 * percent-decoding of every part, comma-separated host lists, and keyword/value strings
 * ({@code host=db dbname=shop}).
 *
 * <p>It is stricter than libpq where libpq would quietly read a different server or account: a second {@code @}
 * in the credentials, an {@code @} after the first {@code /} (a password holding an unencoded {@code /}), an empty
 * entry in a host list. Every error names the part that is wrong and quotes nothing the user typed, because the
 * text around a misplaced delimiter may be a piece of the password.
 */
final class ConnectionString {

    /** Keywords parsed from the string, in order; values decoded. Host and port stay comma-separated lists. */
    record Parsed(Map<String, String> keywords, boolean jdbc) {
    }

    private ConnectionString() {
    }

    static boolean looksLikeUri(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("postgres://") || t.startsWith("postgresql://") || t.startsWith("jdbc:postgresql:");
    }

    /**
     * @param source what to call the string in messages ({@code --url}, {@code DATABASE_URL})
     */
    static Parsed parse(String text, String source) {
        String s = text.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new ConnectionSettingsException(source + " contains a control character (a line break or a "
                        + "tab?); give the connection string on one line");
            }
        }
        if (looksLikeUri(s)) return parseUri(s, source);
        if (s.contains("://")) {
            String scheme = s.substring(0, s.indexOf("://"));
            String shown = scheme.matches("[A-Za-z][A-Za-z0-9+.-]{0,20}") ? " (got " + scheme + "://)" : "";
            throw new ConnectionSettingsException(source + " must start with postgres://, postgresql:// or "
                    + "jdbc:postgresql://" + shown);
        }
        if (s.contains("=")) return new Parsed(parseKeywordValue(s, source), false);
        throw new ConnectionSettingsException(source + " is not a connection string: expected "
                + "postgres://user@host:5432/db or keyword=value pairs such as host=db dbname=shop");
    }

    // ------------------------------------------------------------------------------------------------ URIs

    private static Parsed parseUri(String s, String source) {
        String lower = s.toLowerCase(Locale.ROOT);
        boolean jdbc = lower.startsWith("jdbc:");
        String rest;
        if (jdbc) {
            String afterJdbc = s.substring("jdbc:postgresql:".length());
            if (!afterJdbc.startsWith("//")) {
                // jdbc:postgresql:shop is pgjdbc's short form for localhost:5432/shop
                Map<String, String> keywords = new LinkedHashMap<>();
                int q = afterJdbc.indexOf('?');
                String db = q < 0 ? afterJdbc : afterJdbc.substring(0, q);
                if (!db.isEmpty()) keywords.put("dbname", decode(db, "database name", source, true));
                if (q >= 0) parseQuery(afterJdbc.substring(q + 1), keywords, source, true);
                return new Parsed(keywords, true);
            }
            rest = afterJdbc.substring(2);
        } else {
            rest = s.substring(lower.startsWith("postgresql://") ? "postgresql://".length() : "postgres://".length());
        }
        Map<String, String> keywords = new LinkedHashMap<>();

        // Credentials end at the first '@' met before any '/', as in libpq.
        int slash = rest.indexOf('/');
        int at = rest.indexOf('@');
        int p = 0;
        if (at >= 0 && (slash < 0 || at < slash)) {
            int secondAt = rest.indexOf('@', at + 1);
            int query = rest.indexOf('?', at + 1);
            int end = slash >= 0 ? slash : query >= 0 ? query : rest.length();
            if (secondAt >= 0 && secondAt < end) {
                throw new ConnectionSettingsException(source + " has more than one '@' before the host: "
                        + "percent-encode '@' in the user name or password as %40");
            }
            String credentials = rest.substring(0, at);
            int question = credentials.indexOf('?');
            if (question >= 0 && credentials.indexOf('=', question) >= 0) {
                // libpq would read "host?user=me" as a user name here; more likely the '@' is a parameter's
                throw new ConnectionSettingsException(source + " has an '@' after a '?': percent-encode '@' in "
                        + "parameter values as %40 (or '?' in the password as %3F)");
            }
            int colon = credentials.indexOf(':');
            String user = colon < 0 ? credentials : credentials.substring(0, colon);
            if (!user.isEmpty()) keywords.put("user", decode(user, "user name", source, false));
            if (colon >= 0) {
                String password = credentials.substring(colon + 1);
                if (!password.isEmpty()) keywords.put("password", decode(password, "password", source, false));
            }
            p = at + 1;
        } else if (at >= 0) {
            int query = rest.indexOf('?');
            if (query < 0 || at < query) {
                throw new ConnectionSettingsException(source + " has an '@' after the first '/': if the password "
                        + "holds '/', percent-encode it as %2F (and '@' in a database name as %40)");
            }
        }

        // host[:port][,host[:port]]... up to '/', '?' or the end
        StringBuilder hosts = new StringBuilder();
        StringBuilder ports = new StringBuilder();
        int entries = 0;
        boolean anyPort = false;
        while (true) {
            entries++;
            String host;
            if (p < rest.length() && rest.charAt(p) == '[') {
                int close = rest.indexOf(']', p);
                if (close < 0) {
                    throw new ConnectionSettingsException(source + ": an IPv6 address opened with '[' is never closed "
                            + "with ']'");
                }
                host = rest.substring(p + 1, close);
                if (host.isEmpty()) throw new ConnectionSettingsException(source + ": an IPv6 address in [] is empty");
                p = close + 1;
                if (p < rest.length() && ":/?,".indexOf(rest.charAt(p)) < 0) {
                    throw new ConnectionSettingsException(source + ": after an IPv6 address in [] only :port, /, ? or "
                            + "a comma may follow");
                }
            } else {
                int start = p;
                while (p < rest.length() && ":/?,".indexOf(rest.charAt(p)) < 0) p++;
                host = rest.substring(start, p);
            }
            if (entries > 1) hosts.append(',');
            hosts.append(decode(host, "host", source, false));
            if (entries > 1) ports.append(',');
            if (p < rest.length() && rest.charAt(p) == ':') {
                int start = ++p;
                while (p < rest.length() && "/?,".indexOf(rest.charAt(p)) < 0) p++;
                ports.append(rest, start, p);
                anyPort = true;
            }
            if (p < rest.length() && rest.charAt(p) == ',') {
                p++;
                continue;
            }
            break;
        }
        if (hosts.length() > 0 || entries > 1) keywords.put("host", hosts.toString());
        if (anyPort) keywords.put("port", ports.toString());

        if (p < rest.length() && rest.charAt(p) == '/') {
            int start = ++p;
            while (p < rest.length() && rest.charAt(p) != '?') p++;
            String db = rest.substring(start, p);
            // An empty name leaves the default (the user name, or PGDATABASE), as in libpq.
            if (!db.isEmpty()) keywords.put("dbname", decode(db, "database name", source, jdbc));
        }
        if (p < rest.length() && rest.charAt(p) == '?') {
            parseQuery(rest.substring(p + 1), keywords, source, jdbc);
        }
        return new Parsed(keywords, jdbc);
    }

    /**
     * {@code k=v&k=v}. Once a {@code password} parameter has been read, later parameter names are never quoted:
     * with an unencoded {@code &} in the password they are pieces of it.
     */
    private static void parseQuery(String query, Map<String, String> keywords, String source, boolean jdbc) {
        boolean afterPassword = false;
        int index = 0;
        for (String pair : query.split("&", -1)) {
            index++;
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            if (eq < 0 || pair.indexOf('=', eq + 1) >= 0) {
                String what = eq < 0 ? "has no '='" : "has a second '='";
                throw new ConnectionSettingsException(source + ": URL parameter " + describe(pair, eq, index,
                        afterPassword) + " " + what + "; percent-encode '&' and '=' inside values (%26, %3D)");
            }
            String key = decode(pair.substring(0, eq), "a parameter name", source, jdbc);
            if (!afterPassword && !key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw new ConnectionSettingsException(source + ": URL parameter number " + index
                        + " has a name with characters no option name has");
            }
            String name = afterPassword ? "number " + index : "'" + key + "'";
            String value = decode(pair.substring(eq + 1), "the value of URL parameter " + name, source, jdbc);
            if (afterPassword && !LibpqOptions.isKnown(key)) {
                throw new ConnectionSettingsException(source + ": URL parameter number " + index + " is not a known "
                        + "option; if the password holds '&' or '=', percent-encode them (%26, %3D)");
            }
            keywords.put(key, value);
            if (key.equals("password")) afterPassword = true;
        }
    }

    private static String describe(String pair, int eq, int index, boolean afterPassword) {
        String key = eq < 0 ? pair : pair.substring(0, eq);
        if (afterPassword || !key.matches("[A-Za-z_][A-Za-z0-9_.]{0,40}")) return "number " + index;
        return "'" + key + "'";
    }

    /**
     * libpq's {@code conninfo_uri_decode}: {@code %XX} only ({@code +} stays a plus sign, unlike form decoding),
     * surrounding spaces dropped, inner spaces and {@code %00} refused. pgjdbc decodes {@code jdbc:} URLs as forms,
     * so there a {@code +} is a space, as pgjdbc itself would read it.
     */
    static String decode(String raw, String part, String source, boolean plusIsSpace) {
        String s = raw.strip();
        if (s.indexOf(' ') >= 0) {
            throw new ConnectionSettingsException(source + ": the " + part + " contains a space; write it as %20");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new ConnectionSettingsException(source + ": the " + part + " has a '%' that is not followed "
                            + "by two hexadecimal digits; write a literal % as %25");
                }
                int b = hi * 16 + lo;
                if (b == 0) throw new ConnectionSettingsException(source + ": the " + part + " holds %00, which "
                        + "PostgreSQL does not accept");
                out.write(b);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(bytes, 0, bytes.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConnectionSettingsException(source + ": the " + part + " decodes to bytes that are not UTF-8 "
                    + "text; check its %XX sequences");
        }
    }

    // ---------------------------------------------------------------------------------------- keyword=value

    /**
     * libpq's {@code conninfo_parse}: {@code key = value} pairs separated by spaces; a value in single quotes may
     * hold spaces; a backslash escapes the next character.
     */
    static Map<String, String> parseKeywordValue(String s, String source) {
        Map<String, String> keywords = new LinkedHashMap<>();
        boolean afterPassword = false;
        int i = 0;
        int index = 0;
        while (true) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= s.length()) break;
            index++;
            int start = i;
            while (i < s.length() && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) i++;
            String key = s.substring(start, i);
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            String name = afterPassword || !key.matches("[A-Za-z_][A-Za-z0-9_.]{0,40}") ? "number " + index
                    : "'" + key + "'";
            if (i >= s.length() || s.charAt(i) != '=') {
                throw new ConnectionSettingsException(source + ": option " + name + " has no '=' after it"
                        + (afterPassword ? "; quote a password that holds spaces: password='…'" : ""));
            }
            i++;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            StringBuilder value = new StringBuilder();
            if (i < s.length() && s.charAt(i) == '\'') {
                i++;
                boolean closed = false;
                while (i < s.length()) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < s.length()) {
                        value.append(s.charAt(i++));
                    } else if (c == '\'') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new ConnectionSettingsException(source + ": the value of option " + name + " opens a quote "
                            + "(') that is never closed");
                }
            } else {
                while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < s.length()) value.append(s.charAt(i++));
                    else value.append(c);
                }
            }
            if (!LibpqOptions.isKnown(key)) {
                throw new ConnectionSettingsException(source + ": option " + name + " is not a libpq or pgjdbc "
                        + "connection option" + (afterPassword ? "; quote a password that holds spaces: password='…'"
                        : ""));
            }
            keywords.put(key, value.toString());
            if (key.equals("password")) afterPassword = true;
        }
        return keywords;
    }
}
