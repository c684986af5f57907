package dev.strata.guardrail;

/**
 * How reading the statement went: Strata's parser (JSqlParser, for the tree the semantic rules need) and
 * PostgreSQL's own parser and analyser (asked about every statement it can be asked about without running it; its
 * verdict is a fact).
 *
 * @param parserError   JSqlParser's message, or null when it produced a tree
 * @param construct     when JSqlParser failed: the construct it stopped at, in words ("near `member`")
 * @param postgres      what PostgreSQL said, or why it was not asked
 * @param postgresError PostgreSQL's error message when it rejected the statement, else null
 * @param postgresState its SQLSTATE when it rejected the statement, else null
 * @param errorOffset   where the error is, as an offset in the whole input: PostgreSQL's position when it
 *                      rejected the statement, else where JSqlParser stopped
 */
public record ParseOutcome(String parserError, String construct, Postgres postgres, String postgresError,
                           String postgresState, int errorOffset) {

    /** PostgreSQL's part in the outcome. */
    public enum Postgres {
        /** PostgreSQL parsed and analysed the statement without error: its names, types and syntax are valid. */
        ACCEPTED,
        /** PostgreSQL rejected the statement: {@link #postgresError()} says why. */
        REJECTED,
        /** A kind of statement PostgreSQL cannot be asked about without running it (SET, VACUUM, DDL…). */
        NOT_ASKABLE,
        /** No database, or it could not be reached: nobody knows whether PostgreSQL accepts the statement. */
        UNAVAILABLE
    }

    public boolean parsed() {
        return parserError == null;
    }

    /** Whether PostgreSQL itself rejected the statement (a fact, whatever Strata's parser thought). */
    public boolean rejectedByPostgres() {
        return postgres == Postgres.REJECTED;
    }

    /** Whether PostgreSQL rejected it with this SQLSTATE (or any of a class, given two characters). */
    public boolean rejectedWith(String state) {
        return postgres == Postgres.REJECTED && postgresState != null && postgresState.startsWith(state);
    }

    /** PostgreSQL resolved every name and type of the statement. */
    public boolean acceptedByPostgres() {
        return postgres == Postgres.ACCEPTED;
    }
}
