package dev.strata.profile.detectors;

import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.TableFinding;
import dev.strata.profile.ValueCount;
import dev.strata.schema.SoftDeleteUsage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Soft-delete coverage: the share of rows that set the table's soft-delete column, or that nobody ever writes it
 * (then filtering on it changes nothing, and the column is noise).
 */
public final class SoftDeleteDetector implements TableDetector {

    @Override
    public List<TableFinding> detect(Relation table, List<ColumnProfile> columns,
                                     dev.strata.relationships.RelationshipGraph graph) {
        Optional<Column> candidate = SoftDeleteUsage.candidate(table);
        if (candidate.isEmpty()) return List.of();
        Column col = candidate.get();
        ColumnProfile p = columns.stream().filter(c -> c.column().equals(col.name())).findFirst().orElse(null);
        if (p == null || p.nullFraction() == null) return List.of();
        double marked;
        if (col.typeCategory() == 'D') {
            marked = 1 - p.nullFraction();
        } else {
            marked = 0;
            for (ValueCount v : p.topValues()) {
                if (!v.value().equals("false") && !v.value().equals("f") && !v.value().equals("0")) marked += v.fraction();
            }
        }
        marked = ColumnDetector.round(marked);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("rows_marked_fraction", marked);
        evidence.put("source", p.sources().get(col.typeCategory() == 'D' ? "null_fraction" : "top_values"));
        if (marked >= 0.9999) return List.of(); // every row marked: an archive of deleted rows, not soft delete
        long rows = Math.max(table.rowsEstimate(), p.rowsSampled() == null ? 0 : p.rowsSampled());
        evidence.put("rows", rows);
        String message;
        if (marked > 0) {
            message = Math.round(marked * 1000) / 10.0 + " % of rows set " + col.name() + ": filter it in every read";
        } else if (rows >= SoftDeleteUsage.MIN_ROWS_FOR_NEVER) {
            message = col.name() + " is never written (no row sets it): filtering on it changes nothing";
        } else {
            message = "no row sets " + col.name() + " yet; " + rows + " rows are too few to call it unused";
        }
        return List.of(new TableFinding("soft_delete", col.name(), message, evidence));
    }
}
