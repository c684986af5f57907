package dev.strata.guardrail;

import java.util.Optional;

/**
 * Asks PostgreSQL to parse a statement without running it, for the statements Strata's own parser cannot read.
 * Returns the error message and its 1-based character position, or empty when PostgreSQL accepts it.
 */
@FunctionalInterface
public interface ParseCheck {

    Optional<Error> check(String statement);

    record Error(String message, int position) {
    }
}
