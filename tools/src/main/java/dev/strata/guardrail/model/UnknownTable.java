package dev.strata.guardrail.model;

/** A FROM item naming a relation that is neither in the catalog (nor a system relation or sequence) nor a CTE. */
public record UnknownTable(String written, int offset) {
}
