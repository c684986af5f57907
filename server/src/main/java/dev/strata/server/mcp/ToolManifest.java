package dev.strata.server.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
            bound((ObjectNode) node.get("inputSchema"), (ObjectNode) node.get("outputSchema"));
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

    /** The longest string argument a manifest does not bound itself: far above any name, far below a problem. */
    static final int DEFAULT_MAX_STRING = 16_384;

    /**
     * The bounds every tool shares, declared here once rather than in thirteen manifests: each string argument
     * gets a {@code maxLength} unless its manifest sets one ({@link Args} enforces them), and each answer may carry
     * {@code omitted} and {@code next_offset} when {@link AnswerBudget} had to cut it.
     */
    static void bound(ObjectNode input, ObjectNode output) {
        if (input != null && input.get("properties") instanceof ObjectNode properties) {
            for (var e : properties.properties()) {
                if (e.getValue() instanceof ObjectNode p && "string".equals(p.path("type").asString(""))
                        && !p.has("maxLength")) {
                    p.put("maxLength", DEFAULT_MAX_STRING);
                }
            }
        }
        if (output != null && output.get("properties") instanceof ObjectNode properties) {
            // kept short: tools/list carries it thirteen times
            properties.putObject("omitted").put("type", "object").put("description",
                    "only in an answer cut to its size budget: per list, {count, by} of the items left out");
            properties.putObject("next_offset").put("type", "integer").put("description",
                    "pass as offset for the next items");
        }
    }
}
