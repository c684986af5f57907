package dev.strata.server;

import dev.strata.server.mcp.SafeErrors;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * MCP over stdin/stdout: one JSON-RPC message per line. Strata's own instead of the SDK's
 * {@code StdioServerTransportProvider}, whose unicast sink drops a message ("Failed to enqueue message") when two
 * threads answer at once (java-sdk issues 304 and 686, still open in 2.1.0) — which a sequential client already
 * triggers after a few dozen calls. Here every write takes one lock, so concurrent answers and notifications
 * interleave by whole lines and none is lost.
 *
 * <p>It starts reading before the MCP server is built: the answer to {@code initialize} depends on nothing but
 * constants (server info, capabilities, the protocol version agreed), so it is written at once from
 * {@link #answerInitializeEarly}, while the tools, the SDK server and the database connection are still being set
 * up. Everything read meanwhile waits in order; once the server exists, it is handed the initialize request (its
 * own answer, the same, is not written twice) and then the rest.
 */
public final class StdioTransport implements McpServerTransportProvider {

    private static final Logger log = LoggerFactory.getLogger(StdioTransport.class);

    /** Built on first use: the early initialize answer must not wait for Jackson to start. */
    private final java.util.function.Supplier<McpJsonMapper> jsonMapper;
    private volatile McpJsonMapper json;
    private final InputStream input;
    private final OutputStream output;
    private final Object writeLock = new Object();
    private final CountDownLatch inputClosed = new CountDownLatch(1);
    /** Requests read but not yet answered, so that closing stdin right after a burst still gets every answer. */
    private final Set<Object> unanswered = ConcurrentHashMap.newKeySet();
    private volatile McpServerSession session;
    /** Lines read before the server existed, in order; null once it is attached. */
    private java.util.List<McpSchema.JSONRPCMessage> waiting = new java.util.ArrayList<>();
    private java.util.function.Function<McpSchema.JSONRPCRequest, McpSchema.JSONRPCResponse> earlyInitialize;
    /** The id of an initialize request answered early, whose second answer (the SDK's) is dropped. */
    private volatile Object answeredEarly;
    private volatile boolean started;
    private volatile boolean fastAnswerPending;
    private final CountDownLatch initializeAnswered = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile boolean initializeSeen;
    private int answered;
    private volatile boolean initializedSeen;

    public StdioTransport(McpJsonMapper json, InputStream input, OutputStream output) {
        this(() -> json, input, output);
    }

    public StdioTransport(java.util.function.Supplier<McpJsonMapper> json, InputStream input, OutputStream output) {
        this.jsonMapper = json;
        this.input = input;
        this.output = output;
    }

    private McpJsonMapper json() {
        McpJsonMapper j = json;
        if (j == null) json = j = jsonMapper.get();
        return j;
    }

    /** Starts reading now; requests wait for the server, except initialize when an early answer is given. */
    public StdioTransport start(
            java.util.function.Function<McpSchema.JSONRPCRequest, McpSchema.JSONRPCResponse> answerInitializeEarly) {
        this.earlyInitialize = answerInitializeEarly;
        started = true;
        Thread reader = new Thread(this::readLoop, "strata-stdio-in");
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        McpServerSession created = factory.create(new SessionTransport());
        synchronized (this) {
            this.session = created;
            java.util.List<McpSchema.JSONRPCMessage> before = waiting;
            waiting = null;
            if (before != null) {
                for (McpSchema.JSONRPCMessage m : before) dispatchSafely(m);
            }
        }
        if (!started) start(null);
    }

    private void dispatchSafely(McpSchema.JSONRPCMessage message) {
        try {
            handle(message);
        } catch (IOException e) {
            log.debug("stdout closed: {}", e.getMessage());
        }
    }

    /**
     * Waits until initialize has been answered early, at most {@code max}: on two cores, building the tools beside
     * the first answer would only slow the answer the client is waiting for.
     */
    public void awaitEarlyInitialize(Duration max) throws InterruptedException {
        initializeAnswered.await(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
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
                if (!fastAnswerPending && answeredEarly == null && earlyInitialize != null && !initializeSeen
                        && isWaiting()) {
                    String fast = EarlyInitialize.answer(line);
                    if (fast != null) {
                        writeLine(fast);
                        fastAnswerPending = true;
                        StartupTrace.mark("initialize answered early");
                        initializeAnswered.countDown();
                    }
                }
                JsonRpc.Intake intake = JsonRpc.read(json(), line);
                if (intake instanceof JsonRpc.Invalid invalid) {
                    writeLine(invalid.json());
                    continue;
                }
                McpSchema.JSONRPCMessage message = ((JsonRpc.Message) intake).message();
                synchronized (this) {
                    if (waiting != null) {
                        early(message);
                        continue;
                    }
                }
                handle(message);
            }
        } catch (IOException e) {
            log.debug("stdin closed: {}", e.getMessage());
        } finally {
            inputClosed.countDown();
        }
    }

    /**
     * The lifecycle rules the SDK session does not keep on its own: it holds every request but {@code initialize}
     * until {@code notifications/initialized} arrives — a {@code ping} before {@code initialize} was never answered,
     * and a request sent right after the initialize answer waited for a notification some clients send late. Here a
     * ping is always answered at once (MCP allows pings at any time), a request before {@code initialize} gets an
     * error that says so, and a request after the initialize answer counts as the client being initialized.
     */
    private void handle(McpSchema.JSONRPCMessage message) throws IOException {
        if (message instanceof McpSchema.JSONRPCRequest request) {
            if (McpSchema.METHOD_PING.equals(request.method())) {
                writeLine(json().writeValueAsString(McpSchema.JSONRPCResponse.result(request.id(), Map.of())));
                return;
            }
            if (McpSchema.METHOD_INITIALIZE.equals(request.method())) {
                if (fastAnswerPending) claimFastAnswer(request);
                initializeSeen = true;
            } else if (!initializeSeen) {
                writeLine(JsonRpc.errorJson(request.id(), McpSchema.ErrorCodes.INVALID_REQUEST,
                        "the session is not initialized: send initialize first"));
                return;
            } else if (!initializedSeen) {
                initializedSeen = true;
                dispatch(new McpSchema.JSONRPCNotification(McpSchema.METHOD_NOTIFICATION_INITIALIZED, null));
            }
            unanswered.add(request.id());
        } else if (message instanceof McpSchema.JSONRPCNotification notification
                && McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(notification.method())) {
            if (initializedSeen) return;
            initializedSeen = true;
        }
        dispatch(message);
    }

    /** Before the server exists: ping and initialize are answered now, everything else waits for it. */
    private void early(McpSchema.JSONRPCMessage message) throws IOException {
        if (message instanceof McpSchema.JSONRPCRequest request) {
            if (McpSchema.METHOD_PING.equals(request.method())) {
                handle(request);
                return;
            }
            if (McpSchema.METHOD_INITIALIZE.equals(request.method()) && fastAnswerPending) {
                claimFastAnswer(request);
            } else if (McpSchema.METHOD_INITIALIZE.equals(request.method()) && earlyInitialize != null
                    && answeredEarly == null) {
                McpSchema.JSONRPCResponse answer = earlyInitialize.apply(request);
                if (answer != null) {
                    answeredEarly = request.id();
                    writeLine(json().writeValueAsString(answer));
                    StartupTrace.mark("initialize answered early");
                }
                initializeAnswered.countDown();
            }
        }
        waiting.add(message);
    }

    /** The request answered from its text by {@link EarlyInitialize}: the SDK's own answer to it is not sent. */
    private synchronized void claimFastAnswer(McpSchema.JSONRPCRequest request) {
        if (!fastAnswerPending) return;
        fastAnswerPending = false;
        answeredEarly = request.id();
    }

    private synchronized boolean isWaiting() {
        return waiting != null;
    }

    private void dispatch(McpSchema.JSONRPCMessage message) {
        session.handle(message).subscribe(null, e -> log.warn("handling a message failed: {}", e.toString()));
    }

    private void writeLine(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (writeLock) {
            output.write(bytes);
            output.flush();
        }
    }

    private void write(McpSchema.JSONRPCMessage message) throws IOException {
        if (message instanceof McpSchema.JSONRPCResponse response && answeredEarly != null
                && answeredEarly.equals(response.id()) && response.error() == null) {
            answeredEarly = null; // the SDK's own initialize answer: the client has had it already
            unanswered.remove(response.id());
            return;
        }
        if (message instanceof McpSchema.JSONRPCResponse response) message = SafeErrors.response(response);
        writeLine(json().writeValueAsString(message));
        if (message instanceof McpSchema.JSONRPCResponse response) {
            unanswered.remove(response.id());
            if (answered++ < 2) StartupTrace.mark("answer " + response.id() + " written");
        }
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
            return json().convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(() -> closed = true);
        }
    }
}
