package dev.strata.guardrail.model;

/**
 * One output column of a SELECT (or of a VALUES list, a function call, a set operation), in order.
 *
 * @param name   its name: the alias, or the name PostgreSQL gives it ({@code count}, {@code ?column?}…); null when
 *               Strata cannot tell (the statement's shape is then treated as open)
 * @param source where its values come from when it passes a column on unchanged, else null (computed)
 */
public record OutputColumn(String name, ColumnSource source) {
}
