package dev.strata.server.http;

import dev.strata.server.JsonRpc;
import dev.strata.server.mcp.SafeErrors;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.util.List;

/**
 * Stateless streamable HTTP on {@code POST /mcp}: every request is answered on its own, with no session, so replicas
 * can sit behind any load balancer. Every answer is JSON-RPC: a method the server does not have is {@code -32601}
 * with HTTP 200, text that is not JSON is {@code -32700} and a batch or a malformed message {@code -32600} with HTTP
 * 400 — never a serialized Java exception. {@code GET} and {@code DELETE} are 405: there is no event stream and no
 * session to end.
 */
public final class StatelessHttpTransport extends HttpServlet implements McpStatelessServerTransport {

    private static final Logger log = LoggerFactory.getLogger(StatelessHttpTransport.class);

    private final transient McpJsonMapper json;
    private transient volatile McpStatelessServerHandler handler;
    private volatile boolean closing;

    public StatelessHttpTransport(McpJsonMapper json) {
        this.json = json;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        this.handler = handler;
    }

    @Override
    public List<String> protocolVersions() {
        return List.of(ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18,
                ProtocolVersions.MCP_2025_11_25);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> closing = true);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        notAllowed(response, "stateless server: no event stream to open (GET); send requests with POST");
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        notAllowed(response, "stateless server: there is no session to end (DELETE)");
    }

    static void notAllowed(HttpServletResponse response, String message) throws IOException {
        response.setHeader("Allow", "POST");
        HttpIo.error(response, 405, null, McpSchema.ErrorCodes.INVALID_REQUEST, message);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (closing || handler == null) {
            HttpIo.error(response, 503, null, McpSchema.ErrorCodes.INTERNAL_ERROR, "the server is shutting down");
            return;
        }
        if (!HttpIo.accepts(request, "application/json", "text/event-stream")) {
            HttpIo.error(response, 406, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Accept must include application/json");
            return;
        }
        String body = HttpIo.body(request, response);
        if (body == null) return;
        JsonRpc.Intake intake = JsonRpc.read(json, body);
        if (intake instanceof JsonRpc.Invalid invalid) {
            HttpIo.json(response, 400, invalid.json());
            return;
        }
        McpSchema.JSONRPCMessage message = ((JsonRpc.Message) intake).message();
        McpTransportContext context = McpTransportContext.EMPTY;
        if (message instanceof McpSchema.JSONRPCRequest call) {
            McpSchema.JSONRPCResponse answer;
            try {
                answer = handler.handleRequest(context, call)
                        .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context)).block();
            } catch (RuntimeException e) {
                answer = errorAnswer(call.id(), e);
            }
            if (answer == null) answer = errorAnswer(call.id(), new IllegalStateException("no answer"));
            HttpIo.json(response, 200, json.writeValueAsString(SafeErrors.response(answer)));
        } else if (message instanceof McpSchema.JSONRPCNotification notification) {
            try {
                handler.handleNotification(context, notification)
                        .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context)).block();
            } catch (RuntimeException e) {
                log.debug("notification {} failed: {}", notification.method(), e.toString());
            }
            response.setStatus(202);
        } else {
            // A response to a server request: a stateless server sends none, so there is nothing to match it with.
            response.setStatus(202);
        }
    }

    /** An unknown method comes back from the SDK as an McpError (-32601); anything else is an internal error. */
    static McpSchema.JSONRPCResponse errorAnswer(Object id, Throwable e) {
        Throwable cause = reactor.core.Exceptions.unwrap(e);
        if (cause instanceof McpError mcp && mcp.getJsonRpcError() != null) {
            return McpSchema.JSONRPCResponse.error(id, mcp.getJsonRpcError());
        }
        log.warn("request failed", cause);
        return McpSchema.JSONRPCResponse.error(id, new McpSchema.JSONRPCResponse.JSONRPCError(
                McpSchema.ErrorCodes.INTERNAL_ERROR, SafeErrors.fallback(McpSchema.ErrorCodes.INTERNAL_ERROR)));
    }
}
