package dev.strata.server;

import dev.strata.server.boot.HttpGuard;
import dev.strata.server.boot.StrataBootApplication;
import dev.strata.server.http.StatelessHttpTransport;
import dev.strata.server.http.StreamableHttpTransport;
import dev.strata.server.mcp.ChangeNotifier;
import dev.strata.server.mcp.StrataMcp;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Starts the MCP server on the chosen transport and blocks until it should stop. */
public final class Launcher {

    public static final String NAME = "strata";
    public static final String VERSION = "0.1.0";
    static final String INSTRUCTIONS = """
            Strata knows this PostgreSQL database's catalog and what the catalog hides. Before writing SQL: \
            search_schema or list_tables to find real names, describe_table for keys, notes and soft-delete \
            usage, find_join_path for joins (never join bare id to bare id).""";

    /** Where and how to serve. */
    public record HttpSettings(int port, String bind, boolean stateless, String authToken) {
    }

    private Launcher() {
    }

    private static volatile McpJsonMapper jsonMapper;

    /** One JSON mapper for the process (building a Jackson mapper costs start-up time). */
    public static McpJsonMapper jsonMapper() {
        McpJsonMapper m = jsonMapper;
        if (m == null) jsonMapper = m = new JacksonMcpJsonMapper(JsonMapper.builder().build());
        return m;
    }

    /**
     * Starts reading MCP frames from stdin at once, before the server is built, and answers {@code initialize}
     * from constants. Stdout carries protocol frames only, so everything else printed by the process is diverted
     * to stderr first.
     */
    public static synchronized StdioTransport openStdio() {
        if (early != null) {
            StdioTransport t = early;
            early = null;
            return t;
        }
        PrintStream protocolOut = System.out;
        System.setOut(System.err);
        return openStdio(System.in, protocolOut);
    }

    private static StdioTransport early;

    /**
     * Opens stdio before the command line is even parsed, when it can only mean serving on stdio (no verb, no
     * {@code --http}, no {@code --help}/{@code --version}): the client's initialize is answered while the rest
     * starts. {@link #openStdio()} then returns this transport.
     */
    public static synchronized void openStdioEarly(String... args) {
        if (args.length > 0 && !args[0].startsWith("-")) return;
        for (String a : args) {
            if (a.equals("--http") || a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return;
            }
        }
        early = null;
        early = openStdio();
    }

    public static StdioTransport openStdio(InputStream input, PrintStream output) {
        return new StdioTransport(Launcher::jsonMapper, input, output).start(Launcher::initializeAnswer);
    }

    /**
     * What the SDK server answers to {@code initialize} (StdioInitializeTest compares the two): the client's
     * protocol version when supported, else the newest; the stdio capabilities; server info and instructions.
     */
    static McpSchema.JSONRPCResponse initializeAnswer(McpSchema.JSONRPCRequest request) {
        McpSchema.InitializeRequest init;
        try {
            init = jsonMapper().convertValue(request.params(), McpSchema.InitializeRequest.class);
        } catch (RuntimeException e) {
            return null; // the SDK answers it, with its error
        }
        if (init == null) return null;
        List<String> versions = new StdioTransport(jsonMapper(), InputStream.nullInputStream(),
                OutputStream.nullOutputStream()).protocolVersions();
        String version = versions.contains(init.protocolVersion()) ? init.protocolVersion()
                : versions.get(versions.size() - 1);
        return McpSchema.JSONRPCResponse.result(request.id(), new McpSchema.InitializeResult(version,
                sessionCapabilities(), new McpSchema.Implementation(NAME, VERSION), INSTRUCTIONS));
    }

    /** Serves MCP frames read from {@code input} until it ends, writing answers to {@code output}. */
    public static void serveStdio(StrataMcp mcp, InputStream input, PrintStream output) throws InterruptedException {
        serveStdio(mcp, openStdio(input, output));
    }

    /** The stdio server's settings that its initialize answer depends on. */
    static McpServer.SyncSpecification<?> stdioServer(StdioTransport transport) {
        return McpServer.sync(transport).jsonMapper(jsonMapper()).serverInfo(NAME, VERSION)
                .requestTimeout(Duration.ofSeconds(120)).instructions(INSTRUCTIONS)
                .capabilities(sessionCapabilities());
    }

    /** Builds the MCP server on a transport already reading stdin, and serves until stdin closes. */
    public static void serveStdio(StrataMcp mcp, StdioTransport transport) throws InterruptedException {
        StartupTrace.mark("tools built");
        McpSyncServer server = stdioServer(transport)
                .tools(mcp.syncTools())
                .resources(mcp.syncResources())
                .resourceTemplates(mcp.syncTemplates())
                .completions(mcp.syncCompletions())
                .prompts(mcp.syncPrompts())
                .build();
        mcp.onSchemaChange(new ChangeNotifier(server, transport));
        StartupTrace.mark("stdio server ready");
        Warmup.schemas(mcp);
        transport.awaitInputClosed();
        // Answers being computed when stdin closed still go out, within a bound: the client that closed stdin
        // expects the process to end, and it does within a second whatever is still running.
        transport.awaitAnswered(STDIN_CLOSED_GRACE);
        Thread closer = new Thread(server::close, "strata-stdio-close");
        closer.setDaemon(true);
        closer.start();
    }

    /** How long answers still being computed may take once stdin has closed. */
    static final Duration STDIN_CLOSED_GRACE = Duration.ofMillis(300);

    /**
     * What stdio and streamable HTTP really do: resources with subscriptions ({@code resources/updated} per table)
     * and {@code listChanged}, both driven by the schema watcher; log notifications (schema-change summaries, and
     * {@code logging/setLevel}); completions. Tools and prompts never change while the server runs, so neither
     * announces {@code listChanged}.
     */
    public static McpSchema.ServerCapabilities sessionCapabilities() {
        return McpSchema.ServerCapabilities.builder().tools(false).resources(true, true).prompts(false).completions()
                .logging().build();
    }

    /**
     * Stateless HTTP keeps no session and no event stream, so it can deliver no notification at all: no
     * subscriptions, no {@code listChanged}, no logging. Tools, resources, prompts and completions answer as on
     * the other transports.
     */
    public static McpSchema.ServerCapabilities statelessCapabilities() {
        return McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).prompts(false)
                .completions().build();
    }

    /** Streamable (or stateless) HTTP on {@code /mcp}: Strata's transport servlet in Spring Boot's Tomcat. */
    public static ConfigurableApplicationContext serveHttp(StrataMcp mcp, McpJsonMapper json, HttpSettings http) {
        HttpPort.requireFree(http.bind(), http.port());
        StrataBootApplication.Mcp served;
        if (http.stateless()) {
            StatelessHttpTransport transport = new StatelessHttpTransport(json);
            McpServer.sync(transport).jsonMapper(json).serverInfo(NAME, VERSION).instructions(INSTRUCTIONS)
                    .requestTimeout(Duration.ofSeconds(120)).capabilities(statelessCapabilities())
                    .tools(mcp.statelessTools()).resources(mcp.statelessResources())
                    .resourceTemplates(mcp.statelessTemplates()).prompts(mcp.statelessPrompts())
                    .completions(mcp.statelessCompletions()).build();
            served = new StrataBootApplication.Mcp(transport, () -> transport.closeGracefully().block());
        } else {
            StreamableHttpTransport transport = new StreamableHttpTransport(json);
            McpSyncServer server = McpServer.sync(transport).jsonMapper(json).serverInfo(NAME, VERSION)
                    .instructions(INSTRUCTIONS).requestTimeout(Duration.ofSeconds(120))
                    .capabilities(sessionCapabilities()).tools(mcp.syncTools()).resources(mcp.syncResources())
                    .resourceTemplates(mcp.syncTemplates()).completions(mcp.syncCompletions())
                    .prompts(mcp.syncPrompts()).build();
            // Streamable HTTP keeps sessions and event streams: schema changes are pushed as on stdio.
            mcp.onSchemaChange(new ChangeNotifier(server, transport));
            served = new StrataBootApplication.Mcp(transport, transport::shutdown);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        properties.put("server.port", http.port());
        properties.put("server.address", http.bind());
        properties.put("server.error.include-stacktrace", "never");
        properties.put("server.error.include-exception", "false");
        properties.put("server.error.include-message", "never");
        // In-flight calls get a moment to finish; open event streams are closed before this (see the app).
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", "1s");
        properties.put("spring.autoconfigure.exclude", String.join(",", SPRING_AI_MCP_AUTOCONFIGURATION));
        HttpGuard.Settings guard = new HttpGuard.Settings(http.authToken(), Set.of());
        StrataBootApplication.Mcp handedIn = served;
        try {
            return new SpringApplicationBuilder(StrataBootApplication.class)
                    .properties(properties)
                    .initializers(c -> {
                        c.getBeanFactory().registerSingleton("strataMcpServlet", handedIn);
                        c.getBeanFactory().registerSingleton("httpGuardSettings", guard);
                    })
                    .run();
        } catch (RuntimeException e) {
            if (HttpPort.isPortInUse(e)) throw HttpPort.inUse(http.bind(), http.port());
            throw e;
        }
    }

    /** Strata builds its own MCP servers and transports for HTTP; Spring AI's would add a second set. */
    private static final List<String> SPRING_AI_MCP_AUTOCONFIGURATION = List.of(
            "org.springframework.ai.mcp.server.common.autoconfigure.McpServerAutoConfiguration",
            "org.springframework.ai.mcp.server.common.autoconfigure.McpServerJsonMapperAutoConfiguration",
            "org.springframework.ai.mcp.server.common.autoconfigure.ToolCallbackConverterAutoConfiguration",
            "org.springframework.ai.mcp.server.common.autoconfigure.McpServerStatelessAutoConfiguration",
            "org.springframework.ai.mcp.server.common.autoconfigure.StatelessToolCallbackConverterAutoConfiguration",
            "org.springframework.ai.mcp.server.common.autoconfigure.annotations.McpServerSpecificationFactoryAutoConfiguration",
            "org.springframework.ai.mcp.server.common.autoconfigure.annotations.StatelessServerSpecificationFactoryAutoConfiguration",
            "org.springframework.ai.mcp.server.common.autoconfigure.annotations.McpServerAnnotationScannerAutoConfiguration",
            "org.springframework.ai.mcp.server.webmvc.autoconfigure.McpServerSseWebMvcAutoConfiguration",
            "org.springframework.ai.mcp.server.webmvc.autoconfigure.McpServerStreamableHttpWebMvcAutoConfiguration",
            "org.springframework.ai.mcp.server.webmvc.autoconfigure.McpServerStatelessWebMvcAutoConfiguration");
}
