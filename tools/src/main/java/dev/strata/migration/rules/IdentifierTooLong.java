package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlLexer.TokenKind;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>identifier-too-long</b>: PostgreSQL keeps the first 63 bytes of a name ({@code NAMEDATALEN - 1}) and drops
 * the rest with only a NOTICE. The object is created under a name the migration never wrote, two names that
 * share their first 63 bytes become the same name (the second CREATE fails, or an ALTER hits the wrong object),
 * and tools that compare names with the source see a difference. Count bytes, not characters: non-ASCII letters
 * take two or more.
 * <pre>
 * CREATE INDEX community_moderator_community_id_person_id_published_at_idx_v2 ON …;   -- 64 bytes: truncated
 * CREATE INDEX community_moderator_community_person_published_idx ON …;
 * </pre>
 */
public final class IdentifierTooLong extends MigrationRuleBase {

    /** PostgreSQL's NAMEDATALEN minus the terminating byte. */
    static final int MAX_BYTES = 63;

    public IdentifierTooLong() {
        super("identifier-too-long", Severity.WARNING, "a name longer than 63 bytes, silently truncated");
    }

    @Override
    public void check(StatementContext ctx) {
        List<Token> tokens = ctx.statement().tokens();
        Set<String> seen = new HashSet<>();
        for (Token t : tokens) {
            if (t.kind() != TokenKind.IDENTIFIER && t.kind() != TokenKind.QUOTED_IDENTIFIER) continue;
            String name = t.value();
            if (name == null) continue;
            int bytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (bytes <= MAX_BYTES || !seen.add(name)) continue;
            String kept = truncate(name);
            ctx.report(this, severity(), t, "\"" + name + "\" is " + bytes + " bytes long: PostgreSQL keeps the first "
                            + MAX_BYTES + " (\"" + kept + "\") without an error", null, null,
                    "Choose a name of at most " + MAX_BYTES + " bytes.", Map.of("bytes", bytes, "stored_as", kept));
        }
    }

    /** The name as PostgreSQL stores it: cut at 63 bytes, never inside a multi-byte character. */
    public static String truncate(String name) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > MAX_BYTES) break;
            out.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
