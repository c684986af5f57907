package dev.strata.prompts;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One prompt: its name, title and description, its arguments, and a body with {@code {{argument}}} placeholders.
 * Templates live as Markdown resources beside this class ({@code dev/strata/prompts/NAME.md}) with a small
 * header, so the wording is edited as text, not as Java strings.
 */
public record PromptTemplate(String name, String title, String description, List<Argument> arguments, String body) {

    /** A prompt argument as MCP lists it. */
    public record Argument(String name, boolean required, String description) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    public PromptTemplate {
        arguments = List.copyOf(arguments);
    }

    /** The body with each placeholder replaced; a missing required argument is an error the client can show. */
    public String render(Map<String, String> values) {
        for (Argument a : arguments) {
            String v = values == null ? null : values.get(a.name());
            if (a.required() && (v == null || v.isBlank())) {
                throw new IllegalArgumentException("prompt " + name + " needs the argument '" + a.name() + "' ("
                        + a.description() + ")");
            }
        }
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values == null ? null : values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
