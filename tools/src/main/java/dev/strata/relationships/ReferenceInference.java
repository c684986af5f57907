package dev.strata.relationships;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import dev.strata.catalog.RelationKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds references nobody declared, from names, types and keys:
 * <ul>
 *   <li>{@code <stem>_id} → the table named {@code stem} (or its plural) by its single-column primary key
 *       ({@code user_id} → {@code users.id});</li>
 *   <li>{@code <stem>_<key>} → table {@code stem} by its unique column {@code key}
 *       ({@code region_code} → {@code regions.code});</li>
 *   <li>a column named like another table's distinctive single-column key ({@code sku} → {@code products.sku},
 *       {@code cust_id} → {@code legacy.customer_master.cust_id}).</li>
 * </ul>
 * Both sides must have compatible types, the source column must not already carry a declared key, and the
 * id half of a polymorphic pair is left to {@link PolymorphicDetector}. Each edge carries its confidence and
 * the evidence a reader can check.
 */
public final class ReferenceInference {

    /** Key names too generic to link tables by name alone. */
    private static final Set<String> GENERIC_KEYS = Set.of("id", "uuid", "key", "code", "name", "slug", "value",
            "type", "number", "no", "num");

    private final Catalog catalog;
    private final Map<String, List<Relation>> tablesByName = new HashMap<>();
    private final Map<String, List<Relation>> tablesByDistinctiveKey = new HashMap<>();

    public ReferenceInference(Catalog catalog) {
        this.catalog = catalog;
        for (Relation r : catalog.relations()) {
            if (!isTable(r)) continue;
            tablesByName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
            r.singlePrimaryKeyColumn().filter(k -> !GENERIC_KEYS.contains(k))
                    .ifPresent(k -> tablesByDistinctiveKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r));
        }
    }

    private static boolean isTable(Relation r) {
        return (r.kind() == RelationKind.TABLE || r.kind() == RelationKind.PARTITIONED_TABLE) && !r.partition();
    }

    public List<Edge> infer() {
        List<Edge> edges = new ArrayList<>();
        for (Relation source : catalog.relations()) {
            if (!isTable(source)) continue;
            for (Column column : source.columns()) {
                if (source.foreignKeys().stream().anyMatch(fk -> fk.columns().get(0).equals(column.name()))) {
                    continue;
                }
                if (PolymorphicDetector.isPolymorphicId(source, column.name())) continue;
                Edge e = inferFor(source, column);
                if (e != null) edges.add(e);
            }
        }
        return edges;
    }

    private Edge inferFor(Relation source, Column column) {
        String name = column.name().toLowerCase(Locale.ROOT);
        boolean ownKey = source.singlePrimaryKeyColumn().map(column.name()::equals).orElse(false);

        int us = name.lastIndexOf('_');
        if (us > 0 && us < name.length() - 1) {
            String stem = name.substring(0, us);
            String key = name.substring(us + 1);
            for (String candidateName : Names.tableCandidates(stem)) {
                for (Relation target : tablesByName.getOrDefault(candidateName, List.of())) {
                    if (target == source) continue;
                    String targetColumn = key.equals("id") ? target.singlePrimaryKeyColumn().orElse(null)
                            : (target.isUniqueColumn(key) ? key : null);
                    if (targetColumn == null || ownKey) continue;
                    Edge e = edge(source, column, target, targetColumn, key.equals("id") ? 0.8 : 0.75,
                            "name " + column.name() + " → " + target.name() + "." + targetColumn
                                    + describeKey(target, targetColumn));
                    if (e != null) return e;
                }
            }
        }
        // A table keyed by the same distinctive column is a 1:1 extension when the column is its own key too.
        for (Relation target : tablesByDistinctiveKey.getOrDefault(column.name(), List.of())) {
            if (target == source) continue;
            Edge e = edge(source, column, target, column.name(), ownKey ? 0.6 : 0.7,
                    "same name as " + target.name() + "." + column.name() + describeKey(target, column.name()));
            if (e != null) return e;
        }
        return null;
    }

    private static String describeKey(Relation target, String column) {
        return target.singlePrimaryKeyColumn().map(column::equals).orElse(false) ? " (primary key)" : " (unique)";
    }

    private Edge edge(Relation source, Column column, Relation target, String targetColumnName, double base,
                      String nameEvidence) {
        Column targetColumn = target.column(targetColumnName).orElse(null);
        if (targetColumn == null || !TypeCompatibility.compatible(column, targetColumn)) return null;
        double confidence = base;
        if (column.baseType().equals(targetColumn.baseType())) confidence += 0.1;
        if (source.hasIndexLeadingWith(column.name())) confidence += 0.05;
        if (!target.schema().equals(source.schema())) confidence -= 0.05;
        confidence = Math.min(0.95, Math.round(confidence * 100) / 100.0);
        String evidence = nameEvidence + "; types " + column.type() + " = " + targetColumn.type()
                + (source.hasIndexLeadingWith(column.name()) ? "; indexed" : "") + "; no foreign key declared";
        return Edge.of(source.qualifiedName(), List.of(column.name()), target.qualifiedName(),
                List.of(targetColumnName), EdgeKind.INFERRED, confidence, evidence);
    }
}
