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

    /**
     * Arguments checked against the limits the tool's input schema declares ({@code maxLength}, {@code minimum},
     * {@code maximum}; {@link ToolManifest} gives every string one), so an oversized input is refused with a clear
     * message before any work starts, whichever transport or caller delivered it.
     */
    Args(Map<String, Object> values, dev.strata.profile.Profiler.Progress progress, String tool,
         Map<String, Object> schemaProperties) {
        this(values, progress);
        if (schemaProperties == null) return;
        this.values.forEach((name, v) -> {
            if (!(schemaProperties.get(name) instanceof Map<?, ?> schema)) return;
            if (v instanceof String s && schema.get("maxLength") instanceof Number max
                    && s.length() > max.longValue() && s.codePointCount(0, s.length()) > max.longValue()) {
                throw new ToolException(String.format(java.util.Locale.ROOT,
                        "%s is %,d characters long; %s accepts at most %,d%s", name, s.codePointCount(0, s.length()),
                        tool, max.longValue(), name.equals("sql") ? ": split it into smaller parts" : ""));
            }
            if (v instanceof Number n && (schema.get("minimum") instanceof Number min && n.doubleValue() < min.doubleValue()
                    || schema.get("maximum") instanceof Number max && n.doubleValue() > max.doubleValue())) {
                Object min = schema.get("minimum");
                Object max = schema.get("maximum");
                throw new ToolException(name + " must be " + (min != null && max != null ? "between " + min + " and " + max
                        : min != null ? "at least " + min : "at most " + max) + " (got " + n + ")");
            }
        });
    }

    /** Items to skip in every list of an answer cut to its size budget (see {@link AnswerBudget}). */
    int offset() {
        Integer offset = integer("offset");
        if (offset == null) return 0;
        if (offset < 0) throw new ToolException("offset must be 0 or more");
        return offset;
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
