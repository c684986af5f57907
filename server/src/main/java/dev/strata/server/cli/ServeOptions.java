package dev.strata.server.cli;

import dev.strata.server.Launcher;
import picocli.CommandLine.Option;

/** How the MCP server is exposed. */
public class ServeOptions {

    @Option(names = "--http", description = "Serve MCP streamable HTTP on /mcp instead of stdio")
    boolean http;

    @Option(names = "--port", defaultValue = "8808", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "HTTP bind address (default ${DEFAULT-VALUE}; 0.0.0.0 exposes it to the network)")
    String bind;

    @Option(names = "--stateless",
            description = "Stateless HTTP: no sessions, so replicas can sit behind any load balancer")
    boolean stateless;

    @Option(names = "--auth-token", paramLabel = "T", description = "Require 'Authorization: Bearer T' on HTTP [STRATA_AUTH_TOKEN]")
    String authToken;

    public Launcher.HttpSettings httpSettings() {
        String token = authToken != null ? authToken : System.getenv("STRATA_AUTH_TOKEN");
        if (token != null && token.isBlank()) token = null;
        return new Launcher.HttpSettings(port, bind, stateless, token);
    }
}
