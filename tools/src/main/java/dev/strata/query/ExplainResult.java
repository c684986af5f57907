package dev.strata.query;

import java.util.List;

/**
 * What {@code explain_query} returns: PostgreSQL's estimates for one statement (never executed), the plan trimmed
 * to what an assistant needs, and warnings that name the object, the numbers and a fix.
 *
 * @param totalCost     the root node's total cost, in PostgreSQL's planner units
 * @param estimatedRows the rows the whole statement is estimated to return
 * @param warnings      problems found in the plan, most severe first; empty when the plan looks fine
 * @param plan          the plan tree, trimmed (see {@link PlanNode})
 */
public record ExplainResult(double totalCost, long estimatedRows, List<String> warnings, PlanNode plan) {

    /**
     * One node of the trimmed plan. Everything not listed here (widths, startup costs, output lists, parallel
     * details…) is dropped, conditions longer than a few hundred characters are cut, and the tree is capped in
     * size: a node whose children were left out says so in {@code more}.
     *
     * @param nodeType  e.g. {@code Seq Scan}, {@code Parallel Seq Scan}, {@code Hash Join}, {@code Aggregate (Hashed)}
     * @param relation  {@code schema.table} for table scans, the CTE or function name for CTE and function scans
     * @param alias     the alias the query gave the relation, when it differs from the table name
     * @param index     the index an index scan uses
     * @param joinType  {@code Inner}, {@code Left}, {@code Semi}… for joins
     * @param rows      estimated rows this node returns (per loop, as in EXPLAIN)
     * @param cost      this node's total cost, including its children
     * @param more      {@code …N more nodes} when this node's children were cut to keep the plan small
     */
    public record PlanNode(String nodeType, String relation, String alias, String index, String joinType, long rows,
                           double cost, String indexCond, String hashCond, String mergeCond, String joinFilter,
                           String filter, List<PlanNode> children, String more) {
    }
}
