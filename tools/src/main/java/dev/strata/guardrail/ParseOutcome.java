package dev.strata.guardrail;

/**
 * How parsing the statement went. Strata's parser (JSqlParser) reads most PostgreSQL but not all; when it fails,
 * PostgreSQL itself is asked (parse and analysis only, nothing runs) whether the statement is valid.
 *
 * @param parserError   JSqlParser's message, or null when it parsed
 * @param postgres      what PostgreSQL said, or why it was not asked
 * @param postgresError PostgreSQL's error message when it rejected the statement, else null
 * @param postgresState its SQLSTATE when it rejected the statement, else null
 * @param errorOffset   where the error is, as an offset in the whole input
 */
public record ParseOutcome(String parserError, Postgres postgres, String postgresError, String postgresState,
                           int errorOffset) {

    /** PostgreSQL's part in the outcome. */
    public enum Postgres {
        /** Strata's parser read the statement: PostgreSQL was not needed. */
        NOT_NEEDED,
        /** PostgreSQL parsed and analysed the statement without error. */
        ACCEPTED,
        /** PostgreSQL rejected the statement: {@link #postgresError()} says why. */
        REJECTED,
        /** A kind of statement PostgreSQL cannot be asked about without running it (SET, VACUUM, DDL…). */
        NOT_ASKABLE,
        /** No database, or it could not be reached: nobody knows whether PostgreSQL accepts the statement. */
        UNAVAILABLE
    }

    public static final ParseOutcome PARSED = new ParseOutcome(null, Postgres.NOT_NEEDED, null, null, 0);

    public static ParseOutcome unparsed(String parserError, Postgres postgres, int errorOffset) {
        return new ParseOutcome(parserError, postgres, null, null, errorOffset);
    }

    public boolean parsed() {
        return parserError == null;
    }

    /** Whether PostgreSQL itself rejected the statement (a fact, whatever Strata's parser thought). */
    public boolean rejectedByPostgres() {
        return postgres == Postgres.REJECTED;
    }
}
