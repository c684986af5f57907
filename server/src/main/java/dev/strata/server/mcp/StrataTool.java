package dev.strata.server.mcp;

import io.modelcontextprotocol.spec.McpSchema;

import java.util.function.Function;

/**
 * One MCP tool: its manifest and a handler over plain Java that returns a result record plus its text form.
 */
record StrataTool(McpSchema.Tool definition, Function<Args, Result> handler) {

    /** A handler's answer: the structured value and the short text beside it. */
    record Result(Object value, String text) {
    }

    String name() {
        return definition.name();
    }
}
