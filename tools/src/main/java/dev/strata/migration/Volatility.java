package dev.strata.migration;

import dev.strata.migration.live.LiveDatabase;
import dev.strata.sql.SqlLexer;
import dev.strata.sql.SqlLexer.Token;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a DEFAULT expression is volatile. Since PostgreSQL 11 a non-volatile default is evaluated once and
 * stored in the catalog (no rewrite); a volatile one is evaluated per row, which rewrites the table. Known
 * functions are judged from the lists below; others from {@code pg_proc.provolatile} when a database is at hand,
 * and are reported as "may be volatile" without one (fail closed).
 */
final class Volatility {

    /** A function call that makes a default volatile; {@code certain} false when only assumed. */
    record Call(String function, boolean certain) {
    }

    private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "uuid_generate_v1",
            "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp", "timeofday", "nextval",
            "setseed", "random_normal", "gen_random_bytes", "txid_current");
    private static final Set<String> NOT_VOLATILE = Set.of("now", "transaction_timestamp", "statement_timestamp",
            "current_timestamp", "current_date", "localtimestamp", "lower", "upper", "coalesce", "nullif", "concat",
            "length", "to_jsonb", "jsonb_build_object", "json_build_object", "jsonb_build_array", "array", "row",
            "make_interval", "make_date", "to_timestamp", "to_date", "date_trunc", "timezone", "current_user",
            "current_setting", "greatest", "least", "abs", "round", "md5", "cast", "interval", "array_fill",
            "jsonb_object", "format", "replace", "trim", "btrim", "substring", "left", "right");

    private Volatility() {
    }

    static Optional<Call> volatileCall(String expression, Optional<LiveDatabase> live) {
        if (expression == null) return Optional.empty();
        List<Token> tokens = SqlLexer.tokenize(expression).stream().filter(t -> !t.isComment()).toList();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != SqlLexer.TokenKind.IDENTIFIER && t.kind() != SqlLexer.TokenKind.QUOTED_IDENTIFIER) continue;
            if (!tokens.get(i + 1).isSymbol("(")) continue;
            String f = t.value();
            if (VOLATILE.contains(f)) return Optional.of(new Call(f, true));
            if (NOT_VOLATILE.contains(f)) continue;
            if (live.isPresent()) {
                Optional<Character> v = live.get().volatility(f);
                if (v.isPresent() && v.get() == 'v') return Optional.of(new Call(f, true));
                if (v.isPresent()) continue;
            }
            return Optional.of(new Call(f, false));
        }
        return Optional.empty();
    }
}
