package dev.strata.relationships;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import dev.strata.catalog.RelationKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds polymorphic references: an id column beside a discriminator ({@code owner_type}/{@code owner_id},
 * {@code commentable_type}/{@code commentable_id}, {@code subject_kind}/{@code subject_id}) with no foreign key.
 * The targets come from the discriminator's real values, not from guesses: {@code 'order'} and {@code 'Order'}
 * name {@code orders}, {@code 'Billing::Invoice'} names {@code invoices}. The target column is the primary key
 * when its type matches the id column, else the one unique column that does (an integer id pointing at a table
 * keyed by uuid usually means its legacy number).
 */
public final class PolymorphicDetector {

    private static final List<String> DISCRIMINATOR_SUFFIXES = List.of("_type", "_kind", "_class", "_model");

    private final Catalog catalog;
    private final TypeValueSource values;

    public PolymorphicDetector(Catalog catalog, TypeValueSource values) {
        this.catalog = catalog;
        this.values = values;
    }

    /** A discriminator/id pair found on a table, with what its values point at. */
    public record Pair(String table, String typeColumn, String idColumn, List<Target> targets,
                       List<String> unmappedValues, String source) {
    }

    /** One discriminator value and the table (and column) it selects. */
    public record Target(String value, String table, String column, double fraction, boolean typeMismatch) {
    }

    /** Whether {@code column} is the id half of a discriminator/id pair on this table. */
    public static boolean isPolymorphicId(Relation table, String column) {
        return discriminatorFor(table, column).isPresent();
    }

    static Optional<Column> discriminatorFor(Relation table, String idColumn) {
        if (!idColumn.endsWith("_id")) return Optional.empty();
        String stem = idColumn.substring(0, idColumn.length() - 3);
        for (String suffix : DISCRIMINATOR_SUFFIXES) {
            Optional<Column> c = table.column(stem + suffix);
            if (c.isPresent() && c.get().typeCategory() == 'S') return c;
        }
        return Optional.empty();
    }

    public List<Pair> detect() {
        List<Pair> pairs = new ArrayList<>();
        for (Relation table : catalog.relations()) {
            if (table.kind() != RelationKind.TABLE && table.kind() != RelationKind.PARTITIONED_TABLE) continue;
            if (table.partition()) continue;
            for (Column id : table.columns()) {
                Optional<Column> type = discriminatorFor(table, id.name());
                if (type.isEmpty()) continue;
                if (table.foreignKeyOn(List.of(id.name())).isPresent()) continue;
                pairs.add(pair(table, type.get(), id));
            }
        }
        return pairs;
    }

    private Pair pair(Relation table, Column typeColumn, Column idColumn) {
        TypeValueSource.ObservedValues observed = values.values(table.schema(), table.name(), typeColumn.name());
        List<Target> targets = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (Map.Entry<String, Double> e : observed.fractions().entrySet()) {
            Optional<Target> t = target(e.getKey(), e.getValue(), idColumn);
            if (t.isPresent()) targets.add(t.get());
            else unmapped.add(e.getKey());
        }
        return new Pair(table.qualifiedName(), typeColumn.name(), idColumn.name(), targets, unmapped,
                observed.source());
    }

    private Optional<Target> target(String value, double fraction, Column idColumn) {
        if (value == null || value.isBlank()) return Optional.empty();
        String stem = Names.stemOfTypeValue(value);
        for (String name : Names.tableCandidates(stem)) {
            for (Relation candidate : catalog.named(name)) {
                if (candidate.kind() != RelationKind.TABLE && candidate.kind() != RelationKind.PARTITIONED_TABLE) {
                    continue;
                }
                return Optional.of(targetColumn(value, fraction, candidate, idColumn));
            }
        }
        return Optional.empty();
    }

    private static Target targetColumn(String value, double fraction, Relation table, Column idColumn) {
        Optional<String> pk = table.singlePrimaryKeyColumn();
        if (pk.isPresent() && compatible(table, pk.get(), idColumn)) {
            return new Target(value, table.qualifiedName(), pk.get(), fraction, false);
        }
        List<String> alternatives = table.uniqueColumns().stream()
                .filter(c -> compatible(table, c, idColumn)).toList();
        if (alternatives.size() == 1) {
            return new Target(value, table.qualifiedName(), alternatives.get(0), fraction, false);
        }
        return new Target(value, table.qualifiedName(), pk.orElse("id"), fraction, true);
    }

    private static boolean compatible(Relation table, String column, Column idColumn) {
        return table.column(column).map(c -> TypeCompatibility.compatible(c, idColumn)).orElse(false);
    }

    /** Turns detected pairs into graph edges, one per mapped discriminator value. */
    public static List<Edge> edges(List<Pair> pairs) {
        List<Edge> edges = new ArrayList<>();
        for (Pair p : pairs) {
            for (Target t : p.targets()) {
                String evidence = String.format(java.util.Locale.ROOT, "%s = '%s' in %.0f%% of rows (%s)%s",
                        p.typeColumn(), t.value(), t.fraction() * 100, p.source(),
                        t.typeMismatch() ? "; id type differs from the target key" : "");
                double confidence = t.typeMismatch() ? 0.5 : 0.9;
                edges.add(new Edge(p.table(), List.of(p.idColumn()), t.table(), List.of(t.column()),
                        EdgeKind.POLYMORPHIC, confidence, evidence, p.typeColumn(), t.value()));
            }
        }
        return edges;
    }

    static Map<String, Double> ordered(Map<String, Double> in) {
        Map<String, Double> out = new LinkedHashMap<>();
        in.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
