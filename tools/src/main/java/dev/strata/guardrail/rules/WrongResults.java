package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.shape.Resolved;
import dev.strata.profile.ColumnProfile;

import java.util.List;
import java.util.Optional;

/** What the wrong-result rules share: profiles of resolved columns, and how findings word numbers. */
final class WrongResults {

    private WrongResults() {
    }

    /** The cached (or pg_stats) profile of a base column, read once per validation. */
    static Optional<ColumnProfile> profile(GuardContext context, Resolved r) {
        if (r == null || !r.isBase() || !r.relation().kind().storesRows()) return Optional.empty();
        return context.memo(List.of("wrong-result-profile", r.qualified()),
                () -> context.profiles().forGuard(r.relation(), r.column().name()));
    }

    /** {@code schema.table.column}, or the name as written when the column is not traced to a table. */
    static String name(Resolved r) {
        return r != null && r.isBase() ? r.qualified() : r == null ? "?" : r.item().exposedName() + "." + r.name();
    }

    /** A profile source in words: "per pg_stats", "in a sample", "counted exactly". */
    static String source(String source) {
        if (source == null) return "per the profile";
        return switch (source) {
            case "exact" -> "counted exactly";
            case "sample" -> "in a sample";
            default -> "per " + source;
        };
    }

    static String table(Resolved r) {
        return r != null && r.isBase() ? r.relation().qualifiedName() : null;
    }

    static String column(Resolved r) {
        return r != null && r.isBase() ? r.column().name() : null;
    }
}
