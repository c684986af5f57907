package dev.strata.guardrail;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Map;

/**
 * One problem found in a statement (CONTRACT.md): what goes wrong with which object, where (1-based line and
 * column in the input), the fix as one imperative sentence or ready SQL, and the evidence behind it.
 */
public record Finding(String rule, Severity severity, String message, Integer line, Integer column, String table,
                      String columnName, String fix, Map<String, Object> evidence) {

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
