package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.ParseOutcome;
import dev.strata.guardrail.TokenRule;
import dev.strata.guardrail.Severity;
import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlLexer.TokenKind;
import dev.strata.sql.SqlStatement;

import java.util.List;
import java.util.Locale;

/**
 * <b>syntax-error</b>: the statement cannot be parsed: an unterminated string, comment or quoted name (found by
 * Strata's lexer), or a statement PostgreSQL itself rejects (asked when Strata's parser fails; parse only, nothing
 * runs).
 *
 * <pre>
 * bad:  SELECT id, FROM orders
 * good: SELECT id FROM orders
 * </pre>
 */
public final class SyntaxError extends TokenRule {

    public SyntaxError() {
        super("syntax-error", Severity.ERROR, "not parseable");
    }

    /**
     * Other databases' syntax that a multi-dialect parser accepts but PostgreSQL rejects: assistants trained on
     * MySQL and SQL Server write it. Reported with the PostgreSQL spelling.
     */
    private boolean otherDialect(GuardContext context, SqlStatement statement) {
        List<Token> tokens = statement.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text().contains("`")) {
                context.report(this, "backticks are MySQL quoting; PostgreSQL rejects them", t.start(), null, null,
                        "quote identifiers with double quotes (\"name\") or not at all", null);
                return true;
            }
            if (t.isWord("top") && i > 0 && tokens.get(i - 1).isAnyWord("select", "distinct", "all")
                    && i + 1 < tokens.size() && tokens.get(i + 1).kind() == TokenKind.NUMBER) {
                context.report(this, "SELECT TOP n is SQL Server syntax; PostgreSQL rejects it", t.start(), null,
                        null, "remove TOP " + tokens.get(i + 1).text() + " and add LIMIT "
                                + tokens.get(i + 1).text() + " at the end", null);
                return true;
            }
            if (t.isWord("interval") && i + 1 < tokens.size() && tokens.get(i + 1).kind() == TokenKind.NUMBER) {
                String unit = i + 2 < tokens.size() ? tokens.get(i + 2).text() : "day";
                context.report(this, "INTERVAL " + tokens.get(i + 1).text() + " " + unit + " is MySQL syntax; "
                                + "PostgreSQL rejects it", t.start(), null, null,
                        "write INTERVAL '" + tokens.get(i + 1).text() + " " + unit.toLowerCase(Locale.ROOT) + "'",
                        null);
                return true;
            }
        }
        return false;
    }

    @Override
    public void check(GuardContext context) {
        for (SqlStatement statement : context.statements()) {
            if (statement.psqlMeta()) {
                context.report(this, "psql meta-command " + statement.text().strip() + " is not SQL",
                        statement.start(), null, null, "remove the psql command; send plain SQL", null);
                continue;
            }
            for (Token t : statement.tokens()) {
                if (!t.isError()) continue;
                context.report(this, t.error(), t.start(), null, null, "close the string, comment or quoted name",
                        null);
                return;
            }
            if (otherDialect(context, statement)) return;
        }
        ParseOutcome outcome = context.parseOutcome();
        if (outcome != null && outcome.rejectedByPostgres()) {
            context.reportAt(this, "PostgreSQL cannot parse the statement: " + outcome.postgresError(),
                    outcome.errorOffset(), "fix the syntax at the position given");
        } else if (outcome != null && !outcome.parsed() && outcome.postgres() == ParseOutcome.Postgres.UNAVAILABLE) {
            context.reportAt(this, "the statement does not parse: " + outcome.parserError(), outcome.errorOffset(),
                    "fix the syntax at the position given");
        }
    }
}
