package dev.strata.schema;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which relations a schema change added, removed or changed, comparing two catalogs on what they define (columns,
 * keys, indexes, checks, triggers, comments, view definitions) and ignoring what merely moves with the data (row
 * estimates, sizes, oids).
 */
public record CatalogChange(List<String> added, List<String> removed, List<String> changed) {

    public static CatalogChange between(Catalog before, Catalog after) {
        Map<String, Relation> old = index(before);
        Map<String, Relation> now = index(after);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (var e : now.entrySet()) {
            Relation prev = old.get(e.getKey());
            if (prev == null) added.add(e.getKey());
            else if (!sameDefinition(prev, e.getValue())) changed.add(e.getKey());
        }
        for (String name : old.keySet()) if (!now.containsKey(name)) removed.add(name);
        return new CatalogChange(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** "2 tables added (a, b), 1 changed (c)" for a log line. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) parts.add(added.size() + " added (" + names(added) + ")");
        if (!removed.isEmpty()) parts.add(removed.size() + " removed (" + names(removed) + ")");
        if (!changed.isEmpty()) parts.add(changed.size() + " changed (" + names(changed) + ")");
        return parts.isEmpty() ? "no relation changed" : "schema changed: " + String.join(", ", parts);
    }

    private static String names(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + ", … " + (names.size() - 5) + " more";
    }

    private static Map<String, Relation> index(Catalog catalog) {
        Map<String, Relation> out = new TreeMap<>();
        for (Relation r : catalog.relations()) out.put(r.qualifiedName(), r);
        return out;
    }

    private static boolean sameDefinition(Relation a, Relation b) {
        return a.kind() == b.kind() && java.util.Objects.equals(a.comment(), b.comment())
                && a.columns().equals(b.columns()) && a.keys().equals(b.keys())
                && a.foreignKeys().equals(b.foreignKeys()) && a.checks().equals(b.checks())
                && a.indexes().equals(b.indexes()) && a.triggers().equals(b.triggers())
                && java.util.Objects.equals(a.viewDefinition(), b.viewDefinition());
    }
}
