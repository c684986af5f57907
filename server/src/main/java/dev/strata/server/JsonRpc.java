package dev.strata.server;

import dev.strata.server.mcp.SafeErrors;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Reads one incoming JSON-RPC message the way JSON-RPC 2.0 asks, for every transport: text that is not JSON is a
 * parse error (-32700), an array (a batch, which MCP removed in 2025-06-18) or an object that is not a request,
 * notification or response is an invalid request (-32600). Those get an error answer with {@code "id": null} (or
 * the request's id when it could be read) instead of an exception.
 */
public final class JsonRpc {

    /** What came in: a message to handle, or the error answer to send back. */
    public sealed interface Intake permits Message, Invalid {
    }

    public record Message(McpSchema.JSONRPCMessage message) implements Intake {
    }

    /** @param id the request's id when it could be read, else null */
    public record Invalid(int code, String message, Object id) implements Intake {
        public String json() {
            return errorJson(id, code, message);
        }
    }

    private JsonRpc() {
    }

    public static Intake read(McpJsonMapper json, String text) {
        Object tree;
        try {
            tree = json.readValue(text, Object.class);
        } catch (IOException | RuntimeException e) {
            return new Invalid(McpSchema.ErrorCodes.PARSE_ERROR, "parse error: the message is not valid JSON", null);
        }
        if (tree instanceof List<?>) {
            return new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, "batches are not supported: send one JSON-RPC "
                    + "message at a time (MCP removed batching in protocol version 2025-06-18)", null);
        }
        if (!(tree instanceof Map<?, ?> map)) {
            return new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, "a JSON-RPC message must be a JSON object", null);
        }
        Object id = validId(map.get("id")) ? map.get("id") : null;
        if (map.containsKey("id") && map.get("id") != null && id == null) {
            return new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, "id must be a string or an integer", null);
        }
        if (!"2.0".equals(map.get("jsonrpc"))) {
            return new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, "jsonrpc must be \"2.0\"", id);
        }
        if (map.containsKey("method")) {
            if (!(map.get("method") instanceof String)) {
                return new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, "method must be a string", id);
            }
            Object params = map.get("params");
            if (params != null && !(params instanceof Map<?, ?>)) {
                return new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, "params must be an object", id);
            }
        } else if (!map.containsKey("result") && !map.containsKey("error")) {
            return new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST,
                    "neither a request (method) nor a response (result or error)", id);
        }
        try {
            return new Message(McpSchema.deserializeJsonRpcMessage(json, text));
        } catch (IOException | RuntimeException e) {
            return new Invalid(McpSchema.ErrorCodes.INVALID_REQUEST, SafeErrors.message(e.getMessage(),
                    SafeErrors.fallback(McpSchema.ErrorCodes.INVALID_REQUEST)), id);
        }
    }

    private static boolean validId(Object id) {
        return id instanceof String || id instanceof Integer || id instanceof Long || id instanceof BigInteger;
    }

    /** An error answer, written by hand so that a null id is written as {@code "id": null} as JSON-RPC requires. */
    public static String errorJson(Object id, int code, String message) {
        String idJson = id == null ? "null" : id instanceof String s ? quote(s) : id.toString();
        return "{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"error\":{\"code\":" + code + ",\"message\":"
                + quote(message) + "}}";
    }

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
}
