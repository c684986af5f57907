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

    /** The words a PostgreSQL statement can begin with: any other first word is certainly a syntax error. */
    static final java.util.Set<String> COMMANDS = java.util.Set.of("abort", "alter", "analyze", "analyse", "begin",
            "call", "checkpoint", "close", "cluster", "comment", "commit", "copy", "create", "deallocate", "declare",
            "delete", "discard", "do", "drop", "end", "execute", "explain", "fetch", "grant", "import", "insert",
            "listen", "load", "lock", "merge", "move", "notify", "prepare", "reassign", "refresh", "reindex",
            "release", "reset", "revoke", "rollback", "savepoint", "security", "select", "set", "show", "start",
            "table", "truncate", "unlisten", "update", "vacuum", "values", "with");

    /**
     * Whether the statement certainly does not parse: a lexical error, PostgreSQL's own syntax error, or a first
     * word no statement begins with. Other rules leave such a statement alone (its read-only verdict, for one,
     * is unknowable).
     */
    public static boolean certainlyUnparseable(GuardContext context, SqlStatement statement) {
        if (statement.hasErrors() || statement.psqlMeta()) return true;
        if (statement == context.statements().get(0)) {
            ParseOutcome outcome = context.parseOutcome();
            if (outcome != null && outcome.rejectedWith("42601")) return true;
            if (outcome != null && outcome.acceptedByPostgres()) return false;
        }
        Token first = statement.firstToken();
        if (first.isSymbol("(")) return false;
        return !(first.kind() == TokenKind.IDENTIFIER && COMMANDS.contains(first.text().toLowerCase(Locale.ROOT)));
    }

    @Override
    public void check(GuardContext context) {
        ParseOutcome outcome = context.parseOutcome();
        boolean accepted = outcome != null && outcome.acceptedByPostgres();
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
            boolean first = statement == context.statements().get(0);
            if (!(first && accepted) && otherDialect(context, statement)) return;
        }
        SqlStatement first = context.statements().get(0);
        if (outcome != null && outcome.rejectedWith("42601")) {
            context.reportAt(this, "PostgreSQL cannot parse the statement: " + outcome.postgresError(),
                    outcome.errorOffset(), "fix the syntax at the position given");
        } else if (outcome != null && !accepted && !outcome.rejectedByPostgres()
                && !first.hasErrors() && certainlyUnparseable(context, first)) {
            context.reportAt(this, first.firstToken().text() + " is not an SQL command", first.start(),
                    "start the statement with SELECT (or WITH, VALUES, TABLE)");
        }
    }
}
