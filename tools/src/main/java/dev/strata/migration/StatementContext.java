package dev.strata.migration;

import dev.strata.catalog.QualifiedName;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import dev.strata.migration.ddl.Ddl;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlStatement;

import java.util.Map;
import java.util.Optional;

/**
 * One statement under review: what it does ({@link Ddl}), the script's state before it, the live database if
 * any, and the report method rules call. Positions are offsets into {@code source}, which starts at
 * {@code shift} in the script (a DO block's body is reviewed as its own little script).
 */
public final class StatementContext {

    private final ScriptContext script;
    private final SqlStatement statement;
    private final Ddl ddl;
    private final int index;
    private final int shift;
    private final boolean insideDo;
    private Effects.Effect effect;

    StatementContext(ScriptContext script, SqlStatement statement, Ddl ddl, int index, int shift, boolean insideDo) {
        this.script = script;
        this.statement = statement;
        this.ddl = ddl;
        this.index = index;
        this.shift = shift;
        this.insideDo = insideDo;
    }

    public Ddl ddl() {
        return ddl;
    }

    /** What the statement locks and rewrites (computed once, before the rules run). */
    public Effects.Effect effect() {
        if (effect == null) effect = Effects.of(this);
        return effect;
    }

    void effect(Effects.Effect e) {
        this.effect = e;
    }

    public SqlStatement statement() {
        return statement;
    }

    public int index() {
        return index;
    }

    /** The 1-based line of the statement's first token in the script. */
    public int line() {
        return script.line(shift + statement.firstToken().start());
    }

    public ScriptState state() {
        return script.state();
    }

    public ReviewConfig config() {
        return script.config();
    }

    public int pgVersion() {
        return script.pgVersion();
    }

    public Optional<LiveDatabase> live() {
        return script.live();
    }

    /** Inside an explicit transaction block, a tool's implicit one, or a DO block (which is one transaction). */
    public boolean inTransaction() {
        return insideDo || script.state().inTransaction();
    }

    public boolean insideDo() {
        return insideDo;
    }

    /** The key the script state uses for a table: {@code schema.name}, unqualified names in the creation schema. */
    public String key(QualifiedName name) {
        return script.key(name);
    }

    /** How review judges a table (or view) the statement touches, in the state the script has left it. */
    public TargetTable target(QualifiedName name) {
        String key = key(name);
        ScriptState s = script.state();
        if (s.isCreated(key) || s.isCreatedView(key)) return new TargetTable(key, TargetTable.Status.NEW, null);
        String original = s.renamedFrom(key);
        if (original != null) {
            Relation r = live().flatMap(l -> l.catalog().find(original.substring(0, original.indexOf('.')),
                    original.substring(original.indexOf('.') + 1))).orElse(null);
            return new TargetTable(key, r == null ? TargetTable.Status.UNKNOWN : TargetTable.Status.EXISTING, r);
        }
        Optional<Relation> r = live().flatMap(l -> l.table(name));
        if (r.isPresent()) {
            if (s.isGone(r.get().qualifiedName())) return new TargetTable(key, TargetTable.Status.GONE, null);
            return new TargetTable(r.get().qualifiedName(), TargetTable.Status.EXISTING, r.get());
        }
        if (s.isGone(key)) return new TargetTable(key, TargetTable.Status.GONE, null);
        return new TargetTable(key, TargetTable.Status.UNKNOWN, null);
    }

    /**
     * Whether the statement cannot touch the table: the script dropped or renamed it earlier, or the database at
     * hand has no such table. Lock and data rules stay quiet then; {@code unknown-table} says what happens.
     */
    public boolean absent(TargetTable t) {
        return t.status() == TargetTable.Status.GONE
                || t.status() == TargetTable.Status.UNKNOWN && live().isPresent();
    }

    /** Reports a finding at the statement's first token. */
    public void report(MigrationRule rule, String message, String table, String column, String fix,
                       Map<String, Object> evidence) {
        report(rule, rule.severity(), statement.firstToken(), message, table, column, fix, evidence);
    }

    /**
     * Reports a lock or rewrite hazard: on a table known to be small the lock passes in moments, so the finding
     * is advice (info) rather than a warning.
     */
    public void reportSized(MigrationRule rule, Token at, TargetTable target, String message, String fix,
                            Map<String, Object> evidence) {
        Severity severity = target.isSmall(config().smallTableRows()) ? Severity.INFO : rule.severity();
        report(rule, severity, at, message, target.name(), null, fix, evidence);
    }

    public void report(MigrationRule rule, Severity severity, Token at, String message, String table, String column,
                       String fix, Map<String, Object> evidence) {
        Token anchor = at == null ? statement.firstToken() : at;
        script.add(statement, rule, severity, shift + anchor.start(), message, table, column, fix, evidence);
    }

    public ScriptContext script() {
        return script;
    }

    /**
     * The tables the statement locks, as review judges them; for DROP INDEX the index's table (from the script
     * or the catalog).
     */
    public java.util.List<TargetTable> targets() {
        java.util.List<TargetTable> out = new java.util.ArrayList<>();
        if (ddl instanceof Ddl.CreateTable) return out;   // the new table is nobody's problem yet
        for (QualifiedName q : ddl.tables()) {
            if (q != null) out.add(target(q));
        }
        if (ddl instanceof Ddl.DropIndex di) {
            for (QualifiedName index : di.indexes()) out.add(indexTable(index));
        }
        return out;
    }

    /** The table an index belongs to (from the script, or the catalog). */
    public TargetTable indexTable(QualifiedName index) {
        String key = key(index);
        String created = script.state().tableOfIndex(key);
        if (created != null) {
            QualifiedName q = new QualifiedName(created.substring(0, created.indexOf('.')),
                    created.substring(created.indexOf('.') + 1));
            return target(q);
        }
        if (live().isPresent()) {
            String schema = index.schema();
            for (Relation r : live().get().catalog().relations()) {
                if (schema != null && !r.schema().equals(schema)) continue;
                for (var i : r.indexes()) {
                    if (i.name().equals(index.name()) && (schema != null
                            || live().get().catalog().searchPath().contains(r.schema()))) {
                        if (script.state().isGone(r.qualifiedName())) {
                            return new TargetTable(r.qualifiedName(), TargetTable.Status.GONE, null);
                        }
                        return target(new QualifiedName(r.schema(), r.name()));
                    }
                }
            }
        }
        return new TargetTable("the table of index " + key, TargetTable.Status.UNKNOWN, null);
    }

    /** The key of an index: its schema is its table's (an index lives beside its table). */
    public String indexKey(QualifiedName index) {
        if (index.schema() != null) return index.schema() + "." + index.name();
        TargetTable t = indexTable(index);
        if (t.relation() != null) return t.relation().schema() + "." + index.name();
        int dot = t.name().indexOf('.');
        return t.status() == TargetTable.Status.NEW && dot > 0 ? t.name().substring(0, dot + 1) + index.name()
                : key(index);
    }

    /** The statement's text as written (for fixes that repeat it). */
    public String text() {
        return statement.text();
    }

}
