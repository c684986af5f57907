package dev.strata.server.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A tool's public face — name, description, input and output schema, annotations — kept as a JSON resource
 * ({@code dev/strata/mcp/tools/<name>.json}) so the contract is reviewable in one place and the handler code
 * stays small.
 */
final class ToolManifest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ToolManifest() {
    }

    static McpSchema.Tool load(String name, McpJsonMapper mcpJson) {
        String path = "/dev/strata/mcp/tools/" + name + ".json";
        try (InputStream in = ToolManifest.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing tool manifest " + path);
            JsonNode node = MAPPER.readTree(in);
            JsonNode a = node.get("annotations");
            McpSchema.ToolAnnotations annotations = new McpSchema.ToolAnnotations(node.path("title").asString(),
                    a.path("readOnlyHint").asBoolean(), a.path("destructiveHint").asBoolean(),
                    a.path("idempotentHint").asBoolean(), a.path("openWorldHint").asBoolean(), null);
            return McpSchema.Tool.builder()
                    .name(node.get("name").asString())
                    .title(node.path("title").asString())
                    .description(node.get("description").asString())
                    .inputSchema(mcpJson, MAPPER.writeValueAsString(node.get("inputSchema")))
                    .outputSchema(mcpJson, MAPPER.writeValueAsString(node.get("outputSchema")))
                    .annotations(annotations)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
