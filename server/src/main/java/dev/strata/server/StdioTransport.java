package dev.strata.server;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * MCP over stdin/stdout: one JSON-RPC message per line. Strata's own instead of the SDK's
 * {@code StdioServerTransportProvider}, whose unicast sink drops a message ("Failed to enqueue message") when two
 * threads answer at once (java-sdk issues 304 and 686, still open in 2.1.0) — which a sequential client already
 * triggers after a few dozen calls. Here every write takes one lock, so concurrent answers and notifications
 * interleave by whole lines and none is lost.
 */
public final class StdioTransport implements McpServerTransportProvider {

    private static final Logger log = LoggerFactory.getLogger(StdioTransport.class);

    private final McpJsonMapper json;
    private final InputStream input;
    private final OutputStream output;
    private final Object writeLock = new Object();
    private final CountDownLatch inputClosed = new CountDownLatch(1);
    /** Requests read but not yet answered, so that closing stdin right after a burst still gets every answer. */
    private final Set<Object> unanswered = ConcurrentHashMap.newKeySet();
    private volatile McpServerSession session;
    private volatile boolean closed;

    public StdioTransport(McpJsonMapper json, InputStream input, OutputStream output) {
        this.json = json;
        this.input = input;
        this.output = output;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        this.session = factory.create(new SessionTransport());
        Thread reader = new Thread(this::readLoop, "strata-stdio-in");
        reader.setDaemon(true);
        reader.start();
    }

    /** Blocks until the client closes stdin. */
    public void awaitInputClosed() throws InterruptedException {
        inputClosed.await();
    }

    private void readLoop() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            String line;
            while (!closed && (line = reader.readLine()) != null) {
                if (line.isBlank()) continue;
                McpSchema.JSONRPCMessage message;
                try {
                    message = McpSchema.deserializeJsonRpcMessage(json, line);
                } catch (IOException | RuntimeException e) {
                    log.warn("ignoring a line that is not a JSON-RPC message: {}", e.getMessage());
                    continue;
                }
                if (message instanceof McpSchema.JSONRPCRequest request) unanswered.add(request.id());
                session.handle(message).subscribe(null, e -> log.warn("handling a message failed", e));
            }
        } catch (IOException e) {
            log.debug("stdin closed: {}", e.getMessage());
        } finally {
            inputClosed.countDown();
        }
    }

    private void write(McpSchema.JSONRPCMessage message) throws IOException {
        byte[] line = (json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (writeLock) {
            output.write(line);
            output.flush();
        }
        if (message instanceof McpSchema.JSONRPCResponse response) unanswered.remove(response.id());
    }

    /** Waits until every request read so far has been answered, or the timeout passes. */
    public void awaitAnswered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!unanswered.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession s = session;
        return s == null ? Mono.empty() : s.sendNotification(method, params);
    }

    /** stdio has one session: resources/updated for a subscription goes to it. */
    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        McpServerSession s = session;
        return s == null || !s.getId().equals(sessionId) ? Mono.empty() : s.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        closed = true;
        McpServerSession s = session;
        return s == null ? Mono.empty() : s.closeGracefully();
    }

    private final class SessionTransport implements McpServerTransport {

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> {
                try {
                    write(message);
                } catch (IOException e) {
                    throw new IllegalStateException("stdout closed: " + e.getMessage(), e);
                }
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return json.convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(() -> closed = true);
        }
    }
}
