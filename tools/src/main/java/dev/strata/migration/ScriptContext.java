package dev.strata.migration;

import dev.strata.catalog.QualifiedName;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.sql.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One script (file) under review: its state, settings, positions and the findings collected so far. */
public final class ScriptContext {

    private final String source;
    private final int[] lineStarts;
    private final ScriptState state;
    private final ReviewConfig config;
    private final int pgVersion;
    private final Optional<LiveDatabase> live;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<SqlStatement, Set<String>> suppressions;
    private final Map<String, List<Object>> pending = new java.util.HashMap<>();
    private Set<String> suppressed = Set.of();
    private SqlStatement current;
    private final List<SqlStatement> statements;

    ScriptContext(String source, ScriptState state, ReviewConfig config, int pgVersion, Optional<LiveDatabase> live,
                  Map<SqlStatement, Set<String>> suppressions, List<SqlStatement> statements) {
        this.statements = List.copyOf(statements);
        this.source = source;
        this.state = state;
        this.config = config;
        this.pgVersion = pgVersion;
        this.live = live;
        this.suppressions = suppressions;
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') starts.add(i + 1);
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public ScriptState state() {
        return state;
    }

    public ReviewConfig config() {
        return config;
    }

    public int pgVersion() {
        return pgVersion;
    }

    public Optional<LiveDatabase> live() {
        return live;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** Whether {@code -- strata-ignore} silences this rule on that top-level statement. */
    public boolean suppressed(SqlStatement statement, String ruleId) {
        Set<String> ids = suppressions.getOrDefault(statement, Set.of());
        return ids.contains(ruleId) || ids.contains("all");
    }

    /** The script's top-level statements, in order. */
    public List<SqlStatement> statements() {
        return statements;
    }

    /** Reports at an offset of the script, for the statement under review. */
    public void reportAt(MigrationRule rule, Severity severity, int offset, String message, String fix,
                         Map<String, Object> evidence) {
        add(current, rule, severity, offset, message, null, null, fix, evidence);
    }

    /** Sets the top-level statement whose {@code strata-ignore} directives apply to what is reported next. */
    public void enter(SqlStatement topLevel) {
        current = topLevel;
        suppressed = suppressions.getOrDefault(topLevel, Set.of());
    }

    /** The top-level statement under review (a DO block while its body is reviewed). */
    public SqlStatement current() {
        return current;
    }

    /** Items a rule keeps until {@link MigrationRule#finish} (per script, so concurrent reviews never mix). */
    @SuppressWarnings("unchecked")
    public <T> List<T> pending(MigrationRule rule) {
        return (List<T>) pending.computeIfAbsent(rule.id(), k -> new ArrayList<>());
    }

    String key(QualifiedName name) {
        String schema = name.schema() != null ? name.schema()
                : live.flatMap(l -> l.table(name)).map(r -> r.schema())
                .orElseGet(() -> live.map(LiveDatabase::creationSchema).orElse("public"));
        return schema + "." + name.name();
    }

    /** Reports at an absolute offset of the script (rules of the whole script use this directly). */
    public void add(SqlStatement statement, MigrationRule rule, Severity severity, int offset, String message,
                    String table, String column, String fix, Map<String, Object> evidence) {
        if (suppressed.contains(rule.id()) || suppressed.contains("all")) return;
        Severity s = config.severity().getOrDefault(rule.id(), severity);
        int line = line(offset);
        int col = offset - lineStarts[line - 1] + 1;
        findings.add(new Finding(rule.id(), s, message, line, col, table, column, fix,
                evidence == null || evidence.isEmpty() ? null : evidence));
    }

    /**
     * Says that part of a statement could not be reviewed because Strata itself failed on it (always reported,
     * as {@code unanalysed-statement}: a silent gap would pass a statement nobody read).
     */
    void addUnchecked(StatementContext ctx, String what) {
        int line = ctx.line();
        findings.add(new Finding("unanalysed-statement", Severity.INFO, "not fully analysed: " + what, line,
                1, null, null, "Review this statement by hand, and report it to Strata.", null));
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo + 1;
    }

    public String source() {
        return source;
    }
}
