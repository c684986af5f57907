package dev.strata.server.mcp;

import dev.strata.schema.CatalogChange;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProviderBase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tells the clients of one MCP server that the schema changed: {@code notifications/resources/list_changed} when
 * tables came or went, {@code notifications/resources/updated} for {@code strata://tables} and each changed
 * table's resource (the SDK delivers those to the sessions subscribed to them), and a log notification with the
 * summary for every client.
 */
public final class ChangeNotifier implements Consumer<CatalogChange> {

    private final McpSyncServer server;
    private final McpServerTransportProviderBase transport;

    public ChangeNotifier(McpSyncServer server, McpServerTransportProviderBase transport) {
        this.server = server;
        this.transport = transport;
    }

    @Override
    public void accept(CatalogChange change) {
        if (!change.added().isEmpty() || !change.removed().isEmpty()) server.notifyResourcesListChanged();
        List<String> uris = new ArrayList<>(List.of(StrataMcp.TABLES_URI));
        for (List<String> names : List.of(change.added(), change.removed(), change.changed())) {
            for (String name : names) uris.add(uri(name));
        }
        for (String uri : uris) {
            server.notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(uri));
        }
        transport.notifyClients(McpSchema.METHOD_NOTIFICATION_MESSAGE, McpSchema.LoggingMessageNotification.builder()
                .level(McpSchema.LoggingLevel.INFO).logger("strata.schema").data(change.summary()
                        + ". Tools now answer from the reloaded catalog; cached profiles of changed tables were dropped.")
                .build()).block(java.time.Duration.ofSeconds(10));
    }

    /** {@code strata://table/{schema}/{name}} for {@code schema.name} (names percent-encoded). */
    static String uri(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return "strata://table/" + enc(qualifiedName.substring(0, dot)) + "/" + enc(qualifiedName.substring(dot + 1));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
