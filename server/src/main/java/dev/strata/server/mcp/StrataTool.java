package dev.strata.server.mcp;

import io.modelcontextprotocol.spec.McpSchema;

import java.util.function.Function;

/**
 * One MCP tool: its manifest and a handler over plain Java that returns a result record plus its text form.
 */
record StrataTool(McpSchema.Tool definition, Function<Args, Result> handler) {

    /**
     * A handler's answer: the structured value and the short text beside it, and optionally the renderer of that
     * text, so that a page of a cut answer ({@link AnswerBudget}) is rendered from the same items it shows.
     */
    record Result(Object value, String text, Function<Object, String> render) {
        Result(Object value, String text) {
            this(value, text, null);
        }

        @SuppressWarnings("unchecked")
        static <T> Result rendered(T value, Function<T, String> render) {
            return new Result(value, render.apply(value), v -> render.apply((T) v));
        }
    }

    String name() {
        return definition.name();
    }

    /** Whether the tool takes {@code offset}: the next items of an answer cut to its budget. */
    boolean pageable() {
        return inputProperties().containsKey("offset");
    }

    /** The input schema's {@code properties}: each argument's JSON schema. */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> inputProperties() {
        Object p = definition.inputSchema() == null ? null : definition.inputSchema().get("properties");
        return p instanceof java.util.Map<?, ?> m ? (java.util.Map<String, Object>) m : java.util.Map.of();
    }
}
