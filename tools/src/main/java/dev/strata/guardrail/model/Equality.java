package dev.strata.guardrail.model;

/** {@code left = right} between two columns, in an ON, WHERE or USING clause. */
public record Equality(ColumnRef left, ColumnRef right, Clause clause) {
}
