package dev.strata.server.cli;

/** A mistake in how Strata was invoked; printed as one line, exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
