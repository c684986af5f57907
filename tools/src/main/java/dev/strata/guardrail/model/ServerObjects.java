package dev.strata.guardrail.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What PostgreSQL resolves beyond Strata's catalog of user tables and views: the relations of {@code pg_catalog}
 * and {@code information_schema} with their columns, sequences, and functions (volatility, and for functions
 * usable in FROM, the columns they return). Loaded once per catalog by the guardrail; {@link #NONE} stands for
 * "not known", in which case the model treats these names leniently (never as errors).
 */
public final class ServerObjects {

    /** Nothing known: system relations, sequences and function results are taken as open. */
    public static final ServerObjects NONE = new ServerObjects(false, List.of(), List.of(), List.of());

    /** System schemas: their relations and functions are PostgreSQL's own. */
    public static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema");

    /** A relation of {@code pg_catalog} or {@code information_schema}, with its column names in order. */
    public record SystemRelation(String schema, String name, List<String> columns) {
        public String qualifiedName() {
            return schema + "." + name;
        }
    }

    /**
     * One function (one overload).
     *
     * @param volatility  {@code i} immutable, {@code s} stable, {@code v} volatile
     * @param returnsSet  a set-returning function
     * @param outColumns  names of its OUT/TABLE parameters, or null when it returns no named columns
     * @param rowType     qualified name of the relation whose row type it returns, or null
     * @param record      returns {@code record} without OUT parameters: FROM needs a column definition list
     */
    public record Function(String schema, String name, char volatility, boolean returnsSet, List<String> outColumns,
                           String rowType, boolean record) {

        /** Written by the database's users, not shipped with PostgreSQL. */
        public boolean userDefined() {
            return !SYSTEM_SCHEMAS.contains(schema) && !schema.startsWith("pg_");
        }

        public boolean mayWrite() {
            return volatility != 'i' && volatility != 's';
        }

        public String qualifiedName() {
            return schema + "." + name;
        }
    }

    private final boolean loaded;
    private final Map<String, SystemRelation> systemRelations = new HashMap<>();
    private final Map<String, String> sequences = new HashMap<>();
    private final Map<String, List<Function>> functionsByName = new HashMap<>();

    /**
     * @param sequences qualified names ({@code schema.name}) of the sequences of the user's schemas
     */
    public ServerObjects(boolean loaded, List<SystemRelation> systemRelations, List<String> sequences,
                         List<Function> functions) {
        this.loaded = loaded;
        for (SystemRelation r : systemRelations) this.systemRelations.put(r.qualifiedName(), r);
        for (String s : sequences) this.sequences.put(s, s);
        for (Function f : functions) {
            functionsByName.computeIfAbsent(f.name(), k -> new java.util.ArrayList<>()).add(f);
        }
    }

    /** Whether these objects were read from the server (false: unknown, be lenient). */
    public boolean loaded() {
        return loaded;
    }

    /**
     * A system relation: {@code pg_catalog.x} or {@code information_schema.x} when qualified; unqualified, the
     * {@code pg_catalog} one (PostgreSQL searches it first unless search_path names it later) or one in a system
     * schema that search_path names.
     */
    public Optional<SystemRelation> systemRelation(String schema, String name, List<String> searchPath) {
        if (schema != null) return Optional.ofNullable(systemRelations.get(schema + "." + name));
        if (!searchPath.contains("pg_catalog")) {
            SystemRelation r = systemRelations.get("pg_catalog." + name);
            if (r != null) return Optional.of(r);
        }
        for (String s : searchPath) {
            SystemRelation r = systemRelations.get(s + "." + name);
            if (r != null) return Optional.of(r);
        }
        return Optional.empty();
    }

    /** Whether a system schema has a relation of this name at all (for lenient resolution when not loaded). */
    public static boolean looksSystem(String schema, String name) {
        if (schema != null) return SYSTEM_SCHEMAS.contains(schema) || schema.startsWith("pg_");
        return name.startsWith("pg_");
    }

    /** The qualified name of a sequence, qualified or found through search_path. */
    public Optional<String> sequence(String schema, String name, List<String> searchPath) {
        if (schema != null) return Optional.ofNullable(sequences.get(schema + "." + name));
        for (String s : searchPath) {
            String q = sequences.get(s + "." + name);
            if (q != null) return Optional.of(q);
        }
        return Optional.empty();
    }

    /**
     * The overloads a call may resolve to: in {@code schema} when qualified, else in {@code pg_catalog} and the
     * schemas of search_path (PostgreSQL then picks among them by argument types).
     */
    public List<Function> functions(String schema, String name, List<String> searchPath) {
        List<Function> all = functionsByName.getOrDefault(name, List.of());
        if (all.isEmpty()) return all;
        if (schema != null) return all.stream().filter(f -> f.schema().equals(schema)).toList();
        // Unqualified calls consider every schema of the path (pg_catalog first unless placed), by argument types.
        return all.stream().filter(f -> f.schema().equals("pg_catalog") || searchPath.contains(f.schema())).toList();
    }
}
