package dev.strata.relationships;

import dev.strata.catalog.Column;

/**
 * Whether values of two columns can be equal without a cast PostgreSQL would reject or that would change
 * meaning: integers with integers, text with text, uuid with uuid. {@code bigint = uuid} is the classic
 * mixed-key mistake and is never compatible.
 */
public final class TypeCompatibility {

    private TypeCompatibility() {
    }

    public static boolean compatible(Column a, Column b) {
        return compatible(a.type(), a.typeCategory(), b.type(), b.typeCategory());
    }

    public static boolean compatible(String typeA, char categoryA, String typeB, char categoryB) {
        if (categoryA != categoryB) return false;
        if (categoryA == 'U' || categoryA == 'A' || categoryA == 'C') {
            return base(typeA).equals(base(typeB));
        }
        return true;
    }

    private static String base(String type) {
        int paren = type.indexOf('(');
        return paren < 0 ? type : type.substring(0, paren);
    }
}
