package dev.strata.server.http;

import dev.strata.server.JsonRpc;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Request and response plumbing shared by the two HTTP transports. */
final class HttpIo {

    /** Largest request body read; a bigger one is refused before it is parsed. */
    static final int MAX_BODY = 16 * 1024 * 1024;

    private HttpIo() {
    }

    /** The body as UTF-8, or null when it is larger than {@link #MAX_BODY} (a 413 has then been sent). */
    static String body(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            tooLarge(response);
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > MAX_BODY) {
                    tooLarge(response);
                    return null;
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void tooLarge(HttpServletResponse response) throws IOException {
        error(response, 413, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                "the message is larger than " + MAX_BODY / (1024 * 1024) + " MiB");
    }

    /** A JSON-RPC error answer with an HTTP status. */
    static void error(HttpServletResponse response, int status, Object id, int code, String message)
            throws IOException {
        json(response, status, JsonRpc.errorJson(id, code, message));
    }

    static void json(HttpServletResponse response, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** True unless an Accept header is present and admits none of the given media types (nor a wildcard). */
    static boolean accepts(HttpServletRequest request, String... types) {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank() || accept.contains("*/*")) return true;
        for (String type : types) {
            if (accept.contains(type)) return true;
        }
        return false;
    }
}
