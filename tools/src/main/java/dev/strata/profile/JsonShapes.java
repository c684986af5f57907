package dev.strata.profile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one JSON document into the key paths it holds ({@code event}, {@code event.type}), down to a small
 * depth: enough to tell generations of a payload apart without walking huge documents.
 */
public final class JsonShapes {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final int MAX_DEPTH = 3;

    private JsonShapes() {
    }

    /** The key paths of {@code text}, or null when it is not JSON. Arrays contribute no paths. */
    public static Set<String> paths(String text) {
        String s = text.strip();
        if (s.isEmpty() || (s.charAt(0) != '{' && s.charAt(0) != '[')) return null;
        JsonNode node;
        try {
            node = MAPPER.readTree(s);
        } catch (JacksonException e) {
            return null;
        }
        Set<String> out = new TreeSet<>();
        collect(node, "", 1, out);
        return out;
    }

    /** Whether {@code text} parses as JSON at all (scalars included, as PostgreSQL's ::jsonb accepts them). */
    public static boolean isJson(String text) {
        try {
            MAPPER.readTree(text);
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static void collect(JsonNode node, String prefix, int depth, Set<String> out) {
        if (node == null || !node.isObject() || depth > MAX_DEPTH) return;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            out.add(path);
            collect(e.getValue(), path, depth + 1, out);
        }
    }

}
