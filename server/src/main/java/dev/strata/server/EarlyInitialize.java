package dev.strata.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to stdio's first {@code initialize}, written before any library is warm: a client spawns the process
 * and waits for this one line, and at that moment Jackson, Reactor and the MCP SDK are still cold code. The line
 * is read with a small JSON reader and answered from a constant, so the answer costs what the JVM's start costs.
 * Anything unusual (not an initialize request, an odd id, unreadable JSON) returns null and takes the normal path.
 * {@code StdioInitializeTest} checks that this answer is exactly the SDK server's, for every protocol version.
 */
final class EarlyInitialize {

    /** The protocol versions the stdio transport supports, oldest first (the SDK's list for stdio). */
    static final List<String> VERSIONS = List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

    /** {@link Launcher#sessionCapabilities()} as JSON; StdioInitializeTest compares it with the SDK's. */
    private static final String CAPABILITIES = "{\"completions\":{},\"logging\":{},\"prompts\":{\"listChanged\":false},"
            + "\"resources\":{\"subscribe\":true,\"listChanged\":true},\"tools\":{\"listChanged\":false}}";

    private EarlyInitialize() {
    }

    /** The answer line for an initialize request, or null when the line is anything else. */
    static String answer(String line) {
        Object parsed;
        try {
            Reader reader = new Reader(line);
            parsed = reader.value();
            reader.end();
        } catch (RuntimeException e) {
            return null;
        }
        if (!(parsed instanceof Map<?, ?> request) || !"2.0".equals(request.get("jsonrpc"))
                || !"initialize".equals(request.get("method"))) {
            return null;
        }
        Object id = request.get("id");
        String idJson;
        if (id instanceof String s) {
            idJson = quote(s);
        } else if (id instanceof Long n) {
            idJson = n.toString();
        } else {
            return null;
        }
        if (!(request.get("params") instanceof Map<?, ?> params) || !(params.get("protocolVersion") instanceof String v)
                || !(params.get("capabilities") instanceof Map<?, ?>) || !(params.get("clientInfo") instanceof Map<?, ?>)) {
            return null;
        }
        String version = VERSIONS.contains(v) ? v : VERSIONS.get(VERSIONS.size() - 1);
        return "{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"result\":{\"protocolVersion\":" + quote(version)
                + ",\"capabilities\":" + CAPABILITIES + ",\"serverInfo\":{\"name\":" + quote(Launcher.NAME)
                + ",\"version\":" + quote(Launcher.VERSION) + "},\"instructions\":"
                + quote(Launcher.INSTRUCTIONS) + "}}";
    }

    /** A JSON string literal (JsonRpc.quote, repeated here so that nothing else is loaded first). */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    /** Just enough JSON: objects, arrays, strings with escapes, integers (as Long), other numbers, literals. */
    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> map = new HashMap<>();
                    skip();
                    if (s.charAt(i) == '}') {
                        i++;
                        return map;
                    }
                    while (true) {
                        skip();
                        String key = string();
                        skip();
                        expect(':');
                        map.put(key, value());
                        skip();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return map;
                        }
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> list = new ArrayList<>();
                    skip();
                    if (s.charAt(i) == ']') {
                        i++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        skip();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return list;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                case 't' -> {
                    literal("true");
                    return Boolean.TRUE;
                }
                case 'f' -> {
                    literal("false");
                    return Boolean.FALSE;
                }
                case 'n' -> {
                    literal("null");
                    return null;
                }
                default -> {
                    return number();
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return out.toString();
                if (c < 0x20) throw new IllegalArgumentException("control character in a string");
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape");
                }
            }
        }

        private Object number() {
            int start = i;
            if (s.charAt(i) == '-') i++;
            boolean integral = true;
            while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
                if ("0123456789-".indexOf(s.charAt(i)) < 0) integral = false;
                i++;
            }
            String text = s.substring(start, i);
            if (text.isEmpty() || text.equals("-")) throw new IllegalArgumentException("not a value");
            return integral ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
        }

        private void literal(String word) {
            if (!s.startsWith(word, i)) throw new IllegalArgumentException("not a value");
            i += word.length();
        }

        private void expect(char c) {
            if (s.charAt(i) != c) throw new IllegalArgumentException("expected " + c);
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        void end() {
            skip();
            if (i != s.length()) throw new IllegalArgumentException("trailing text");
        }
    }
}
