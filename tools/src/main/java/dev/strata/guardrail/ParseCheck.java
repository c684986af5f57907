package dev.strata.guardrail;

import java.util.Optional;

/**
 * Asks PostgreSQL to parse and analyse a statement without running it, for the statements Strata's own parser
 * cannot read. Empty when PostgreSQL cannot be asked about this kind of statement (the answer would not be
 * PostgreSQL's verdict on the statement itself); throws when PostgreSQL cannot be reached.
 */
@FunctionalInterface
public interface ParseCheck {

    Optional<Verdict> check(String statement);

    /**
     * PostgreSQL's verdict.
     *
     * @param accepted whether PostgreSQL parsed and analysed the statement without error
     * @param message  its error message (null when accepted)
     * @param sqlState its SQLSTATE (null when accepted), e.g. 42601 syntax error, 42P01 unknown relation
     * @param position 1-based character position of the error in the statement, 0 when it gave none
     */
    record Verdict(boolean accepted, String message, String sqlState, int position) {

        public static final Verdict ACCEPTED = new Verdict(true, null, null, 0);

        public static Verdict rejected(String message, String sqlState, int position) {
            return new Verdict(false, message, sqlState, position);
        }
    }
}
