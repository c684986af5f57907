/**
 * The query model the semantic rules read: one statement resolved the way PostgreSQL resolves it.
 *
 * <p>{@link dev.strata.guardrail.model.QueryModelBuilder} walks JSqlParser's tree once and produces a
 * {@link dev.strata.guardrail.model.QueryModel}:
 * <ul>
 *   <li>{@link dev.strata.guardrail.model.Scope}: one per SELECT level (and VALUES list), with its FROM items, its
 *       output columns, the pairs of items its conditions connect, and the columns USING/NATURAL merged;</li>
 *   <li>{@link dev.strata.guardrail.model.TableRef}: a FROM item of a {@link dev.strata.guardrail.model.TableRef.Kind}
 *       (catalog relation, system relation, sequence, CTE, subquery, function, VALUES, unknown), its visible columns
 *       in order with their {@link dev.strata.guardrail.model.ColumnSource}, whether it is open (columns not all
 *       known) and whether it yields at most one row;</li>
 *   <li>{@link dev.strata.guardrail.model.ColumnRef}: every written column with its
 *       {@link dev.strata.guardrail.model.ColumnRef.Resolution} (column, ambiguous, uncertain, output name, whole
 *       row, composite field, unknown) and, when it is a column, where its values come from — traced through
 *       views, CTEs and subqueries to a base column when they pass it on unchanged;</li>
 *   <li>{@link dev.strata.guardrail.model.Equality}: every {@code column = column} in ON, WHERE and HAVING and every
 *       USING/NATURAL column, also through casts and simple functions (recorded in {@code leftVia}/{@code rightVia});
 *   </li>
 *   <li>{@link dev.strata.guardrail.model.ValueUses}: how columns are used next to literals, casts, JSON paths,
 *       aggregates and ORDER BY, read from the tokens.</li>
 * </ul>
 *
 * <p>Rules for building on it: never call a name wrong when its resolution is {@code UNCERTAIN} or its item is
 * open; judge only {@code COLUMN} references with a base source when the judgement rests on the catalog; and
 * remember that a statement PostgreSQL accepted ({@code ParseOutcome#acceptedByPostgres}) has valid names, so a
 * reference the model leaves unresolved is a gap of the model, not of the statement.
 * {@link dev.strata.guardrail.model.ServerObjects} holds what PostgreSQL resolves beyond the catalog (system
 * relations, sequences, functions and their volatility).
 */
package dev.strata.guardrail.model;
