package dev.strata.drift;

import dev.strata.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Canonical snapshot text: fields in the model's declaration order, relations one field per line, and every
 * column, key, constraint, index and trigger on a line of its own. A git diff of two snapshots then shows one
 * changed line per changed column or index, instead of a reflowed block.
 */
public final class SnapshotWriter {

    private SnapshotWriter() {
    }

    public static String write(Snapshot snapshot) {
        StringBuilder out = new StringBuilder();
        write(Json.MAPPER.valueToTree(snapshot), 0, out);
        return out.append('\n').toString();
    }

    public static void write(Snapshot snapshot, Path file) {
        try {
            Files.writeString(file, write(snapshot), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a snapshot; the message of the exception says why a file is not one. */
    public static Snapshot read(String text) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject() || !node.has("format") || !node.has("relations")) {
            throw new IllegalArgumentException("not a Strata snapshot (no format or relations field)");
        }
        int format = node.get("format").asInt();
        if (format > Snapshot.FORMAT) {
            throw new IllegalArgumentException("snapshot format " + format + " is newer than this Strata reads ("
                    + Snapshot.FORMAT + "); upgrade Strata");
        }
        try {
            return Json.MAPPER.treeToValue(node, Snapshot.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a valid Strata snapshot (" + e.getOriginalMessage() + ")");
        }
    }

    public static Snapshot read(Path file) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Depth 0 is the snapshot, 1 its lists, 2 a schema or relation, 3 a relation's lists. Objects below depth 2
     * and relations' list items are written on one line each.
     */
    private static void write(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject() && (depth == 0 || depth == 2 && hasList(node))) {
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                indent(depth + 1, out).append(Json.write(f.getKey())).append(": ");
                write(f.getValue(), depth + 1, out);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            indent(depth, out).append('}');
        } else if (node.isArray() && depth <= 3 && !node.isEmpty()) {
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                indent(depth + 1, out);
                write(node.get(i), depth + 1, out);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            indent(depth, out).append(']');
        } else {
            out.append(Json.write(node));
        }
    }

    private static boolean hasList(JsonNode node) {
        for (JsonNode v : node.values()) {
            if (v.isArray()) return true;
        }
        return false;
    }

    private static StringBuilder indent(int depth, StringBuilder out) {
        return out.append("  ".repeat(depth));
    }
}
