package dev.strata.catalog;

import dev.strata.text.Similarity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable picture of the database's user schemas, loaded in bulk by {@link CatalogLoader}. Lookups follow
 * PostgreSQL's rules: a qualified name is exact, an unqualified one resolves through the session's real
 * {@code search_path}, and unquoted identifiers fold to lower case.
 */
public final class Catalog {

    private final ServerInfo server;
    private final List<Relation> relations;
    private final Map<String, Relation> byQualifiedName;
    private final Map<String, List<Relation>> byName;
    private final Instant loadedAt;

    public Catalog(ServerInfo server, List<Relation> relations, Instant loadedAt) {
        this.server = server;
        List<Relation> sorted = new ArrayList<>(relations);
        sorted.sort((a, b) -> a.qualifiedName().compareTo(b.qualifiedName()));
        this.relations = Collections.unmodifiableList(sorted);
        this.byQualifiedName = new HashMap<>(sorted.size() * 2);
        this.byName = new HashMap<>(sorted.size() * 2);
        for (Relation r : sorted) {
            byQualifiedName.put(r.qualifiedName(), r);
            byName.computeIfAbsent(r.name(), k -> new ArrayList<>(1)).add(r);
        }
        this.loadedAt = loadedAt;
    }

    public ServerInfo server() {
        return server;
    }

    public List<Relation> relations() {
        return relations;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public List<String> searchPath() {
        return server.searchPath();
    }

    /** Exact lookup by schema and name (already-folded identifiers). */
    public Optional<Relation> find(String schema, String name) {
        return Optional.ofNullable(byQualifiedName.get(schema + "." + name));
    }

    /** All relations called {@code name} in any schema, search_path schemas first. */
    public List<Relation> named(String name) {
        List<Relation> found = byName.getOrDefault(name, List.of());
        if (found.size() < 2) return found;
        List<Relation> ordered = new ArrayList<>(found);
        ordered.sort((a, b) -> Integer.compare(pathRank(a.schema()), pathRank(b.schema())));
        return ordered;
    }

    private int pathRank(String schema) {
        int i = server.searchPath().indexOf(schema);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /**
     * Resolves a name as PostgreSQL would: {@code schema.name} exactly, {@code name} through the search_path.
     * Unquoted identifiers fold to lower case; a name written with double quotes keeps its case.
     */
    public Optional<Relation> resolve(String reference) {
        QualifiedName q = QualifiedName.parse(reference);
        if (q.schema() != null) {
            return find(q.schema(), q.name());
        }
        for (String schema : server.searchPath()) {
            Relation r = byQualifiedName.get(schema + "." + q.name());
            if (r != null) return Optional.of(r);
        }
        return Optional.empty();
    }

    /**
     * Like {@link #resolve} but forgiving for tool arguments, which are names as Strata prints them rather than
     * SQL: when the name is on no schema of the search_path and exactly one schema has it, that one is meant; a
     * name written without quotes keeps its case when that is what exists ({@code public.Album}, as
     * {@code list_tables} prints the quoted CamelCase table {@code "Album"}); and a name that differs from exactly
     * one relation only in case means that relation.
     */
    public Optional<Relation> resolveLeniently(String reference) {
        QualifiedName q = QualifiedName.parse(reference);
        QualifiedName verbatim = QualifiedName.parseVerbatim(reference);
        // A printed name is exact: "public.Twins" means "Twins" even when a folded twins exists too.
        if (!verbatim.equals(q)) {
            Optional<Relation> exact = verbatim.schema() != null ? find(verbatim.schema(), verbatim.name())
                    : throughSearchPath(verbatim.name()).or(() -> unique(byName.getOrDefault(verbatim.name(),
                    List.of())));
            if (exact.isPresent()) return exact;
        }
        Optional<Relation> strict = resolve(reference);
        if (strict.isPresent()) return strict;
        if (q.schema() == null) {
            Optional<Relation> anywhere = unique(byName.getOrDefault(q.name(), List.of()));
            if (anywhere.isPresent()) return anywhere;
        }
        // Last: the one relation whose name (and schema, when given) equals the argument ignoring case.
        List<Relation> folded = new ArrayList<>(1);
        for (Relation r : relations) {
            if (!r.name().equalsIgnoreCase(verbatim.name())) continue;
            if (verbatim.schema() != null && !r.schema().equalsIgnoreCase(verbatim.schema())) continue;
            folded.add(r);
        }
        return unique(folded);
    }

    private Optional<Relation> throughSearchPath(String name) {
        for (String schema : server.searchPath()) {
            Relation r = byQualifiedName.get(schema + "." + name);
            if (r != null) return Optional.of(r);
        }
        return Optional.empty();
    }

    private static Optional<Relation> unique(List<Relation> found) {
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Whether an unqualified reference to this relation would reach it through the search_path. */
    public boolean visibleUnqualified(Relation relation) {
        return resolve(QualifiedName.quoteIfNeeded(relation.name())).map(r -> r == relation).orElse(false);
    }

    /** The shortest name that reaches this relation from the session: bare when visible, else schema-qualified. */
    public String displayName(Relation relation) {
        String name = QualifiedName.quoteIfNeeded(relation.name());
        return visibleUnqualified(relation) ? name : QualifiedName.quoteIfNeeded(relation.schema()) + "." + name;
    }

    /** Up to {@code limit} real relation names closest to a misspelt one, best first. */
    public List<String> closestRelations(String reference, int limit) {
        QualifiedName q = QualifiedName.parse(reference);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Relation r : relations) {
            double s = Similarity.score(q.name(), r.name());
            if (q.schema() != null) {
                s = Math.max(s, Similarity.score(q.schema() + "." + q.name(), r.qualifiedName()));
            }
            scores.put(r.qualifiedName(), s);
        }
        return Similarity.best(scores, limit, 0.55);
    }

    public int size() {
        return relations.size();
    }

}
