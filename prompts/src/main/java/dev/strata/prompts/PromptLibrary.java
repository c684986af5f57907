package dev.strata.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Strata's prompts (CONTRACT.md): {@code write_query(question)}, {@code review_migration(sql)},
 * {@code document_table(table)}, read from their Markdown resources. A template starts with a header between
 * {@code ---} lines: {@code title:}, {@code description:} and one {@code argument: name | required | description}
 * line per argument.
 */
public final class PromptLibrary {

    public static final List<String> NAMES = List.of("write_query", "review_migration", "document_table");

    private static final List<PromptTemplate> ALL = NAMES.stream().map(PromptLibrary::load).toList();

    private PromptLibrary() {
    }

    public static List<PromptTemplate> all() {
        return ALL;
    }

    public static Optional<PromptTemplate> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    static PromptTemplate load(String name) {
        String text;
        try (InputStream in = PromptLibrary.class.getResourceAsStream(name + ".md")) {
            if (in == null) throw new IllegalStateException("missing prompt template " + name + ".md");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!text.startsWith("---\n")) throw new IllegalStateException(name + ".md: no header");
        int end = text.indexOf("\n---\n", 4);
        String title = null;
        String description = null;
        List<PromptTemplate.Argument> arguments = new ArrayList<>();
        for (String line : text.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "title" -> title = value;
                case "description" -> description = value;
                case "argument" -> {
                    String[] parts = value.split("\\|", 3);
                    arguments.add(new PromptTemplate.Argument(parts[0].trim(), parts[1].trim().equals("required"),
                            parts[2].trim()));
                }
                default -> throw new IllegalStateException(name + ".md: unknown header " + key);
            }
        }
        return new PromptTemplate(name, title, description, arguments, text.substring(end + 5).strip());
    }
}
