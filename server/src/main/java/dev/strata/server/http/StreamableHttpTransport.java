package dev.strata.server.http;

import dev.strata.server.JsonRpc;
import dev.strata.server.mcp.SafeErrors;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MCP streamable HTTP on {@code /mcp}, with sessions ({@code Mcp-Session-Id}).
 * <ul>
 * <li>{@code POST} with a request answers on its own event stream; notifications and responses get 202.</li>
 * <li>{@code GET} opens the session's event stream for server-initiated messages (schema-change notifications,
 * {@code resources/updated} for subscriptions). Its headers go out at once — before the first event — so a client
 * is never left waiting for a response to start.</li>
 * <li>Every event carries an id {@code <stream>-<sequence>}, unique within the session, and each stream keeps its
 * recent events: a client that lost its connection comes back with {@code GET} and {@code Last-Event-ID} and gets
 * what it missed on that stream, then the live stream.</li>
 * <li>{@code DELETE} ends the session. Malformed input gets a JSON-RPC error ({@code -32700}, {@code -32600}), never a
 * Java exception.</li>
 * <li>Shutting down completes every open stream at once, so the web server can stop without waiting for them.</li>
 * </ul>
 */
public final class StreamableHttpTransport extends HttpServlet implements McpStreamableServerTransportProvider {

    private static final Logger log = LoggerFactory.getLogger(StreamableHttpTransport.class);
    private static final String SESSION_HEADER = "Mcp-Session-Id";
    /** Events kept per stream for resumption. */
    static final int EVENTS_KEPT = 256;
    /** Finished request streams kept per session for resumption: at most this many, bytes and minutes. */
    static final int STREAMS_KEPT = 32;
    static final long SESSION_BYTES_KEPT = 4L * 1024 * 1024;
    private static final Duration FINISHED_KEPT = Duration.ofMinutes(5);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);
    /** A session nobody has used (no request, no open stream) for this long is forgotten. */
    private static final Duration IDLE_SESSION = Duration.ofMinutes(30);

    private final transient McpJsonMapper json;
    private final transient Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final transient ScheduledExecutorService timer;
    private transient volatile McpStreamableServerSession.Factory factory;
    private volatile boolean closing;

    public StreamableHttpTransport(McpJsonMapper json) {
        this.json = json;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "strata-http-keepalive");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory factory) {
        this.factory = factory;
    }

    @Override
    public List<String> protocolVersions() {
        return List.of(ProtocolVersions.MCP_2024_11_05, ProtocolVersions.MCP_2025_03_26,
                ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);
    }

    /** Open sessions (for tests and the load benchmark). */
    public int sessionCount() {
        return sessions.size();
    }

    // ------------------------------------------------------------------ provider

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Flux.fromIterable(new ArrayList<>(sessions.values()))
                .flatMap(s -> s.mcp.sendNotification(method, params).onErrorResume(e -> Mono.empty()))
                .then();
    }

    /** {@code resources/updated} for one subscribed session: sent on its event stream (kept there when it is away). */
    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        Session s = sessions.get(sessionId);
        return s == null ? Mono.empty() : s.mcp.sendNotification(method, params).onErrorResume(e -> Mono.empty());
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::shutdown);
    }

    /** Completes every open event stream now, so that no connection keeps the web server from stopping. */
    public void shutdown() {
        closing = true;
        timer.shutdownNow();
        for (Session s : sessions.values()) s.end();
        sessions.clear();
    }

    // ------------------------------------------------------------------ HTTP

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (closing || factory == null) {
            HttpIo.error(response, 503, null, McpSchema.ErrorCodes.INTERNAL_ERROR, "the server is shutting down");
            return;
        }
        if (!HttpIo.accepts(request, "application/json", "text/event-stream")) {
            HttpIo.error(response, 406, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Accept must include application/json and text/event-stream");
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
        if (message instanceof McpSchema.JSONRPCRequest call && McpSchema.METHOD_INITIALIZE.equals(call.method())) {
            initialize(call, response);
            return;
        }
        Session session = session(request, response);
        if (session == null) return;
        McpTransportContext context = McpTransportContext.EMPTY;
        if (message instanceof McpSchema.JSONRPCNotification notification) {
            session.mcp.accept(notification).contextWrite(c -> c.put(McpTransportContext.KEY, context))
                    .onErrorResume(e -> Mono.empty()).block();
            response.setStatus(202);
        } else if (message instanceof McpSchema.JSONRPCResponse answer) {
            session.mcp.accept(answer).onErrorResume(e -> Mono.empty()).block();
            response.setStatus(202);
        } else {
            McpSchema.JSONRPCRequest call = (McpSchema.JSONRPCRequest) message;
            EventStream stream = session.newStream(false);
            stream.attach(Connection.open(request, response, stream), 0);
            session.mcp.responseStream(call, stream)
                    .contextWrite(c -> c.put(McpTransportContext.KEY, context))
                    .subscribe(null, e -> {
                        stream.send(StatelessHttpTransport.errorAnswer(call.id(), e));
                        stream.finish();
                    }, stream::finish);
        }
    }

    private void initialize(McpSchema.JSONRPCRequest call, HttpServletResponse response) throws IOException {
        McpSchema.InitializeRequest init;
        try {
            init = json.convertValue(call.params(), new TypeRef<McpSchema.InitializeRequest>() {
            });
        } catch (RuntimeException e) {
            HttpIo.error(response, 400, call.id(), McpSchema.ErrorCodes.INVALID_PARAMS,
                    "initialize needs protocolVersion, capabilities and clientInfo");
            return;
        }
        McpStreamableServerSession.McpStreamableServerSessionInit started = factory.startSession(init);
        McpSchema.InitializeResult result;
        try {
            result = started.initResult().block();
        } catch (RuntimeException e) {
            HttpIo.json(response, 200, json.writeValueAsString(SafeErrors.response(
                    StatelessHttpTransport.errorAnswer(call.id(), e))));
            return;
        }
        Session session = new Session(started.session(), result == null ? null : result.protocolVersion());
        sessions.put(session.id(), session);
        response.setHeader(SESSION_HEADER, session.id());
        HttpIo.json(response, 200, json.writeValueAsString(McpSchema.JSONRPCResponse.result(call.id(), result)));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (closing) {
            HttpIo.error(response, 503, null, McpSchema.ErrorCodes.INTERNAL_ERROR, "the server is shutting down");
            return;
        }
        if (!HttpIo.accepts(request, "text/event-stream")) {
            response.setHeader("Allow", "POST, DELETE");
            HttpIo.error(response, 405, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "GET opens an event stream: send Accept: text/event-stream");
            return;
        }
        Session session = session(request, response);
        if (session == null) return;
        String lastEventId = request.getHeader("Last-Event-ID");
        EventStream resumed = lastEventId == null ? null : session.stream(lastEventId);
        long after = lastEventId == null ? 0 : EventStream.sequenceOf(lastEventId);
        if (resumed != null && !(resumed.listening && resumed.isFinished())) {
            resumed.attach(Connection.open(request, response, resumed), after);
            return;
        }
        EventStream stream = session.newListeningStream();
        Connection connection = Connection.open(request, response, stream);
        // A listening stream that was replaced: what it kept after the client's last event comes first.
        if (resumed != null) resumed.replay(connection, after);
        stream.attach(connection, 0);
        if (session.primes() && resumed == null) stream.prime();
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Session session = session(request, response);
        if (session == null) return;
        sessions.remove(session.id());
        session.end();
        session.mcp.delete().onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(5));
        response.setStatus(204);
    }

    /** The request's session, or null after answering 400 (no header) or 404 (unknown or ended session). */
    private Session session(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getHeader(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            HttpIo.error(response, 400, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "missing Mcp-Session-Id header: send initialize first and repeat the session id it returns");
            return null;
        }
        Session session = sessions.get(id);
        if (session == null) {
            HttpIo.error(response, 404, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "unknown or ended session: send initialize again");
            return null;
        }
        session.touch();
        return session;
    }

    private void keepAlive() {
        long now = System.nanoTime();
        for (Session s : sessions.values()) {
            boolean connected = s.keepAlive();
            if (!connected && now - s.lastActive > IDLE_SESSION.toNanos()) {
                sessions.remove(s.id());
                s.end();
                s.mcp.close();
            }
        }
    }

    // ------------------------------------------------------------------ sessions and streams

    private final class Session {
        final McpStreamableServerSession mcp;
        final String protocolVersion;
        final AtomicInteger streamNumbers = new AtomicInteger();
        /** Recent streams by number, oldest first: the listening one plus finished ones kept for resumption. */
        final LinkedHashMap<Integer, EventStream> streams = new LinkedHashMap<>();
        EventStream listening;
        volatile long lastActive = System.nanoTime();

        Session(McpStreamableServerSession mcp, String protocolVersion) {
            this.mcp = mcp;
            this.protocolVersion = protocolVersion;
        }

        String id() {
            return mcp.getId();
        }

        void touch() {
            lastActive = System.nanoTime();
        }

        /** Clients of 2025-11-25 expect an event id at once (SEP-1699), older ones just the open stream. */
        boolean primes() {
            return protocolVersion != null && protocolVersion.compareTo(ProtocolVersions.MCP_2025_11_25) >= 0;
        }

        synchronized EventStream newStream(boolean isListening) {
            EventStream stream = new EventStream(this, streamNumbers.incrementAndGet(), isListening);
            streams.put(stream.number, stream);
            trim(STREAMS_KEPT, SESSION_BYTES_KEPT, Long.MAX_VALUE);
            return stream;
        }

        /** Forgets the oldest streams (never the listening one) while over a bound; finished ones past maxAge. */
        synchronized void trim(int maxStreams, long maxBytes, long maxAgeNanos) {
            long bytes = 0;
            for (EventStream s : streams.values()) bytes += s.keptBytes();
            long now = System.nanoTime();
            var it = streams.values().iterator();
            while (it.hasNext()) {
                EventStream oldest = it.next();
                if (oldest == listening) continue;
                boolean over = streams.size() > maxStreams || bytes > maxBytes;
                boolean old = oldest.finishedFor(now) > maxAgeNanos;
                if (!over && !old) continue;
                bytes -= oldest.keptBytes();
                it.remove();
                oldest.finish();
            }
        }

        /** A new listening stream; the previous one (a connection the client gave up on) is finished. */
        synchronized EventStream newListeningStream() {
            EventStream previous = listening;
            EventStream stream = newStream(true);
            listening = stream;
            mcp.listeningStream(stream);
            if (previous != null) previous.finish();
            return stream;
        }

        synchronized EventStream stream(String eventId) {
            int number = EventStream.streamOf(eventId);
            return number < 0 ? null : streams.get(number);
        }

        synchronized boolean keepAlive() {
            trim(STREAMS_KEPT, SESSION_BYTES_KEPT, FINISHED_KEPT.toNanos());
            boolean connected = false;
            for (EventStream s : streams.values()) connected |= s.keepAlive();
            if (connected) touch();
            return connected;
        }

        synchronized void end() {
            for (EventStream s : streams.values()) s.finish();
        }
    }

    private record Event(long sequence, String text) {
    }

    /**
     * One SSE stream of a session — a request's answer stream or the listening stream — independent of the HTTP
     * connection that currently carries it, so that events sent while the client is away are kept for it.
     */
    final class EventStream implements McpStreamableServerTransport {
        final Session session;
        final int number;
        final boolean listening;
        private final Deque<Event> kept = new ArrayDeque<>();
        private long sequence;
        private long bytes;
        private Connection connection;
        private boolean finished;
        private long finishedAt;

        EventStream(Session session, int number, boolean listening) {
            this.session = session;
            this.number = number;
            this.listening = listening;
        }

        synchronized boolean isFinished() {
            return finished;
        }

        synchronized void replay(Connection c, long afterSequence) {
            for (Event e : kept) {
                if (e.sequence > afterSequence) c.write(e.text);
            }
        }

        static int streamOf(String eventId) {
            int dash = eventId.indexOf('-');
            try {
                return dash < 0 ? -1 : Integer.parseInt(eventId.substring(0, dash).trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        static long sequenceOf(String eventId) {
            int dash = eventId.indexOf('-');
            try {
                return dash < 0 ? 0 : Long.parseLong(eventId.substring(dash + 1).trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> send(message));
        }

        /** The SDK's own message id (a UUID, or none for answers) is replaced by a resumable one. */
        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String ignoredId) {
            return sendMessage(message);
        }

        void send(McpSchema.JSONRPCMessage message) {
            if (message instanceof McpSchema.JSONRPCResponse answer) message = SafeErrors.response(answer);
            String data;
            try {
                data = json.writeValueAsString(message);
            } catch (IOException e) {
                log.warn("could not serialize a message: {}", e.toString());
                return;
            }
            synchronized (this) {
                long seq = ++sequence;
                String text = "id: " + number + "-" + seq + "\nevent: message\ndata: " + data + "\n\n";
                kept.addLast(new Event(seq, text));
                bytes += text.length();
                while (kept.size() > EVENTS_KEPT || (bytes > SESSION_BYTES_KEPT && kept.size() > 1)) {
                    bytes -= kept.removeFirst().text.length();
                }
                write(text);
            }
        }

        /** An event with an id and no data, so the client has an id to come back with (SEP-1699). */
        synchronized void prime() {
            write("id: " + number + "-" + sequence + "\ndata: \n\n");
        }

        /** Sends the events after {@code afterSequence} on the new connection, then live ones. */
        synchronized void attach(Connection c, long afterSequence) {
            if (connection != null && connection != c) connection.complete();
            connection = c;
            for (Event e : kept) {
                if (e.sequence > afterSequence) write(e.text);
            }
            if (finished) complete();
        }

        synchronized void detach(Connection c) {
            if (connection == c) connection = null;
        }

        private void write(String text) {
            Connection c = connection;
            if (c == null) return;
            if (!c.write(text)) connection = null;
        }

        synchronized boolean keepAlive() {
            if (connection == null) return false;
            write(": keep-alive\n\n");
            return connection != null;
        }

        private void complete() {
            if (connection != null) connection.complete();
            connection = null;
        }

        synchronized void finish() {
            if (!finished) finishedAt = System.nanoTime();
            finished = true;
            complete();
        }

        synchronized long keptBytes() {
            return bytes;
        }

        /** Nanoseconds since the stream finished, or 0 while it runs. */
        synchronized long finishedFor(long now) {
            return finished ? now - finishedAt : 0;
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(this::finish);
        }

        @Override
        public void close() {
            finish();
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return json.convertValue(data, type);
        }
    }

    /** One HTTP response carrying an event stream; its headers are sent as soon as it opens. */
    static final class Connection implements AsyncListener {
        private final AsyncContext context;
        private final OutputStream out;
        private final EventStream stream;
        private boolean done;

        private Connection(AsyncContext context, OutputStream out, EventStream stream) {
            this.context = context;
            this.out = out;
            this.stream = stream;
        }

        static Connection open(HttpServletRequest request, HttpServletResponse response, EventStream stream)
                throws IOException {
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-cache, no-transform");
            response.setHeader("X-Accel-Buffering", "no");
            response.setHeader(SESSION_HEADER, stream.session.id());
            AsyncContext context = request.startAsync();
            context.setTimeout(0);
            Connection c = new Connection(context, response.getOutputStream(), stream);
            context.addListener(c);
            // Commit the status line and headers now: a client waits for them before it reads any event.
            response.flushBuffer();
            return c;
        }

        /** False when the client is gone. */
        synchronized boolean write(String text) {
            if (done) return false;
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException | RuntimeException e) {
                log.debug("event stream closed by the client: {}", e.toString());
                complete();
                return false;
            }
        }

        synchronized void complete() {
            if (done) return;
            done = true;
            try {
                context.complete();
            } catch (RuntimeException e) {
                log.debug("completing an event stream: {}", e.toString());
            }
        }

        private void gone() {
            synchronized (this) {
                done = true;
            }
            stream.detach(this);
        }

        @Override
        public void onComplete(AsyncEvent event) {
            gone();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            gone();
        }

        @Override
        public void onError(AsyncEvent event) {
            gone();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
