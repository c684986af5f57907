package dev.strata.catalog;

/**
 * A column as {@code pg_attribute} knows it.
 *
 * @param type         {@code format_type()} output, e.g. {@code character varying(40)}
 * @param typeCategory {@code pg_type.typcategory}: N numeric, S string, D date/time, B boolean, U user (uuid), A array…
 * @param identity     {@code a} (always), {@code d} (by default) or empty
 * @param generated    {@code s} for stored generated columns, else empty
 */
public record Column(
        String name,
        int position,
        String type,
        char typeCategory,
        boolean nullable,
        String defaultExpression,
        String comment,
        String identity,
        String generated,
        String generationExpression) {

    public boolean isIdentity() {
        return identity != null && !identity.isEmpty();
    }

    public boolean isGenerated() {
        return generated != null && !generated.isEmpty();
    }

    /** The type without modifiers, so {@code varchar(40)} and {@code varchar(80)} compare equal. */
    public String baseType() {
        int paren = type.indexOf('(');
        return paren < 0 ? type : type.substring(0, paren);
    }
}
