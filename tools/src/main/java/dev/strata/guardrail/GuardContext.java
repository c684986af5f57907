package dev.strata.guardrail;

import dev.strata.catalog.Catalog;
import dev.strata.guardrail.model.ColumnSource;
import dev.strata.guardrail.model.QueryModel;
import dev.strata.guardrail.model.ServerObjects;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.ProfileSource;
import dev.strata.relationships.RelationshipGraph;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.sql.SqlStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What a rule may look at, and where it reports. One per validation. */
public final class GuardContext {

    private final String sql;
    private final List<SqlStatement> statements;
    private final SchemaKnowledge knowledge;
    private QueryModel model;
    private ParseOutcome parseOutcome;
    private final List<Finding> findings = new ArrayList<>();
    private final int[] lineStarts;
    private final Map<Object, Object> memo = new HashMap<>();
    private ProfileSource profiles = ProfileSource.NONE;
    private ServerObjects server = ServerObjects.NONE;
    private net.sf.jsqlparser.statement.Statement tree;

    GuardContext(String sql, List<SqlStatement> statements, SchemaKnowledge knowledge, QueryModel model) {
        this.sql = sql;
        this.statements = statements;
        this.knowledge = knowledge;
        this.model = model;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < sql.length(); i++) if (sql.charAt(i) == '\n') starts.add(i + 1);
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public String sql() {
        return sql;
    }

    public List<SqlStatement> statements() {
        return statements;
    }

    /** The catalog knowledge, or null when validating without a database. */
    public SchemaKnowledge knowledge() {
        return knowledge;
    }

    public Catalog catalog() {
        return knowledge.catalog();
    }

    public RelationshipGraph graph() {
        return knowledge.graph();
    }

    /** The resolved statement, or null when it could not be parsed or there is no catalog. */
    public QueryModel model() {
        return model;
    }

    void model(QueryModel model) {
        this.model = model;
    }

    /** JSqlParser's tree of the first statement, or null when it did not parse (set where QueryGuard parses). */
    public net.sf.jsqlparser.statement.Statement tree() {
        return tree;
    }

    void tree(net.sf.jsqlparser.statement.Statement tree) {
        this.tree = tree;
    }

    void parseOutcome(ParseOutcome outcome) {
        this.parseOutcome = outcome;
    }

    /** How parsing went, or null before the statement was parsed. */
    public ParseOutcome parseOutcome() {
        return parseOutcome;
    }

    void profiles(ProfileSource profiles) {
        this.profiles = profiles == null ? ProfileSource.NONE : profiles;
    }

    void server(ServerObjects server) {
        this.server = server == null ? ServerObjects.NONE : server;
    }

    /** The server's own objects: system relations, sequences, functions and their volatility. */
    public ServerObjects server() {
        return server;
    }

    /** Whether a rule already reported a finding with this id in this validation. */
    public boolean reported(String ruleId) {
        return findings.stream().anyMatch(f -> f.rule().equals(ruleId));
    }

    /** The data profiles the data-aware rules read (cached; never a sample on the request path). */
    public ProfileSource profiles() {
        return profiles;
    }

    /** The profile of a traced base column, if one is cached or cheaply available. */
    public Optional<ColumnProfile> profile(ColumnSource source) {
        if (source == null || !source.isBase() || !source.relation().kind().storesRows()) return Optional.empty();
        return memo(List.of("profile", source.qualifiedColumn()),
                () -> profiles.forGuard(source.relation(), source.column().name()));
    }

    /** Reports with no table, column or evidence. */
    public void reportAt(GuardRule rule, String message, int offset, String fix) {
        report(rule, message, offset, null, null, fix, null);
    }

    /** Reports a finding at a character offset in the input (converted to 1-based line and column). */
    public void report(GuardRule rule, String message, int offset, String table, String column, String fix,
                       Map<String, Object> evidence) {
        report(rule, rule.severity(), message, offset, table, column, fix, evidence);
    }

    /**
     * Reports at a lower severity than the rule's own: a rule's severity is the most it reports, for facts; the
     * same hazard inferred from names, guesses or statistics is reported as a warning that says how sure it is.
     */
    public void report(GuardRule rule, Severity severity, String message, int offset, String table, String column,
                       String fix, Map<String, Object> evidence) {
        if (severity.ordinal() < rule.severity().ordinal()) severity = rule.severity();
        offset = Math.min(sql.length(), Math.max(0, offset));
        int line = lineOf(offset);
        int col = offset - lineStarts[line - 1] + 1;
        findings.add(new Finding(rule.id(), severity, message, line, col, table, column, fix,
                evidence == null || evidence.isEmpty() ? null : evidence));
    }

    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo + 1;
    }

    /** Computes something several rules share once per validation (e.g. the join verdicts). */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Supplier<T> compute) {
        return (T) memo.computeIfAbsent(key, k -> compute.get());
    }

    /** The findings reported so far in this validation (rules run in registry order). */
    public List<Finding> findings() {
        return java.util.Collections.unmodifiableList(findings);
    }
}
