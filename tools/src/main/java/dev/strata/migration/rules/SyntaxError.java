package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.ddl.Ddl;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.sql.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * <b>syntax-error</b> (with a database): PostgreSQL's own parser rejects the statement, so the migration stops there
 * at deploy. Strata asks the server it is connected to (Parse and Describe of the extended protocol: the statement
 * is never executed), so the verdict is that version's grammar — a PostgreSQL 16 form such as
 * {@code NULLS NOT DISTINCT} is an error on a 14 server. Without a database, statements Strata cannot recognise
 * are reported as {@code unanalysed-statement} instead.
 * <pre>
 * ALTER TABLE orders ADD COLUMN note text NOT VALID;   -- syntax error at or near "VALID"
 * ALTER TABLE orders ADD COLUMN note text;
 * </pre>
 */
public final class SyntaxError extends MigrationRuleBase {

    public SyntaxError() {
        super("syntax-error", Severity.ERROR, "a statement PostgreSQL cannot parse");
    }

    @Override
    public boolean needsDatabase() {
        return true;
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.insideDo() || ctx.ddl() instanceof Ddl.PsqlMeta || ctx.statement().hasErrors()) return;
        List<Object> asked = ctx.script().pending(this);
        if (asked.isEmpty()) {
            // the whole script in one round of Parse messages, the first time a statement of it is checked
            List<SqlStatement> all = ctx.script().statements();
            List<String> texts = new ArrayList<>();
            for (SqlStatement s : all) {
                // psql substitutes :variables before the server sees the text: only psql could parse it as written
                boolean psql = s.psqlMeta() || s.tokens().stream()
                        .anyMatch(t -> t.kind() == dev.strata.sql.SqlLexer.TokenKind.PSQL_VARIABLE);
                texts.add(psql || s.hasErrors() ? "SELECT 1" : s.text());
            }
            List<LiveDatabase.SyntaxError> errors = ctx.live().get().syntaxErrors(texts);
            for (int i = 0; i < all.size(); i++) asked.add(new Object[]{all.get(i), errors.get(i)});
        }
        for (Object o : asked) {
            Object[] pair = (Object[]) o;
            if (pair[0] != ctx.statement() || pair[1] == null) continue;
            LiveDatabase.SyntaxError e = (LiveDatabase.SyntaxError) pair[1];
            SqlStatement st = ctx.statement();
            int offset = e.position() > 0 ? Math.min(st.end(), st.start() + e.position() - 1) : st.start();
            ctx.script().reportAt(this, Severity.ERROR, offset, "PostgreSQL "
                            + ctx.live().get().pgVersion() + " cannot parse this statement: " + e.message()
                            + "; the migration stops here", "Fix the statement's syntax for PostgreSQL "
                            + ctx.live().get().pgVersion() + ".",
                    Map.of("server_version", ctx.live().get().pgVersion()));
        }
    }
}
