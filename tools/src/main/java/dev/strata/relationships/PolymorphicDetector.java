package dev.strata.relationships;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import dev.strata.relationships.SchemaVocabulary.TableWords;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds polymorphic references: an id column beside a discriminator ({@code owner_type}/{@code owner_id},
 * {@code commentable_type}/{@code commentable_id}, {@code member_type}/{@code member_id}) with no foreign key.
 * The targets come from the discriminator's real values, not from guesses: {@code 'order'} and {@code 'Order'}
 * name {@code orders}, {@code 'Billing::Invoice'} names {@code invoices}, the enum label {@code 'Node'} names
 * {@code nodes} (or {@code current_nodes} beside {@code current_relation_members}). The target column is the
 * primary key when its type matches the id column, else the one unique column that does (an integer id pointing
 * at a table keyed by uuid usually means its legacy number).
 *
 * <p>Not every type/id pair is polymorphic. A discriminator whose values name no table ({@code media_type}
 * holding MIME types, {@code room_type} holding {@code direct}/{@code channel}) only classifies the row, and when
 * the id's own stem names a table ({@code media_id} → media, {@code room_id} → rooms) the id is a plain reference
 * that {@link ReferenceInference} handles. Values that map to no table are reported as unmapped.
 */
public final class PolymorphicDetector {

    private static final List<String> DISCRIMINATOR_SUFFIXES = List.of("_type", "_kind", "_class", "_model",
            "_table", "_entity");

    private final Catalog catalog;
    private final TypeValueSource values;
    private final SchemaVocabulary vocab;

    public PolymorphicDetector(Catalog catalog, TypeValueSource values) {
        this(catalog, values, new SchemaVocabulary(catalog));
    }

    PolymorphicDetector(Catalog catalog, TypeValueSource values, SchemaVocabulary vocab) {
        this.catalog = catalog;
        this.values = values;
        this.vocab = vocab;
    }

    /**
     * A discriminator/id pair found on a table, with what its values point at.
     *
     * @param source where the values came from: pg_stats, sample, enum labels (no rows), none
     */
    public record Pair(String table, String typeColumn, String idColumn, List<Target> targets,
                       List<String> unmappedValues, String source) {
    }

    /**
     * One discriminator value and the table (and column) it selects.
     *
     * @param fraction share of rows holding the value (0 when only the enum's labels are known)
     */
    public record Target(String value, String table, String column, double fraction, boolean typeMismatch) {
    }

    /** Whether {@code column} is the id half of a discriminator/id pair on this table (by names alone). */
    public static boolean isPolymorphicId(Relation table, String column) {
        return discriminatorFor(table, column).isPresent();
    }

    static Optional<Column> discriminatorFor(Relation table, String idColumn) {
        String lower = idColumn.toLowerCase(Locale.ROOT);
        if (!lower.endsWith("_id") && !lower.endsWith("id")) return Optional.empty();
        String stem = lower.endsWith("_id") ? idColumn.substring(0, idColumn.length() - 3)
                : idColumn.substring(0, idColumn.length() - 2);
        if (stem.isEmpty()) return Optional.empty();
        List<String> suffixes = lower.endsWith("_id") ? DISCRIMINATOR_SUFFIXES
                : List.of("Type", "Kind", "Class", "Model");
        for (String suffix : suffixes) {
            Optional<Column> c = table.column(stem + suffix);
            if (c.isPresent() && (c.get().typeCategory() == 'S' || c.get().typeCategory() == 'E')) return c;
        }
        return Optional.empty();
    }

    public List<Pair> detect() {
        List<Pair> pairs = new ArrayList<>();
        for (Relation table : catalog.relations()) {
            if (!SchemaVocabulary.isTable(table)) continue;
            for (Column id : table.columns()) {
                Optional<Column> type = discriminatorFor(table, id.name());
                if (type.isEmpty()) continue;
                if (table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(id.name()))) continue;
                Pair p = pair(table, type.get(), id);
                if (p != null) pairs.add(p);
            }
        }
        return pairs;
    }

    private Pair pair(Relation table, Column typeColumn, Column idColumn) {
        TypeValueSource.ObservedValues observed = values.values(table.schema(), table.name(), typeColumn.name());
        List<Target> targets = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        double mappedShare = 0;
        java.util.Set<String> targetTables = new java.util.HashSet<>();
        for (Map.Entry<String, Double> e : observed.fractions().entrySet()) {
            Optional<Target> t = target(table, e.getKey(), e.getValue(), idColumn);
            if (t.isPresent()) {
                targets.add(t.get());
                mappedShare += e.getValue();
                targetTables.add(t.get().table());
            } else {
                unmapped.add(e.getKey());
            }
        }
        boolean known = !observed.fractions().isEmpty();
        boolean stemNamesTable = stemNamesTable(table, idColumn);
        if (known && targets.isEmpty()) {
            // MIME types, categories, room kinds: a classification beside a plain id, not a polymorphic pair.
            return null;
        }
        if (stemNamesTable) {
            // media_id → media with a media_type: the id is a plain reference unless the values really spread it
            // over several tables.
            boolean spread = targetTables.size() >= 2 && (observed.source().startsWith("enum")
                    ? targets.size() * 2 >= observed.fractions().size() : mappedShare >= 0.8);
            if (!spread) return null;
        }
        return new Pair(table.qualifiedName(), typeColumn.name(), idColumn.name(), targets, unmapped,
                observed.source());
    }

    /** Whether the id's stem names a table with a key the id could hold ({@code media_id} → media). */
    private boolean stemNamesTable(Relation table, Column idColumn) {
        List<String> words = Identifiers.words(idColumn.name());
        Identifiers.Split split = Identifiers.split(words);
        if (!split.hasKey() || split.stem().isEmpty()) return false;
        for (TableWords t : vocab.named(split.stem())) {
            String pk = t.singlePrimaryKey();
            if (t.relation == table || pk == null) continue;
            Optional<Column> key = t.relation.column(pk);
            if (key.isPresent() && TypeCompatibility.compatible(key.get(), idColumn)) return true;
        }
        return false;
    }

    private Optional<Target> target(Relation source, String value, double fraction, Column idColumn) {
        if (value == null || value.isBlank()) return Optional.empty();
        List<String> words = Identifiers.words(Names.stemOfTypeValue(value));
        if (words.isEmpty()) return Optional.empty();
        List<TableWords> named = new ArrayList<>(vocab.named(words));
        for (TableWords t : vocab.endingWith(words)) if (!named.contains(t)) named.add(t);
        if (named.isEmpty()) return Optional.empty();
        // Prefer the table that shares the source's qualifier (current_relation_members → current_nodes), then the
        // source's schema, then the search_path order the catalog keeps.
        List<String> sourceWords = Identifiers.words(source.name());
        TableWords best = named.stream().min(java.util.Comparator
                .<TableWords>comparingInt(t -> sourceWords.size() > 1 && t.words.size() > 1
                        && t.words.get(0).equals(sourceWords.get(0)) ? 0 : 1)
                .thenComparingInt(t -> t.singular.equals(Names.singularLast(words)) ? 0 : 1)
                .thenComparingInt(t -> t.relation.schema().equals(source.schema()) ? 0 : 1)).orElseThrow();
        return Optional.of(targetColumn(value, fraction, best.relation, idColumn));
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
                String share = p.source().startsWith("enum") ? "an enum label (no rows to count)"
                        : String.format(Locale.ROOT, "in %.0f%% of rows", t.fraction() * 100);
                String evidence = String.format(Locale.ROOT, "%s = '%s' %s (%s)%s", p.typeColumn(), t.value(), share,
                        p.source(), t.typeMismatch() ? "; id type differs from the target key" : "");
                double confidence = t.typeMismatch() ? 0.5 : 0.9;
                edges.add(new Edge(p.table(), List.of(p.idColumn()), t.table(), List.of(t.column()),
                        EdgeKind.POLYMORPHIC, confidence, evidence, p.typeColumn(), t.value(), false,
                        List.of(evidence), null));
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
