package dev.strata.server;

import dev.strata.server.boot.HttpGuard;
import dev.strata.server.boot.StrataBootApplication;
import dev.strata.server.mcp.ChangeNotifier;
import dev.strata.server.mcp.StrataMcp;
import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashMap;
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

    public static McpJsonMapper jsonMapper() {
        return new JacksonMcpJsonMapper(JsonMapper.builder().build());
    }

    /**
     * stdio: the MCP SDK server directly on stdin/stdout. Stdout carries protocol frames only, so everything
     * else printed by the process is diverted to stderr before the transport starts. Returns when stdin closes.
     */
    public static void serveStdio(StrataMcp mcp, McpJsonMapper json) throws InterruptedException {
        PrintStream protocolOut = System.out;
        System.setOut(System.err);
        serveStdio(mcp, json, System.in, protocolOut);
    }

    /** Serves MCP frames read from {@code input} until it ends, writing answers to {@code output}. */
    public static void serveStdio(StrataMcp mcp, McpJsonMapper json, InputStream input, PrintStream output)
            throws InterruptedException {
        StdioTransport transport = new StdioTransport(json, input, output);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo(NAME, VERSION)
                .requestTimeout(java.time.Duration.ofSeconds(120))
                .instructions(INSTRUCTIONS)
                .capabilities(capabilities())
                .tools(mcp.syncTools())
                .resources(mcp.syncResources())
                .resourceTemplates(mcp.syncTemplates())
                .completions(mcp.syncCompletions())
                .prompts(mcp.syncPrompts())
                .build();
        mcp.onSchemaChange(new ChangeNotifier(server, transport));
        transport.awaitInputClosed();
        // Requests read just before end of input still get their answers.
        transport.awaitAnswered(java.time.Duration.ofSeconds(120));
        server.closeGracefully();
    }

    static McpSchema.ServerCapabilities capabilities() {
        // resources: subscribe (resources/updated per table) and listChanged, driven by the schema watcher
        return McpSchema.ServerCapabilities.builder().tools(false).resources(true, true).prompts(false).completions()
                .logging().build();
    }

    /** Streamable (or stateless) HTTP on {@code /mcp} through Spring Boot and Spring AI's MCP server. */
    public static ConfigurableApplicationContext serveHttp(StrataMcp mcp, HttpSettings http) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        properties.put("server.port", http.port());
        properties.put("server.address", http.bind());
        properties.put("spring.ai.mcp.server.name", NAME);
        properties.put("spring.ai.mcp.server.version", VERSION);
        properties.put("spring.ai.mcp.server.instructions", INSTRUCTIONS);
        properties.put("spring.ai.mcp.server.type", "SYNC");
        properties.put("spring.ai.mcp.server.protocol", http.stateless() ? "STATELESS" : "STREAMABLE");
        properties.put("spring.ai.mcp.server.streamable-http.mcp-endpoint", "/mcp");
        properties.put("spring.ai.mcp.server.annotation-scanner.enabled", "false");
        properties.put("spring.ai.mcp.server.request-timeout", "120s");
        properties.put("spring.ai.mcp.server.capabilities.completion", "true");
        properties.put("spring.ai.mcp.server.resource-change-notification", "true");
        HttpGuard.Settings guard = new HttpGuard.Settings(http.authToken(), Set.of());
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StrataBootApplication.class)
                .properties(properties)
                .initializers(c -> {
                    c.getBeanFactory().registerSingleton("strataMcp", mcp);
                    c.getBeanFactory().registerSingleton("httpGuardSettings", guard);
                })
                .run();
        // Streamable HTTP keeps sessions, so schema changes can be pushed; stateless HTTP has nobody to tell.
        McpSyncServer server = context.getBeanProvider(McpSyncServer.class).getIfAvailable();
        McpServerTransportProviderBase transport = context.getBeanProvider(McpServerTransportProviderBase.class)
                .getIfAvailable();
        if (server != null && transport != null) mcp.onSchemaChange(new ChangeNotifier(server, transport));
        return context;
    }
}
