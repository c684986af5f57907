package dev.strata.relationships;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Identifiers as words: {@code SupportRepId} → support, rep, id; {@code manager_staff_id} → manager, staff, id;
 * {@code "lastLoginAt"} → last, login, at. Matching on words makes snake_case, camelCase and PascalCase schemas
 * (and quoted CamelCase tables such as Chinook's {@code "MediaType"}) look the same to the naming rules.
 */
public final class Identifiers {

    /** Last words that mark a column as a key of some kind. */
    static final Set<String> KEY_WORDS = Set.of("id", "key", "code", "no", "num", "nr", "uuid", "guid", "ref",
            "fk", "sk", "number");

    /** Glued key suffixes: {@code memid}, {@code nationkey}, {@code custno}; longest first. */
    private static final List<String> GLUED_SUFFIXES = List.of("uuid", "guid", "key", "num", "id", "no");

    private Identifiers() {
    }

    /** Lower-case words of an identifier, split at underscores, case changes, dashes, spaces and dots. */
    public static List<String> words(String identifier) {
        List<String> out = new ArrayList<>(4);
        if (identifier == null) return out;
        StringBuilder w = new StringBuilder();
        int n = identifier.length();
        for (int i = 0; i < n; i++) {
            char c = identifier.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(w, out);
                continue;
            }
            if (w.length() > 0 && Character.isUpperCase(c)) {
                char prev = identifier.charAt(i - 1);
                boolean nextLower = i + 1 < n && Character.isLowerCase(identifier.charAt(i + 1));
                // "lastLogin" splits before L; "HTTPStatus" splits before the S that starts "Status"
                if (Character.isLowerCase(prev) || Character.isDigit(prev)
                        || (Character.isUpperCase(prev) && nextLower)) {
                    flush(w, out);
                }
            }
            w.append(Character.toLowerCase(c));
        }
        flush(w, out);
        return out;
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (w.length() > 0) {
            out.add(w.toString());
            w.setLength(0);
        }
    }

    static String joined(List<String> words) {
        return String.join("_", words);
    }

    /** The words of a name as one snake_case string: {@code MediaTypeId} → media_type_id. */
    static String snake(String identifier) {
        return joined(words(identifier));
    }

    /**
     * A column name split into what it names and how: {@code customer_id} → [customer] + id;
     * {@code nationkey} → [nation] + key (glued); {@code status} → [status] + none.
     *
     * @param stem  the words before the key word (all words when there is none)
     * @param key   the key word, or null
     * @param glued whether the key word was glued to the last stem word ({@code memid})
     */
    record Split(List<String> stem, String key, boolean glued) {
        boolean hasKey() {
            return key != null;
        }
    }

    static Split split(List<String> words) {
        if (words.isEmpty()) return new Split(words, null, false);
        String last = words.get(words.size() - 1);
        if (words.size() > 1 && KEY_WORDS.contains(last)) {
            return new Split(words.subList(0, words.size() - 1), last, false);
        }
        for (String suffix : GLUED_SUFFIXES) {
            if (last.length() >= suffix.length() + 2 && last.endsWith(suffix)) {
                List<String> stem = new ArrayList<>(words.subList(0, words.size() - 1));
                stem.add(last.substring(0, last.length() - suffix.length()));
                return new Split(stem, suffix, true);
            }
        }
        return new Split(words, null, false);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
