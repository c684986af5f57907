package dev.strata.migration;

import dev.strata.migration.ddl.TypeName;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.sql.SqlLexer;
import dev.strata.sql.SqlLexer.Token;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether {@code ALTER COLUMN … TYPE} rewrites the table, the way PostgreSQL decides it
 * ({@code ATColumnChangeRequiresRewrite}): no rewrite when the conversion of the old values is, after planning, the
 * old value itself — a binary-coercible cast (a {@code RelabelType}), a length or precision coercion that the
 * type's planner support turns into one (wider or removed limits), a domain without constraints, or, from
 * PostgreSQL 12 on, timestamp ↔ timestamptz while the session's TimeZone is UTC. Anything else, including any
 * USING that computes (beyond naming the column or casting it to the new type), rewrites every row.
 */
public final class TypeChange {

    /** @param rewrites null when it cannot be known (the current type is unknown) */
    public record Verdict(Boolean rewrites, String reason) {
        static Verdict free(String why) {
            return new Verdict(false, why);
        }

        static Verdict rewrite(String why) {
            return new Verdict(true, why);
        }
    }

    /** Built-in casts with {@code pg_cast.castmethod = 'b'} whose target has no length limit (PostgreSQL 17). */
    private static final Set<String> BINARY_COERCIBLE = Set.of("varchar>text", "text>varchar", "cidr>inet",
            "integer>oid", "oid>integer", "xml>text", "xml>varchar", "bit>varbit", "bit>bit varying");
    /** Types whose length or precision coercion PostgreSQL plans away when the limit grows or goes. */
    private static final Set<String> WIDENABLE = Set.of("varchar", "bit varying", "varbit", "numeric", "timestamp",
            "timestamptz", "time", "timetz", "interval");
    /** Types for which a missing length means 1, not "unlimited". */
    private static final Set<String> LENGTH_ONE_DEFAULT = Set.of("char", "bit");

    private TypeChange() {
    }

    /**
     * @param from     the column's type now (null when unknown)
     * @param timezone the session TimeZone in force ({@link TimeZones#UNKNOWN} when it cannot be known)
     */
    public static Verdict judge(TypeName from, TypeName to, String using, String column, String timezone,
                                int pgVersion, Optional<LiveDatabase> live) {
        if (to == null) return new Verdict(true, "the new type could not be read");
        if (using != null && !trivialUsing(using, column, to)) {
            return Verdict.rewrite("USING " + using.trim() + " computes a new value for every row");
        }
        if (from == null) return new Verdict(null, "the column's current type is unknown");
        if (from.array() != to.array()) return Verdict.rewrite("an array and a scalar type are stored differently");
        if (from.base().equals(to.base())) {
            if (from.array() && !from.modifiers().equals(to.modifiers())) {
                return Verdict.rewrite("each element of the array is coerced");
            }
            return sameBase(from, to);
        }
        String pair = from.base() + ">" + to.base();
        if (!from.array() && to.modifiers().isEmpty() && BINARY_COERCIBLE.contains(pair)) {
            return Verdict.free(from.text() + " → " + to.text() + " is binary-coercible");
        }
        if (!from.array() && timestampPair(from, to)) {
            if (!precisionKept(from, to)) return Verdict.rewrite("the precision shrinks");
            if (pgVersion < 12) return Verdict.rewrite("before PostgreSQL 12 timestamp ↔ timestamptz always rewrites");
            Boolean utc = TimeZones.isUtc(timezone);
            if (Boolean.TRUE.equals(utc)) {
                return Verdict.free("timestamp ↔ timestamptz while the session TimeZone is " + timezone + " (UTC)");
            }
            return Verdict.rewrite(utc == null
                    ? "timestamp ↔ timestamptz rewrites unless the session TimeZone is UTC (SET timezone = 'UTC' "
                    + "first, or run with --url so Strata reads the server's)"
                    : "timestamp ↔ timestamptz rewrites under TimeZone " + timezone + " (only UTC avoids it)");
        }
        if (live.isPresent()) {
            Optional<LiveDatabase.Domain> domain = live.get().domain(to.text());
            if (domain.isPresent()) {
                if (domain.get().hasConstraints()) {
                    return Verdict.rewrite("the domain " + to.text() + " has constraints, checked on every row");
                }
                Verdict base = judge(from, TypeName.fromCatalog(domain.get().baseType()), null, column, timezone,
                        pgVersion, live);
                return base.rewrites() == Boolean.FALSE
                        ? Verdict.free("a domain without constraints over " + domain.get().baseType()) : base;
            }
            if (to.modifiers().isEmpty() && !from.array() && live.get().binaryCoercible(from.text(), to.text())) {
                return Verdict.free(from.text() + " → " + to.text() + " is binary-coercible (pg_cast)");
            }
        }
        return Verdict.rewrite(from.text() + " → " + to.text() + " converts every value");
    }

    /**
     * When the current type is unknown (no database): the kind of column for which this change would be free, or
     * null when no column type makes it free (a USING that computes, int → bigint, any → date…).
     */
    public static String freeFrom(TypeName to, String using, String column, String timezone, int pgVersion) {
        if (to == null || using != null && !trivialUsing(using, column, to)) return null;
        String base = to.base();
        if (to.array()) return null;   // element coercions always rewrite
        if (base.equals("text")) return "a varchar or text";
        if (base.equals("varchar")) return to.modifiers().isEmpty() ? "a varchar or text" : "a shorter varchar";
        if (base.equals("numeric")) return "a numeric of smaller precision and the same scale";
        if (base.equals("inet")) return "a cidr";
        if ((base.equals("timestamptz") || base.equals("timestamp")) && pgVersion >= 12
                && Boolean.TRUE.equals(TimeZones.isUtc(timezone))) {
            return "a " + (base.equals("timestamptz") ? "timestamp" : "timestamptz") + " (the session TimeZone is UTC)";
        }
        if (WIDENABLE.contains(base)) return "a " + base + " of smaller precision";
        if (!KNOWN_BASES.contains(base)) return "a type " + to.text() + " is a constraint-free domain over";
        return null;
    }

    /** Built-in types whose name is not a domain's. */
    private static final Set<String> KNOWN_BASES = Set.of("smallint", "integer", "bigint", "serial", "bigserial",
            "smallserial", "real", "double precision", "numeric", "boolean", "char", "varchar", "text", "bytea",
            "date", "time", "timetz", "timestamp", "timestamptz", "interval", "uuid", "json", "jsonb", "inet", "cidr",
            "macaddr", "money", "bit", "bit varying", "xml", "tsvector", "oid");

    private static Verdict sameBase(TypeName from, TypeName to) {
        List<Integer> a = from.modifiers();
        List<Integer> b = to.modifiers();
        if (a.equals(b)) return Verdict.free("the type does not change");
        if (LENGTH_ONE_DEFAULT.contains(from.base())) return Verdict.rewrite("a new length pads or checks every value");
        if (!WIDENABLE.contains(from.base())) return Verdict.rewrite("new type modifiers are applied to every value");
        if (b.isEmpty()) return Verdict.free("the limit is removed");
        if (from.base().equals("numeric")) {
            if (a.isEmpty()) return Verdict.rewrite("an unconstrained numeric gets a precision");
            int scaleA = a.size() > 1 ? a.get(1) : 0;
            int scaleB = b.size() > 1 ? b.get(1) : 0;
            if (scaleA != scaleB) return Verdict.rewrite("a new scale rounds every value");
            return b.get(0) >= a.get(0) ? Verdict.free("the precision grows")
                    : Verdict.rewrite("the precision shrinks");
        }
        if (isTemporal(from.base())) {
            return precisionKept(from, to) ? Verdict.free("the precision grows")
                    : Verdict.rewrite("the precision shrinks");
        }
        if (from.base().equals("interval")) return Verdict.rewrite("new interval fields or precision");
        if (a.isEmpty()) return Verdict.rewrite("an unlimited value gets a limit, checked on every row");
        return b.get(0) >= a.get(0) ? Verdict.free("the limit grows") : Verdict.rewrite("the limit shrinks");
    }

    private static boolean isTemporal(String base) {
        return base.equals("timestamp") || base.equals("timestamptz") || base.equals("time") || base.equals("timetz");
    }

    private static boolean timestampPair(TypeName a, TypeName b) {
        return (a.base().equals("timestamp") && b.base().equals("timestamptz"))
                || (a.base().equals("timestamptz") && b.base().equals("timestamp"));
    }

    /** Fractional-second precision kept: no limit on the new type, 6 (the most), or not less than before. */
    private static boolean precisionKept(TypeName from, TypeName to) {
        if (to.modifiers().isEmpty()) return true;
        int target = to.modifiers().get(0);
        if (target >= 6) return true;
        return !from.modifiers().isEmpty() && from.modifiers().get(0) <= target;
    }

    /**
     * A USING that only names the column, or casts it to the new type: PostgreSQL builds the same conversion as
     * without USING, so it decides the rewrite the same way.
     */
    static boolean trivialUsing(String using, String column, TypeName to) {
        List<Token> tokens = SqlLexer.tokenize(using).stream().filter(t -> !t.isComment()).toList();
        int i = 0;
        int n = tokens.size();
        while (n > 2 && tokens.get(i).isSymbol("(") && tokens.get(n - 1).isSymbol(")")) {
            i++;
            n--;
        }
        if (i >= n) return false;
        // CAST(c AS type)
        if (tokens.get(i).isWord("cast") && i + 1 < n && tokens.get(i + 1).isSymbol("(") && tokens.get(n - 1).isSymbol(")")) {
            if (i + 3 < n && isColumn(tokens.get(i + 2), column) && tokens.get(i + 3).isWord("as")) {
                return sameType(using, tokens, i + 4, n - 1, to);
            }
            return false;
        }
        if (!isColumn(tokens.get(i), column)) return false;
        if (i + 1 == n) return true;
        if (tokens.get(i + 1).isSymbol("::")) return sameType(using, tokens, i + 2, n, to);
        return false;
    }

    private static boolean isColumn(Token t, String column) {
        return (t.kind() == SqlLexer.TokenKind.IDENTIFIER || t.kind() == SqlLexer.TokenKind.QUOTED_IDENTIFIER)
                && t.value().equals(column);
    }

    private static boolean sameType(String source, List<Token> tokens, int from, int to, TypeName target) {
        if (from >= to) return false;
        String text = source.substring(tokens.get(from).start(), tokens.get(to - 1).end());
        if (text.contains("::")) return false;
        TypeName cast = TypeName.fromCatalog(text.toLowerCase(Locale.ROOT));
        return cast.base().equals(target.base()) && cast.array() == target.array()
                && cast.modifiers().equals(target.modifiers());
    }
}
