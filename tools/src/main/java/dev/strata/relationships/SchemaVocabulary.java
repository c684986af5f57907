package dev.strata.relationships;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Column;
import dev.strata.catalog.Index;
import dev.strata.catalog.Key;
import dev.strata.catalog.Relation;
import dev.strata.catalog.RelationKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The words of a catalog, indexed for the naming rules of {@link ReferenceInference}: tables by the singular
 * snake_case form of their names (and glued, and by the tail of their words), single-column keys by column name,
 * each table's keys (primary, unique constraints, full unique indexes), the column prefix some schemas give every
 * column of a table ({@code l_orderkey}), and which tables hold people.
 */
final class SchemaVocabulary {

    /** A key a reference can point at: the primary key, a unique constraint or a full unique index. */
    record TargetKey(List<String> columns, boolean primary, String kind) {
        boolean single() {
            return columns.size() == 1;
        }
    }

    /** What the naming rules need to know about one table. */
    static final class TableWords {
        final Relation relation;
        final List<String> words;
        final List<String> singular;
        final String canonical;
        final String compact;
        final String columnPrefix;
        final List<TargetKey> keys;
        final boolean auxiliary;
        final String personKind;

        TableWords(Relation relation) {
            this.relation = relation;
            this.words = Identifiers.words(relation.name());
            this.singular = Names.singularLast(words);
            this.canonical = Identifiers.joined(singular);
            this.compact = String.join("", singular);
            this.columnPrefix = columnPrefix(relation);
            this.keys = keys(relation);
            this.auxiliary = words.stream().anyMatch(AUXILIARY::contains);
            String last = singular.isEmpty() ? "" : singular.get(singular.size() - 1);
            this.personKind = PEOPLE.contains(last) ? last : null;
        }

        Column column(String name) {
            return relation.column(name).orElse(null);
        }

        private final Map<String, List<String>> logical = new HashMap<>();

        /** Words of a column without the table's column prefix: {@code l_orderkey} → orderkey (memoised). */
        List<String> logicalWords(String column) {
            List<String> cached = logical.get(column);
            if (cached != null) return cached;
            List<String> w = Identifiers.words(column);
            if (columnPrefix != null && w.size() > 1 && w.get(0).equals(columnPrefix)) w = w.subList(1, w.size());
            w = List.copyOf(w);
            logical.put(column, w);
            return w;
        }

        boolean isKeyColumn(String column) {
            for (TargetKey k : keys) if (k.single() && k.columns().get(0).equals(column)) return true;
            return false;
        }

        TargetKey primary() {
            for (TargetKey k : keys) if (k.primary()) return k;
            return null;
        }

        String singlePrimaryKey() {
            TargetKey p = primary();
            return p != null && p.single() ? p.columns().get(0) : null;
        }

        @Override
        public String toString() {
            return relation.qualifiedName();
        }
    }

    /** Table words that mark work queues, redirects, logs and copies: poor targets for a reference by name. */
    static final Set<String> AUXILIARY = Set.of("queue", "queues", "redirect", "redirects", "log", "logs", "history",
            "histories", "audit", "audits", "archive", "archived", "backup", "bak", "tmp", "temp", "staging", "old",
            "deleted", "cache", "cached", "pending", "outbox", "inbox", "import", "imports", "export", "snapshot",
            "snapshots", "copy", "shadow", "journal", "changelog", "versions", "revisions", "migrations");

    /** Last words of tables that hold people (or accounts acting like people). */
    static final Set<String> PEOPLE = Set.of("user", "person", "member", "account", "employee", "staff", "editor",
            "admin", "customer", "client", "author", "contributor", "agent", "player", "student", "teacher",
            "patient", "worker", "operator", "profile", "actor", "owner", "subscriber", "participant");

    final Map<String, TableWords> byQualified = new HashMap<>();
    /** canonical singular snake name → tables; also the glued form. */
    final Map<String, List<TableWords>> byName = new HashMap<>();
    /** canonical form of a proper tail of a table's words (current_nodes → node) → tables. */
    final Map<String, List<TableWords>> byTail = new HashMap<>();
    /** glued singular names, for abbreviations (cust → customer). */
    final TreeMap<String, List<TableWords>> byCompact = new TreeMap<>();
    /** logical snake name of a single-column key → (table, key). */
    final Map<String, List<TableWords>> byKeyName = new HashMap<>();
    final List<TableWords> tables = new ArrayList<>();

    SchemaVocabulary(Catalog catalog) {
        for (Relation r : catalog.relations()) {
            if (!isTable(r)) continue;
            TableWords t = new TableWords(r);
            tables.add(t);
            byQualified.put(r.qualifiedName(), t);
            if (t.words.isEmpty()) continue;
            byName.computeIfAbsent(t.canonical, k -> new ArrayList<>(1)).add(t);
            if (!t.compact.equals(t.canonical)) byName.computeIfAbsent(t.compact, k -> new ArrayList<>(1)).add(t);
            byCompact.computeIfAbsent(t.compact, k -> new ArrayList<>(1)).add(t);
            for (int i = 1; i < t.singular.size(); i++) {
                byTail.computeIfAbsent(Identifiers.joined(t.singular.subList(i, t.singular.size())),
                        k -> new ArrayList<>(1)).add(t);
            }
            for (TargetKey k : t.keys) {
                if (!k.single()) continue;
                String logical = Identifiers.joined(t.logicalWords(k.columns().get(0)));
                List<TableWords> owners = byKeyName.computeIfAbsent(logical, x -> new ArrayList<>(1));
                if (!owners.contains(t)) owners.add(t);
            }
        }
    }

    static boolean isTable(Relation r) {
        return (r.kind() == RelationKind.TABLE || r.kind() == RelationKind.PARTITIONED_TABLE) && !r.partition();
    }

    TableWords of(Relation r) {
        return byQualified.get(r.qualifiedName());
    }

    /** Tables whose singular name is exactly these words (snake or glued). */
    List<TableWords> named(List<String> words) {
        if (words.isEmpty()) return List.of();
        List<String> singular = Names.singularLast(words);
        List<TableWords> out = new ArrayList<>(byName.getOrDefault(Identifiers.joined(singular), List.of()));
        for (TableWords t : byName.getOrDefault(String.join("", singular), List.of())) {
            if (!out.contains(t)) out.add(t);
        }
        return out;
    }

    /** Tables whose names end with these words after other words ({@code node} → current_nodes). */
    List<TableWords> endingWith(List<String> words) {
        if (words.isEmpty()) return List.of();
        return byTail.getOrDefault(Identifiers.joined(Names.singularLast(words)), List.of());
    }

    /**
     * Tables whose glued singular name starts with this abbreviation (at least three letters): {@code cust} →
     * customer. More than three such tables make the abbreviation meaningless.
     */
    List<TableWords> abbreviated(String prefix) {
        if (prefix.length() < 3) return List.of();
        List<TableWords> out = new ArrayList<>();
        for (Map.Entry<String, List<TableWords>> e : byCompact.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) break;
            if (e.getKey().equals(prefix)) continue;
            out.addAll(e.getValue());
            if (out.size() > 3) return List.of();
        }
        return out;
    }

    private static List<TargetKey> keys(Relation r) {
        Map<List<String>, TargetKey> out = new LinkedHashMap<>();
        for (Key k : r.keys()) {
            out.putIfAbsent(k.columns(), new TargetKey(k.columns(), k.primary(),
                    k.primary() ? "primary key" : "unique constraint"));
        }
        for (Index i : r.indexes()) {
            if (!i.unique() || !i.valid() || i.predicate() != null || i.columns().isEmpty()) continue;
            boolean plain = i.columns().stream().allMatch(c -> r.column(c).isPresent());
            if (!plain) continue;
            out.putIfAbsent(i.columns(), new TargetKey(i.columns(), i.primary(),
                    i.primary() ? "primary key" : "unique index"));
        }
        List<TargetKey> list = new ArrayList<>(out.values());
        list.sort((a, b) -> Boolean.compare(b.primary(), a.primary()));
        return list;
    }

    /**
     * The prefix every column of a table carries in schemas such as TPC-H ({@code l_orderkey},
     * {@code l_partkey} → "l"): a first word of one to three letters shared by at least three quarters of at
     * least three columns.
     */
    private static String columnPrefix(Relation r) {
        if (r.columns().size() < 3) return null;
        Map<String, Integer> counts = new HashMap<>();
        for (Column c : r.columns()) {
            String name = c.name();
            int us = name.indexOf('_');
            if (us < 1 || us > 3) continue;
            String first = Identifiers.lower(name.substring(0, us));
            if (!first.chars().allMatch(Character::isLetter)) continue;
            counts.merge(first, 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= 3 && e.getValue() * 4 >= r.columns().size() * 3) return e.getKey();
        }
        return null;
    }
}
