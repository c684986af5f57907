package dev.strata.server.mcp;

import dev.strata.schema.ToolException;

import java.util.Map;

/**
 * Typed access to a tool call's arguments. The SDK has already checked them against the tool's input schema
 * (unknown names, missing required ones, JSON types); this adds the conversions and the messages for what a
 * schema cannot say.
 */
final class Args {

    private final Map<String, Object> values;
    private final dev.strata.profile.Profiler.Progress progress;

    Args(Map<String, Object> values) {
        this(values, dev.strata.profile.Profiler.Progress.NONE);
    }

    /** @param progress where a long tool reports its steps (MCP progress notifications when the client asked) */
    Args(Map<String, Object> values, dev.strata.profile.Profiler.Progress progress) {
        this.values = values == null ? Map.of() : values;
        this.progress = progress;
    }

    dev.strata.profile.Profiler.Progress progress() {
        return progress;
    }

    String string(String name) {
        Object v = values.get(name);
        if (v == null) return null;
        if (v instanceof String s) return s;
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        throw new ToolException(name + " must be a string");
    }

    String requiredString(String name) {
        String s = string(name);
        if (s == null || s.isBlank()) throw new ToolException(name + " is required");
        return s;
    }

    Integer integer(String name) {
        Object v = values.get(name);
        if (v == null) return null;
        if (v instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue())) throw new ToolException(name + " must be a whole number");
            if (Math.abs(n.doubleValue()) > Integer.MAX_VALUE) throw new ToolException(name + " is out of range");
            return n.intValue();
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new ToolException(name + " must be an integer (got '" + s + "')");
            }
        }
        throw new ToolException(name + " must be an integer");
    }

    Boolean bool(String name) {
        Object v = values.get(name);
        if (v == null) return null;
        if (v instanceof Boolean b) return b;
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new ToolException(name + " must be true or false");
    }
}
