package dev.strata.legibility;

import dev.strata.catalog.Relation;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import dev.strata.schema.SchemaKnowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a legibility check sees (the knowledge and the relations in scope) and where it reports. */
public final class ReportContext {

    private final SchemaKnowledge knowledge;
    private final List<Relation> scope;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, SuggestedComment> comments = new LinkedHashMap<>();

    ReportContext(SchemaKnowledge knowledge, List<Relation> scope) {
        this.knowledge = knowledge;
        this.scope = scope;
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

    /** A SQL string literal. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
