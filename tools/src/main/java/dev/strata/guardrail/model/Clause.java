package dev.strata.guardrail.model;

/** Where in a SELECT an expression sits; rules care whether a column is filtered on or merely shown. */
public enum Clause {
    SELECT, ON, WHERE, GROUP_BY, HAVING, ORDER_BY, OTHER;

    /** Conditions restrict rows: ON, WHERE and HAVING. */
    public boolean isCondition() {
        return this == ON || this == WHERE || this == HAVING;
    }
}
