package dev.strata.relationships;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The naming conventions ORMs use to connect a reference to a table: {@code user_id} → {@code users},
 * {@code 'Order'} → {@code orders}, {@code 'Billing::Invoice'} → {@code invoices}, {@code category} →
 * {@code categories}. English plurals only as far as schemas use them.
 */
public final class Names {

    private Names() {
    }

    /** Table names a stem may refer to: itself, its plural and its singular. */
    static Set<String> tableCandidates(String stem) {
        Set<String> out = new LinkedHashSet<>();
        out.add(stem);
        out.add(plural(stem));
        out.add(singular(stem));
        return out;
    }

    private static final java.util.Map<String, String> IRREGULAR = java.util.Map.ofEntries(
            java.util.Map.entry("person", "people"), java.util.Map.entry("child", "children"),
            java.util.Map.entry("man", "men"), java.util.Map.entry("woman", "women"),
            java.util.Map.entry("mouse", "mice"), java.util.Map.entry("goose", "geese"),
            java.util.Map.entry("criterion", "criteria"),
            java.util.Map.entry("medium", "media"), java.util.Map.entry("index", "indices"),
            java.util.Map.entry("matrix", "matrices"), java.util.Map.entry("analysis", "analyses"),
            java.util.Map.entry("leaf", "leaves"), java.util.Map.entry("life", "lives"),
            java.util.Map.entry("wife", "wives"), java.util.Map.entry("knife", "knives"));
    private static final java.util.Map<String, String> IRREGULAR_SINGULAR = invert(IRREGULAR);
    /** Words whose singular and plural are the same, or that end in s without being plurals. */
    private static final Set<String> INVARIANT = Set.of("series", "species", "news", "staff", "data", "info",
            "metadata", "sheep", "fish", "equipment", "status", "bus", "gas", "alias", "canvas", "analysis",
            "basis", "axis", "thesis", "campus", "virus", "census", "corpus", "address", "access", "process",
            "business", "class", "glass", "boss", "progress", "success", "ids", "sms");

    private static java.util.Map<String, String> invert(java.util.Map<String, String> m) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        m.forEach((k, v) -> out.put(v, k));
        return out;
    }

    public static String plural(String word) {
        String irregular = IRREGULAR.get(word);
        if (irregular != null) return irregular;
        if (word.equals("staff") || word.equals("data") || word.equals("series") || word.equals("news")) return word;
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("z") || word.endsWith("ch")
                || word.endsWith("sh")) {
            return word + "es";
        }
        if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word + "s";
    }

    public static String singular(String word) {
        String irregular = IRREGULAR_SINGULAR.get(word);
        if (irregular != null) return irregular;
        if (INVARIANT.contains(word) || word.length() < 3) return word;
        if (word.endsWith("ies") && word.length() > 4) return word.substring(0, word.length() - 3) + "y";
        if (word.endsWith("es") && INVARIANT.contains(word.substring(0, word.length() - 2))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("zes") || word.endsWith("ches")
                || word.endsWith("shes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** The word list with its last word singular: order_items → order_item. */
    static java.util.List<String> singularLast(java.util.List<String> words) {
        if (words.isEmpty()) return words;
        java.util.List<String> out = new java.util.ArrayList<>(words);
        out.set(out.size() - 1, singular(out.get(out.size() - 1)));
        return out;
    }

    /**
     * Turns a discriminator value into a snake_case stem: strips module prefixes ({@code Billing::Invoice},
     * {@code App\Models\User}, {@code com.acme.Order}) and splits camel case ({@code LineItem} → line_item).
     */
    static String stemOfTypeValue(String value) {
        String v = value.trim();
        int cut = Math.max(Math.max(v.lastIndexOf("::"), v.lastIndexOf('\\')), v.lastIndexOf('.'));
        if (cut >= 0) v = v.substring(cut + (v.startsWith("::", cut) ? 2 : 1));
        v = v.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').replace(' ', '_');
        return v.toLowerCase(Locale.ROOT);
    }
}
