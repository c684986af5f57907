package dev.strata.guardrail;

import dev.strata.db.Database;
import dev.strata.query.PgProtocol;
import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.StatementClassifier;
import dev.strata.sql.StatementKind;
import dev.strata.sql.StatementSplitter;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL's own parser and analyser, asked with {@code PREPARE strata_parse_check AS <statement>} in a READ
 * ONLY transaction that is rolled back, in one round trip: PostgreSQL parses the statement, resolves its names and
 * types, infers the types of {@code $n} parameters, and runs nothing. Asked once Strata's lexer has proved there is
 * exactly one statement.
 *
 * <p>Why {@code PREPARE} through a plain statement, and not the driver's {@code prepareStatement}: the driver
 * rewrites every {@code ?} (the jsonb operator) into a placeholder, and describing a statement with {@code $1}
 * parameters it did not create makes it throw halfway through the protocol exchange, leaving the connection out of
 * step for every later statement. A plain statement with escape processing off is sent as written (checked with
 * the driver's own parser, {@link PgProtocol#sentWhole}), its errors are ordinary error responses, and a
 * connection that fails any other way is evicted from the pool, never reused.
 *
 * <p>{@code PREPARE} accepts SELECT, VALUES, TABLE, WITH, INSERT, UPDATE, DELETE and MERGE; {@code EXPLAIN} is
 * checked through the statement it explains. Other statements are not asked about (empty verdict): a PREPARE
 * error would be about PREPARE, not about them.
 */
public final class PgParseCheck implements ParseCheck {

    static final String NAME = "strata_parse_check";
    private static final String PREFIX = "PREPARE " + NAME + " AS ";
    private static final Set<StatementKind> PREPARABLE = Set.of(StatementKind.SELECT, StatementKind.VALUES,
            StatementKind.TABLE, StatementKind.WITH, StatementKind.INSERT, StatementKind.UPDATE,
            StatementKind.DELETE, StatementKind.MERGE);
    /**
     * One round trip: a READ ONLY transaction with short timeouts (parse analysis is quick; a lock held on a table
     * it opens must not make validation wait), the PREPARE, its DEALLOCATE, and the rollback.
     */
    private static final String BEGIN = "BEGIN READ ONLY; SET LOCAL statement_timeout = 3000; "
            + "SET LOCAL lock_timeout = 250;";
    private static final String END = "\n; DEALLOCATE " + NAME + "; ROLLBACK";
    /** Parameters whose type only the client could declare ({@code SELECT $1}): not the statement's fault. */
    private static final String INDETERMINATE_DATATYPE = "42P18";

    private final Database database;

    public PgParseCheck(Database database) {
        this.database = database;
    }

    /** The database asked. */
    public Database database() {
        return database;
    }

    @Override
    public Optional<Verdict> check(String statement) {
        List<SqlStatement> statements = StatementSplitter.split(statement);
        if (statements.size() != 1 || statements.get(0).hasErrors() || statements.get(0).psqlMeta()) {
            return Optional.empty();
        }
        SqlStatement only = statements.get(0);
        int from = preparableStart(only);
        if (from < 0) return Optional.empty();
        // Positions PostgreSQL reports count from the start of the PREPARE; map them back to the statement.
        String body = only.text().substring(from - only.start());
        int shift = from - PREFIX.length();
        String prepare = PREFIX + body;
        String batch = BEGIN + prepare + END;
        if (!PgProtocol.sentWhole(prepare) || !PgProtocol.splitsInto(batch, 6, 3, prepare)) return Optional.empty();
        return Optional.of(ask(batch, shift, statement.length()));
    }

    private Verdict ask(String batch, int shift, int length) {
        Connection c = database.connection();
        boolean outOfStep = false;
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            try {
                st.execute(batch);
                return Verdict.ACCEPTED;
            } catch (SQLException e) {
                if (PgProtocol.mayBeOutOfStep(e)) throw e;
                // The transaction is aborted at the failed statement; end it before the connection goes back.
                st.execute("ROLLBACK");
                if (!PgProtocol.isStatementError(e) || "42P05".equals(e.getSQLState())) throw e;
                if (INDETERMINATE_DATATYPE.equals(e.getSQLState())) return Verdict.ACCEPTED;
                return rejected((PSQLException) e, shift, length);
            }
        } catch (SQLException | RuntimeException e) {
            // A prepared statement left behind (42P05) would make every later check on this connection fail.
            outOfStep = PgProtocol.mayBeOutOfStep(e) || "42P05".equals(e instanceof SQLException s ? s.getSQLState()
                    : null);
            throw new IllegalStateException("PostgreSQL could not be asked: " + Database.rootMessage(e), e);
        } finally {
            if (outOfStep) {
                database.evict(c);
            } else {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // returned to the pool or already gone: nothing to do either way
                }
            }
        }
    }

    private static Verdict rejected(PSQLException e, int shift, int length) {
        ServerErrorMessage server = e.getServerErrorMessage();
        String message = server.getMessage() != null ? server.getMessage() : e.getMessage();
        // "at end of input" points just past the statement (the batch goes on after a line break).
        int position = server.getPosition() > 0 ? Math.min(length + 1, Math.max(1, server.getPosition() + shift)) : 0;
        return Verdict.rejected(message, e.getSQLState(), position);
    }

    /**
     * Offset (in the whole input) where the preparable statement starts: the statement itself, or the one an
     * EXPLAIN explains; -1 when there is none.
     */
    static int preparableStart(SqlStatement statement) {
        StatementClassifier.Classification c = StatementClassifier.classify(statement);
        if (PREPARABLE.contains(c.kind())) return statement.start();
        // Unknown first words go to PostgreSQL too: its "syntax error at or near" is the honest answer, except
        // for REASSIGN OWNED, the one statement without a kind of its own in Strata's classifier.
        if (c.kind() == StatementKind.UNKNOWN) {
            return statement.firstToken().isWord("reassign") ? -1 : statement.start();
        }
        if (c.kind() != StatementKind.EXPLAIN) return -1;
        List<Token> t = statement.tokens();
        int i = 1;
        if (i < t.size() && t.get(i).isSymbol("(") && !(i + 1 < t.size()
                && t.get(i + 1).isAnyWord("select", "values", "table", "with"))) {
            int depth = 0;
            for (; i < t.size(); i++) {
                if (t.get(i).isSymbol("(")) depth++;
                else if (t.get(i).isSymbol(")") && --depth == 0) break;
            }
            i++;
        } else {
            while (i < t.size() && t.get(i).isAnyWord("analyze", "analyse", "verbose")) i++;
        }
        if (i >= t.size() || c.target() == null || !PREPARABLE.contains(c.target().kind())) return -1;
        return t.get(i).start();
    }
}
