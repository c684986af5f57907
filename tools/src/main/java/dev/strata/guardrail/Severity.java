package dev.strata.guardrail;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * error: the statement fails, is unsafe to run, or certainly returns wrong rows (run_query refuses it);
 * warning: very likely wrong or hazardous; info: advice.
 */
public enum Severity {
    ERROR, WARNING, INFO;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
