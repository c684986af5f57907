package dev.strata.catalog;

import java.util.Locale;

/**
 * A possibly schema-qualified SQL name split the way PostgreSQL splits it: dots outside double quotes separate
 * parts, unquoted parts fold to lower case, quoted parts keep their case and may contain dots.
 */
public record QualifiedName(String schema, String name) {

    public static QualifiedName parse(String reference) {
        return split(reference, true);
    }

    /**
     * Splits like {@link #parse} but keeps the case of unquoted parts: {@code public.Album} as {@code list_tables}
     * prints it names the table {@code "Album"}. For tool arguments, never for SQL (where PostgreSQL folds).
     */
    public static QualifiedName parseVerbatim(String reference) {
        return split(reference, false);
    }

    private static QualifiedName split(String reference, boolean foldUnquoted) {
        String s = reference == null ? "" : reference.trim();
        java.util.List<String> parts = new java.util.ArrayList<>(3);
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                    wasQuoted = true;
                }
            } else if (c == '.' && !quoted) {
                parts.add(fold(current.toString(), wasQuoted, foldUnquoted));
                current.setLength(0);
                wasQuoted = false;
            } else {
                current.append(c);
            }
        }
        parts.add(fold(current.toString(), wasQuoted, foldUnquoted));
        if (parts.size() >= 2) {
            return new QualifiedName(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
        }
        return new QualifiedName(null, parts.get(0));
    }

    private static String fold(String part, boolean quoted, boolean foldUnquoted) {
        if (quoted) return part;
        return foldUnquoted ? part.trim().toLowerCase(Locale.ROOT) : part.trim();
    }

    /** Double-quotes an identifier when PostgreSQL would otherwise fold or reject it. */
    public static String quoteIfNeeded(String identifier) {
        if (identifier.matches("[a-z_][a-z0-9_$]*") && !Keywords.isReserved(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Always double-quotes: for identifiers spliced into SQL Strata runs itself. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public static String quote(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }
}
