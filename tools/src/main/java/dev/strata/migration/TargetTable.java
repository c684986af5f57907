package dev.strata.migration;

import dev.strata.catalog.Relation;

/**
 * A table a statement touches, as review judges it: created earlier in the script (empty, so no lock matters),
 * found in the live catalog (with its row estimate; possibly renamed by the script), gone (the script dropped or
 * renamed it earlier), or unknown (no database, or a name the catalog does not have).
 *
 * @param name     the table's key as the script now calls it ({@code schema.name})
 * @param relation the live relation, or null
 */
public record TargetTable(String name, Status status, Relation relation) {

    public enum Status { NEW, EXISTING, UNKNOWN, GONE }

    public boolean isNew() {
        return status == Status.NEW;
    }

    /** Not created by this script: locks and rewrites on it affect production traffic. */
    public boolean isExisting() {
        return status != Status.NEW;
    }

    /**
     * {@code pg_class.reltuples}, or null when unknown (no catalog). A table never analysed ({@code -1}) counts
     * as empty: autovacuum analyses a table soon after it gets rows, so an unanalysed one is new or tiny.
     */
    public Long rowsEstimate() {
        if (status == Status.NEW) return 0L;
        if (relation == null) return null;
        return Math.max(0, relation.rowsEstimate());
    }

    /** Known to be small enough that a lock or rewrite on it passes in moments. */
    public boolean isSmall(long threshold) {
        Long rows = rowsEstimate();
        return rows != null && rows < threshold;
    }

    /** "public.orders (≈250,000 rows)" for messages. */
    public String describe() {
        Long rows = rowsEstimate();
        if (status == Status.NEW) return name + " (created in this script)";
        if (rows == null) return name;
        if (relation != null && relation.rowsEstimate() < 0) return name + " (never analysed: treated as empty)";
        return name + String.format(java.util.Locale.ROOT, " (≈%,d rows)", rows);
    }
}
