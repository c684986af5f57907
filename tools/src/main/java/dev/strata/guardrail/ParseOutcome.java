package dev.strata.guardrail;

/**
 * How parsing the statement went. Strata's parser (JSqlParser) reads most PostgreSQL but not all; when it fails,
 * PostgreSQL itself is asked (parse only, nothing runs) whether the statement is valid.
 *
 * @param parserError   JSqlParser's message, or null when it parsed
 * @param postgresError PostgreSQL's parse error, or null when it accepted the statement or was not asked
 * @param postgresChecked whether PostgreSQL was asked
 * @param errorOffset   where the error is, as an offset in the whole input
 */
public record ParseOutcome(String parserError, String postgresError, boolean postgresChecked, int errorOffset) {

    public static final ParseOutcome PARSED = new ParseOutcome(null, null, false, 0);

    public boolean parsed() {
        return parserError == null;
    }
}
