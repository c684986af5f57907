package dev.strata.guardrail.model;

/** A FROM item naming a relation that is neither in the catalog nor a CTE in scope. */
public record UnknownTable(String written, int offset) {
}
