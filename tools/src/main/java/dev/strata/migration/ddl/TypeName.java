package dev.strata.migration.ddl;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A column type as a migration spells it, normalised so that the spellings PostgreSQL treats as one type compare
 * equal ({@code int4}, {@code int} and {@code integer}; {@code character varying(40)} and {@code varchar(40)}).
 *
 * @param base      canonical base name: {@code integer}, {@code varchar}, {@code timestamp}, {@code timestamptz}…
 * @param modifiers type modifiers, e.g. {@code [40]} for {@code varchar(40)}; empty when none
 * @param array     whether the type is an array
 * @param text      the type as written
 */
public record TypeName(String base, List<Integer> modifiers, boolean array, String text) {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("serial4", "serial"),
            Map.entry("int8", "bigint"), Map.entry("serial8", "bigserial"),
            Map.entry("int2", "smallint"), Map.entry("serial2", "smallserial"),
            Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
            Map.entry("character", "char"), Map.entry("bpchar", "char"),
            Map.entry("bool", "boolean"), Map.entry("decimal", "numeric"),
            Map.entry("float8", "double precision"), Map.entry("float", "double precision"),
            Map.entry("float4", "real"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"));

    public TypeName {
        modifiers = List.copyOf(modifiers);
    }

    /** Builds a type from its words (as written, already lower-cased), modifiers and array marker. */
    public static TypeName of(String words, List<Integer> modifiers, boolean array, String text) {
        String w = words.toLowerCase(Locale.ROOT).trim();
        // "timestamp(3) with time zone" arrives as "timestamp with time zone" with modifier 3
        String canonical = ALIASES.getOrDefault(w, w);
        int dot = canonical.lastIndexOf('.');
        if (dot > 0 && canonical.startsWith("pg_catalog.")) {
            canonical = ALIASES.getOrDefault(canonical.substring(dot + 1), canonical.substring(dot + 1));
        }
        return new TypeName(canonical, modifiers, array, text);
    }

    /** Parses a type as {@code format_type()} prints it (the catalog's spelling). */
    public static TypeName fromCatalog(String formatted) {
        String s = formatted.trim();
        boolean array = s.endsWith("[]");
        if (array) s = s.substring(0, s.length() - 2);
        List<Integer> mods = List.of();
        int open = s.indexOf('(');
        if (open >= 0) {
            int close = s.indexOf(')', open);
            if (close < 0) close = s.length();   // cut short: "numeric(" has no modifiers to read
            mods = parseModifiers(s.substring(open + 1, close));
            s = (s.substring(0, open) + (close < s.length() ? s.substring(close + 1) : "")).replaceAll("\\s+", " ");
        }
        return of(s, mods, array, formatted);
    }

    private static List<Integer> parseModifiers(String inside) {
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        for (String part : inside.split(",")) {
            try {
                out.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return out;
    }

    public boolean isTimestampWithoutTimeZone() {
        return !array && base.equals("timestamp");
    }

    public boolean isSerial() {
        return base.equals("serial") || base.equals("bigserial") || base.equals("smallserial");
    }

    public boolean isVarchar() {
        return base.equals("varchar");
    }

    /**
     * Whether changing a column from {@code this} to {@code target} leaves the stored bytes valid, so PostgreSQL
     * changes only the catalog (no rewrite, no scan): same type with a looser length or precision, varchar to
     * text, or cidr to inet. Everything else rewrites the table and its indexes.
     */
    public boolean changesWithoutRewriteTo(TypeName target) {
        if (array != target.array) return false;
        if (base.equals(target.base)) {
            if (target.modifiers.isEmpty()) return true;
            if (modifiers.isEmpty()) return false;
            return switch (base) {
                case "varchar", "bit varying", "varbit" -> target.modifiers.get(0) >= modifiers.get(0);
                // numeric(p, s) → numeric(p2, s) with p2 ≥ p keeps every value; a new scale rewrites
                case "numeric" -> target.modifiers.get(0) >= modifiers.get(0)
                        && scale(target) == scale(this);
                default -> target.modifiers.equals(modifiers);
            };
        }
        if ((base.equals("varchar") || base.equals("char")) && target.base.equals("text")) {
            return base.equals("varchar");
        }
        return base.equals("cidr") && target.base.equals("inet");
    }

    private static int scale(TypeName t) {
        return t.modifiers.size() > 1 ? t.modifiers.get(1) : 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
