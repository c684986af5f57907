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

    public SqlStatement statement() {
        return statement;
    }

    public int index() {
        return index;
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

    /** How review judges a table the statement touches. */
    public TargetTable target(QualifiedName name) {
        String key = key(name);
        if (script.state().isCreated(key)) return new TargetTable(key, TargetTable.Status.NEW, null);
        Optional<Relation> r = live().flatMap(l -> l.table(name));
        if (r.isPresent()) {
            return new TargetTable(r.get().qualifiedName(), TargetTable.Status.EXISTING, r.get());
        }
        return new TargetTable(key, TargetTable.Status.UNKNOWN, null);
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

    /** The table an index belongs to. */
    public TargetTable indexTable(QualifiedName index) {
        String key = key(index);
        String created = script.state().tableOfIndex(key);
        if (created != null) return new TargetTable(created, TargetTable.Status.NEW, null);
        if (live().isPresent()) {
            String schema = key.substring(0, key.indexOf('.'));
            for (Relation r : live().get().catalog().relations()) {
                if (!r.schema().equals(schema)) continue;
                for (var i : r.indexes()) {
                    if (i.name().equals(index.name())) {
                        return new TargetTable(r.qualifiedName(), TargetTable.Status.EXISTING, r);
                    }
                }
            }
        }
        return new TargetTable("the table of index " + key, TargetTable.Status.UNKNOWN, null);
    }

    /** The statement's text as written (for fixes that repeat it). */
    public String text() {
        return statement.text();
    }

}
