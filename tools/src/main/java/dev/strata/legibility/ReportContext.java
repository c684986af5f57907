package dev.strata.legibility;

import dev.strata.catalog.Relation;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import dev.strata.schema.SchemaKnowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.TableProfile;

/** What a legibility check sees (the knowledge and the relations in scope) and where it reports. */
public final class ReportContext {

    private final SchemaKnowledge knowledge;
    private final List<Relation> scope;
    private final Profiles profiles;
    private final Map<String, Optional<TableProfile>> profiled = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, SuggestedComment> comments = new LinkedHashMap<>();

    /** Where profiles come from, with the progress of each table read; null when none are available. */
    public interface Profiles {
        Optional<TableProfile> of(Relation table, int index, int count);
    }

    ReportContext(SchemaKnowledge knowledge, List<Relation> scope, Profiles profiles) {
        this.knowledge = knowledge;
        this.scope = scope;
        this.profiles = profiles;
    }

    /**
     * The table's profile (read once per report, at most {@link SchemaReport#MAX_PROFILED_TABLES} tables: beyond
     * that the report says which were left out).
     */
    public synchronized Optional<TableProfile> profile(Relation r) {
        if (profiles == null) return Optional.empty();
        Optional<TableProfile> cached = profiled.get(r.qualifiedName());
        if (cached != null) return cached;
        if (profiled.size() >= SchemaReport.MAX_PROFILED_TABLES) {
            if (notes.isEmpty()) {
                notes.add("only the first " + SchemaReport.MAX_PROFILED_TABLES + " tables were profiled; pass schema "
                        + "or table to profile the others");
            }
            return Optional.empty();
        }
        Optional<TableProfile> p;
        try {
            p = profiles.of(r, profiled.size() + 1, Math.min(scope.size(), SchemaReport.MAX_PROFILED_TABLES));
        } catch (RuntimeException e) {
            notes.add(r.qualifiedName() + " could not be profiled: " + e.getMessage());
            p = Optional.empty();
        }
        profiled.put(r.qualifiedName(), p);
        return p;
    }

    /** Every profiled column of the tables in scope (tables and materialized data only). */
    public void forEachProfiledColumn(BiConsumer<Relation, ColumnProfile> action) {
        for (Relation r : scope) {
            profile(r).ifPresent(p -> p.columns().forEach(c -> action.accept(r, c)));
        }
    }

    int profiledTables() {
        return (int) profiled.values().stream().filter(Optional::isPresent).count();
    }

    List<String> notes() {
        return notes;
    }

    /** "12.5 %" */
    public static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", fraction * 100);
    }

    public SchemaKnowledge knowledge() {
        return knowledge;
    }

    /** Tables (and views) the report covers, in schema/name order. */
    public List<Relation> scope() {
        return scope;
    }

    public void report(LegibilityCheck check, Severity severity, String message, String table, String column,
                       String fix, Map<String, Object> evidence) {
        findings.add(new Finding(check.id(), severity, message, null, null, table, column, fix,
                evidence == null || evidence.isEmpty() ? null : evidence));
    }

    /** Proposes a comment; one draft per object (the first, most specific, wins). */
    public void suggest(String object, String sql, String evidence) {
        comments.putIfAbsent(object, new SuggestedComment(object, sql, evidence));
    }

    List<Finding> findings() {
        return findings;
    }

    List<SuggestedComment> comments() {
        return List.copyOf(comments.values());
    }

    /**
     * At most {@code max} names, then "… and N more": a schema-wide finding must stay small whatever the number
     * of tables (an answer has a budget).
     */
    public static List<String> sample(List<String> names, int max) {
        if (names.size() <= max) return names;
        List<String> out = new ArrayList<>(names.subList(0, max));
        out.add("… and " + (names.size() - max) + " more");
        return out;
    }

    /** A SQL string literal. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
