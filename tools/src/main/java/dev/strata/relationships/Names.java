package dev.strata.relationships;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The naming conventions ORMs use to connect a reference to a table: {@code user_id} → {@code users},
 * {@code 'Order'} → {@code orders}, {@code 'Billing::Invoice'} → {@code invoices}, {@code category} →
 * {@code categories}. English plurals only as far as schemas use them.
 */
final class Names {

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

    static String plural(String word) {
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("ch") || word.endsWith("sh")) {
            return word + "es";
        }
        if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        if (word.equals("person")) return "people";
        return word + "s";
    }

    static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 3) return word.substring(0, word.length() - 3) + "y";
        if (word.endsWith("ses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.equals("people")) return "person";
        if (word.endsWith("s") && !word.endsWith("ss")) return word.substring(0, word.length() - 1);
        return word;
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
