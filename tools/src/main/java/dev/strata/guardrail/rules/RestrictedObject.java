package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.TokenRule;
import dev.strata.guardrail.Severity;
import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlLexer.TokenKind;
import dev.strata.sql.SqlStatement;

import java.util.Map;
import java.util.Set;

/**
 * <b>restricted-object</b>: reads of secrets or server internals — password hashes ({@code pg_authid},
 * {@code pg_shadow}), foreign-server credentials ({@code pg_user_mappings}), raw column statistics that leak
 * values ({@code pg_statistic}), large-object contents, server configuration files. Found on tokens, quoted or
 * not, qualified or not.
 *
 * <pre>
 * bad:  SELECT rolname, rolpassword FROM pg_authid
 * good: SELECT rolname, rolcanlogin FROM pg_roles
 * </pre>
 */
public final class RestrictedObject extends TokenRule {

    static final Set<String> OBJECTS = Set.of("pg_authid", "pg_shadow", "pg_user_mappings", "pg_user_mapping",
            "pg_statistic", "pg_largeobject", "pg_largeobject_metadata", "pg_file_settings", "pg_hba_file_rules",
            "pg_ident_file_mappings", "pg_auth_members");

    public RestrictedObject() {
        super("restricted-object", Severity.ERROR, "reads of secrets or server internals");
    }

    @Override
    public void check(GuardContext context) {
        for (SqlStatement statement : context.statements()) {
            for (Token t : statement.tokens()) {
                if (t.kind() != TokenKind.IDENTIFIER && t.kind() != TokenKind.QUOTED_IDENTIFIER) continue;
                String name = t.value();
                if (name == null || !OBJECTS.contains(name)) continue;
                context.report(this, name + " holds secrets or server internals; Strata does not read it",
                        t.start(), "pg_catalog." + name, null,
                        "use the public views (pg_roles, pg_stats, pg_settings) instead", Map.of("object", name));
            }
        }
    }
}
