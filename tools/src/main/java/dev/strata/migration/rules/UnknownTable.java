package dev.strata.migration.rules;

import dev.strata.catalog.QualifiedName;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.ConstraintDef;
import dev.strata.migration.ddl.Ddl;
import dev.strata.sql.SqlLexer.Token;
import dev.strata.text.Similarity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>unknown-table</b> (with a database): a table, view or index the migration alters, drops, fills or points a
 * foreign key at does not exist — in the database, after what the script itself created, dropped and renamed
 * before. PostgreSQL stops the migration there at deploy time ("relation … does not exist"). The fix names the
 * closest real relations. With {@code IF EXISTS} nothing fails and the statement silently does nothing: that is
 * advice (a typo there hides a migration that never happened).
 * <pre>
 * ALTER TABLE order_itmes ADD COLUMN note text;   -- fails: did you mean public.order_items?
 * ALTER TABLE order_items ADD COLUMN note text;
 * </pre>
 * When an earlier statement of the script could not be followed (dynamic SQL, a statement Strata does not
 * recognise), it may have created the relation: the finding is then a warning that says so.
 */
public final class UnknownTable extends MigrationRuleBase {

    /** A relation the statement needs. */
    private record Reference(QualifiedName name, boolean index, boolean ifExists, Token at) {
    }

    public UnknownTable() {
        super("unknown-table", Severity.ERROR, "a table, view or index the migration needs does not exist");
    }

    @Override
    public boolean needsDatabase() {
        return true;
    }

    @Override
    public void check(StatementContext ctx) {
        for (Reference r : references(ctx)) {
            if (r.name() == null) continue;
            TargetTable t = r.index() ? ctx.indexTable(r.name()) : ctx.target(r.name());
            boolean missing;
            if (r.index()) {
                String key = ctx.indexKey(r.name());
                missing = ctx.state().isDropped(key) || t.status() == TargetTable.Status.GONE
                        || t.status() == TargetTable.Status.UNKNOWN && !ctx.live().get().relationExists(r.name());
            } else {
                missing = t.status() == TargetTable.Status.GONE
                        || t.status() == TargetTable.Status.UNKNOWN && !ctx.live().get().relationExists(r.name());
            }
            if (!missing) continue;
            report(ctx, r, t);
            return;   // one missing relation is enough: the statement stops there
        }
    }

    private void report(StatementContext ctx, Reference r, TargetTable t) {
        String what = (r.index() ? "index " : "relation ") + display(r.name());
        List<String> closest = closest(ctx, r.name().name(), r.index());
        String fix = closest.isEmpty() ? "Check the name, or create " + display(r.name()) + " first."
                : "Did you mean " + String.join(" or ", closest) + "?";
        Map<String, Object> evidence = new LinkedHashMap<>();
        if (!closest.isEmpty()) evidence.put("closest", closest);
        if (t.status() == TargetTable.Status.GONE) evidence.put("dropped_or_renamed_earlier_in_the_script", true);
        int opaque = ctx.state().opaqueLine();
        if (r.ifExists()) {
            ctx.report(this, Severity.INFO, r.at(), what + " does not exist: IF EXISTS makes this statement do "
                    + "nothing", t.name(), null, fix, evidence);
        } else if (opaque > 0) {
            evidence.put("unfollowed_statement_line", opaque);
            ctx.report(this, Severity.WARNING, r.at(), "this statement fails at deploy if " + what + " does not "
                            + "exist by then: it is not in the database, and only the statement at line " + opaque
                            + " (not analysed) could have created it", t.name(), null, fix, evidence);
        } else {
            ctx.report(this, Severity.ERROR, r.at(), "this statement fails at deploy: " + what + " does not exist"
                    + (t.status() == TargetTable.Status.GONE ? " (the script drops or renames it earlier)" : ""),
                    t.name(), null, fix, evidence);
        }
    }

    private static String display(QualifiedName q) {
        return q.schema() == null ? q.name() : q.schema() + "." + q.name();
    }

    /** The closest relation (or index) names the database has, and the script's own, best first. */
    static List<String> closest(StatementContext ctx, String name, boolean index) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Relation rel : ctx.live().get().catalog().relations()) {
            if (index) {
                for (var i : rel.indexes()) {
                    String key = rel.schema() + "." + i.name();
                    if (!ctx.state().isDropped(key)) scores.put(key, Similarity.score(name, i.name()));
                }
            } else if (!ctx.state().isGone(rel.qualifiedName())) {
                scores.put(rel.qualifiedName(), Similarity.score(name, rel.name()));
            }
        }
        return Similarity.best(scores, 3, 0.75);
    }

    private static List<Reference> references(StatementContext ctx) {
        List<Reference> out = new ArrayList<>();
        Ddl ddl = ctx.ddl();
        Token first = ctx.statement().firstToken();
        if (ddl instanceof Ddl.AlterTable at) {
            out.add(new Reference(at.table(), false, at.ifExists(), first));
            if (at.ifExists() && ctx.target(at.table()).status() != TargetTable.Status.EXISTING
                    && !ctx.target(at.table()).isNew()) {
                return out;
            }
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.Partition p) out.add(new Reference(p.partition(), false, false, a.at()));
                ConstraintDef fk = a instanceof AlterAction.AddConstraint ac ? ac.constraint()
                        : a instanceof AlterAction.AddColumn add ? add.column().reference().orElse(null) : null;
                if (fk != null && fk.kind() == ConstraintDef.Kind.FOREIGN_KEY && fk.references() != null) {
                    out.add(new Reference(fk.references(), false, false, fk.at()));
                }
            }
        } else if (ddl instanceof Ddl.CreateTable ct) {
            String self = ctx.key(ct.table());
            if (ct.partitionOf() != null) out.add(new Reference(ct.partitionOf(), false, false, first));
            for (ConstraintDef c : ct.constraints()) {
                if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY && c.references() != null
                        && !ctx.key(c.references()).equals(self)) {
                    out.add(new Reference(c.references(), false, false, c.at()));
                }
            }
        } else if (ddl instanceof Ddl.CreateIndex ci) {
            out.add(new Reference(ci.table(), false, false, first));
        } else if (ddl instanceof Ddl.DropIndex di) {
            for (QualifiedName i : di.indexes()) out.add(new Reference(i, true, di.ifExists(), first));
        } else if (ddl instanceof Ddl.Drop d && List.of("TABLE", "VIEW", "MATERIALIZED VIEW").contains(d.objectType())) {
            for (QualifiedName q : d.names()) out.add(new Reference(q, false, d.ifExists(), first));
        } else if (ddl instanceof Ddl.Truncate tr) {
            for (QualifiedName q : tr.tables()) out.add(new Reference(q, false, false, first));
        } else if (ddl instanceof Ddl.Modify m) {
            out.add(new Reference(m.table(), false, false, first));
        } else if (ddl instanceof Ddl.Insert ins && ins.table() != null) {
            out.add(new Reference(ins.table(), false, false, first));
        } else if (ddl instanceof Ddl.LockTable l) {
            for (QualifiedName q : l.tables()) out.add(new Reference(q, false, false, first));
        } else if (ddl instanceof Ddl.CommentOn c && c.table() != null) {
            out.add(new Reference(c.table(), false, false, first));
        } else if (ddl instanceof Ddl.OnTable o && !o.label().startsWith("DROP")) {
            out.add(new Reference(o.table(), false, false, first));
        } else if (ddl instanceof Ddl.AlterView v) {
            out.add(new Reference(v.view(), false, false, first));
        } else if (ddl instanceof Ddl.Maintenance m) {
            for (QualifiedName q : m.tables()) out.add(new Reference(q, false, false, first));
            for (QualifiedName q : m.indexes()) out.add(new Reference(q, true, false, first));
        }
        return out;
    }
}
