package dev.strata.server.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * What an error may tell a client. Exceptions raised deep in a library (Jackson, Reactor, the MCP SDK, the JDBC
 * driver) carry Java class names and stack frames in their messages; the SDK even copies the whole cause chain into
 * a JSON-RPC error's {@code data}. None of that helps a client and all of it describes the server's insides, so
 * every error that leaves Strata — on any transport — passes through here: its code and a plain message stay,
 * Java internals are replaced by a generic sentence and the original goes to the server's log.
 */
public final class SafeErrors {

    private static final Logger log = LoggerFactory.getLogger(SafeErrors.class);

    /**
     * Package-qualified class names ({@code tools.jackson.databind.X}, {@code java.lang.String}), exception and error
     * class names, nested-class references ({@code McpSchema$CallToolRequest}) and stack frames.
     */
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][\\w$]*"
                    + "|\\b[A-Z]\\w*(?:Exception|Error)\\b"
                    + "|\\w\\$[A-Z]\\w*"
                    + "|(?:^|\\n)\\s*at\\s+[\\w.$]+\\("
                    + "|\\bat \\[Source:");

    private static final int MAX_MESSAGE = 2_000;

    private SafeErrors() {
    }

    /** True when the text names Java classes or carries stack frames. */
    public static boolean leaksInternals(String text) {
        return text != null && JAVA_INTERNALS.matcher(text).find();
    }

    /** A message fit for a client: the original when it says nothing about Java, else {@code fallback}. */
    public static String message(String original, String fallback) {
        if (original == null || original.isBlank()) return fallback;
        if (leaksInternals(original)) {
            log.warn("error detail kept in the log, not sent to the client: {}", original);
            return fallback;
        }
        return original.length() > MAX_MESSAGE ? original.substring(0, MAX_MESSAGE) + "…" : original;
    }

    /** The response itself when it is a result; an error response with a safe message and no Java data otherwise. */
    public static McpSchema.JSONRPCResponse response(McpSchema.JSONRPCResponse response) {
        McpSchema.JSONRPCResponse.JSONRPCError error = response.error();
        if (error == null) return response;
        Object data = error.data();
        // The SDK puts McpError.aggregateExceptionMessages (class names of the cause chain) in data as a string.
        if (data instanceof CharSequence || (data != null && leaksInternals(String.valueOf(data)))) data = null;
        String message = message(error.message(), fallback(error.code()));
        if (data == error.data() && message.equals(error.message())) return response;
        return new McpSchema.JSONRPCResponse(response.jsonrpc(), response.id(), null,
                new McpSchema.JSONRPCResponse.JSONRPCError(error.code(), message, data));
    }

    /** A generic message per JSON-RPC error code, for when the original one cannot be shown. */
    public static String fallback(Integer code) {
        if (code == null) return "internal error; the server is still running (details in its log)";
        return switch (code) {
            case McpSchema.ErrorCodes.PARSE_ERROR -> "parse error: the message is not valid JSON";
            case McpSchema.ErrorCodes.INVALID_REQUEST -> "invalid request: not a valid JSON-RPC 2.0 message";
            case McpSchema.ErrorCodes.METHOD_NOT_FOUND -> "method not found";
            case McpSchema.ErrorCodes.INVALID_PARAMS ->
                    "invalid params: the parameters do not have the shape this method expects";
            case McpSchema.ErrorCodes.RESOURCE_NOT_FOUND -> "resource not found";
            default -> "internal error; the server is still running (details in its log)";
        };
    }
}
