package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.TokenRule;
import dev.strata.guardrail.model.ServerObjects;
import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlLexer.TokenKind;
import dev.strata.sql.SqlStatement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>volatile-function</b> (Strata's addition to the contract; advice): a call to a user-defined function that is
 * not declared IMMUTABLE or STABLE. PostgreSQL lets such a function write (and functions are VOLATILE unless
 * declared otherwise), so validate_sql cannot call the statement read-only: its {@code read_only} is false.
 * run_query still runs it, inside a READ ONLY transaction where any write the function attempts fails. Found on
 * tokens, so a call Strata's parser cannot read is found as well; system functions with side effects are
 * {@code dangerous-function}.
 *
 * <pre>
 * info: SELECT film_id, inventory_in_stock(inventory_id) FROM inventory   -- VOLATILE by default
 * good: ALTER FUNCTION inventory_in_stock(integer) STABLE;                 -- when it only reads
 * </pre>
 */
public final class VolatileFunction extends TokenRule {

    public VolatileFunction() {
        super("volatile-function", Severity.INFO, "a user-defined function that may write (not IMMUTABLE/STABLE)");
    }

    @Override
    public void check(GuardContext context) {
        ServerObjects server = context.server();
        if (!server.loaded() || context.knowledge() == null) return;
        List<String> path = context.catalog().searchPath();
        Set<String> reported = new LinkedHashSet<>();
        for (SqlStatement statement : context.statements()) {
            List<Token> tokens = statement.tokens();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (!isName(t) || !tokens.get(i + 1).isSymbol("(")) continue;
                String schema = i >= 2 && tokens.get(i - 1).isSymbol(".") && isName(tokens.get(i - 2))
                        ? tokens.get(i - 2).value() : null;
                if (schema == null && i > 0 && tokens.get(i - 1).isSymbol(".")) continue;
                String name = t.value();
                if (name == null) continue;
                List<ServerObjects.Function> candidates = new ArrayList<>();
                for (ServerObjects.Function f : server.functions(schema, name, path)) {
                    if (f.userDefined() && f.mayWrite()) candidates.add(f);
                }
                if (candidates.isEmpty()) continue;
                String qualified = candidates.get(0).qualifiedName();
                if (!reported.add(qualified)) continue;
                context.report(this, qualified + "() is " + (candidates.get(0).volatility() == 'v' ? "VOLATILE"
                                : "not IMMUTABLE or STABLE") + ": it may write, so the statement is not known to be "
                                + "read-only (run_query runs it in a READ ONLY transaction, where a write fails)",
                        t.start(), null, null, "if " + qualified + "() only reads, declare it STABLE (ALTER FUNCTION "
                                + qualified + "(…) STABLE)", Map.of("function", qualified, "volatility",
                                String.valueOf(candidates.get(0).volatility())));
            }
        }
    }

    private static boolean isName(Token t) {
        return t.kind() == TokenKind.IDENTIFIER || t.kind() == TokenKind.QUOTED_IDENTIFIER;
    }
}
