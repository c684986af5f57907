package dev.strata.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The shapes the schema tools return. Field names become snake_case in JSON (see {@code Json}); null and empty
 * fields are left out, so a table without checks has no {@code checks} key at all.
 */
public final class SchemaViews {

    private SchemaViews() {
    }

    public record TableList(List<TableSummary> tables, String nextCursor, Integer total) {
    }

    public record TableSummary(String schema, String name, String kind, String comment, Long rowsEstimate,
                               int columns) {
    }

    public record SearchResult(List<Match> matches) {
    }

    public record Match(String kind, String schema, String table, String column, String type, String comment,
                        double score) {
    }

    public record TableDescription(
            String schema,
            String name,
            String kind,
            String comment,
            Long rowsEstimate,
            Long sizeBytes,
            List<ColumnInfo> columns,
            List<IndexInfo> indexes,
            List<CheckInfo> checks,
            List<ForeignKeyInfo> references,
            List<ForeignKeyInfo> referencedBy,
            List<InferredReference> inferredReferences,
            List<PolymorphicInfo> polymorphic,
            SoftDeleteInfo softDelete,
            List<String> notes,
            String definition) {
    }

    /**
     * @param primaryKey true or absent
     * @param references {@code schema.table.column} of a declared single-column foreign key
     * @param generated  {@code identity always}, {@code identity by default} or {@code stored: <expr>}
     */
    public record ColumnInfo(String name, String type, boolean nullable,
                             @JsonProperty("default") String defaultValue, String comment, Boolean primaryKey,
                             String references, String generated) {
    }

    public record IndexInfo(String name, List<String> columns, Boolean unique, Boolean primary, String method,
                            String where, Boolean invalid) {
    }

    public record CheckInfo(String name, String definition, Boolean notValid) {
    }

    /** A declared foreign key seen from either end; {@code table} is the other end. */
    public record ForeignKeyInfo(String name, List<String> columns, String table, List<String> targetColumns,
                                 String onDelete, Boolean notValid) {
    }

    public record InferredReference(List<String> columns, String table, List<String> targetColumns,
                                    String direction, double confidence, String evidence) {
    }

    /**
     * A discriminator/id pair. On the table that holds it, {@code targets} lists every value; on a target
     * table, {@code fromTable} names the holder and {@code targets} the values that point here.
     */
    public record PolymorphicInfo(String fromTable, String typeColumn, String idColumn, List<PolymorphicTarget> targets,
                                  List<String> unmappedValues, String source) {
    }

    public record PolymorphicTarget(String value, String table, String column, Double fraction, Boolean typeMismatch) {
    }

    public record SoftDeleteInfo(String column, String style, String filter, Double rowsMarkedFraction, boolean used,
                                 String source) {
    }

    /**
     * @param total      edges in the whole answer (all pages)
     * @param truncated  true when this page is not the whole answer
     * @param nextCursor where the next page starts
     */
    public record RelationshipList(Integer total, List<EdgeInfo> edges, Boolean truncated, String nextCursor) {
        public RelationshipList(List<EdgeInfo> edges, Boolean truncated) {
            this(edges.size(), edges, truncated, null);
        }
    }

    /**
     * @param dataCheck what the rows said about an inferred edge (confirmed, consistent, orphans, no rows, not
     *                  checked (budget), timed out, failed)
     * @param oneToOne  true when each target row has at most one referencing row
     */
    public record EdgeInfo(String fromTable, List<String> fromColumns, String toTable, List<String> toColumns,
                           String kind, double confidence, String evidence, String typeFilter, String dataCheck,
                           Boolean oneToOne) {
        public EdgeInfo(String fromTable, List<String> fromColumns, String toTable, List<String> toColumns,
                        String kind, double confidence, String evidence, String typeFilter) {
            this(fromTable, fromColumns, toTable, toColumns, kind, confidence, evidence, typeFilter, null, null);
        }
    }

    public record JoinPaths(List<PathInfo> paths, String note) {
    }

    /**
     * @param steps          how each hop multiplies rows: many-to-one, one-to-many, one-to-one
     * @param fansOut        true when one row of the first table can become many (absent otherwise)
     * @param inferred       true when the route passes an inferred or polymorphic edge (absent otherwise)
     * @param confidence     product of the guessed edges' confidences (absent for declared keys only)
     * @param rowsPerRow     about how many result rows one row of the first table becomes (statistics)
     * @param estimatedRows  EXPLAIN's estimate for the whole join, when a database was asked
     */
    public record PathInfo(int hops, List<String> tables, String sql, List<String> kinds, List<String> steps,
                           Boolean fansOut, Boolean inferred, Double confidence, Long rowsPerRow,
                           Long estimatedRows, List<String> notes) {
        public PathInfo(int hops, List<String> tables, String sql, List<String> kinds) {
            this(hops, tables, sql, kinds, null, null, null, null, null, null, null);
        }
    }
}
