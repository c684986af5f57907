package dev.strata.schema;

/**
 * A problem the caller can fix (unknown table, bad argument). Its message says what was wrong and what to do
 * instead; the MCP layer returns it as a tool result with {@code isError}, never as a protocol error.
 */
public class ToolException extends RuntimeException {
    public ToolException(String message) {
        super(message);
    }
}
