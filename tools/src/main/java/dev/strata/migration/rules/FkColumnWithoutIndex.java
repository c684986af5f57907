package dev.strata.migration.rules;

import dev.strata.catalog.Index;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.ScriptContext;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.ConstraintDef;
import dev.strata.migration.ddl.Ddl;
import dev.strata.sql.SqlStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * <b>fk-column-without-index</b>: a new foreign key whose columns no index leads with. Every DELETE or key update
 * on the referenced table then scans the referencing table to check for rows, and joins along the key scan too.
 * Judged at the end of the script, so an index created after the constraint counts:
 * <pre>
 * ALTER TABLE comments ADD CONSTRAINT comments_user_id_fkey FOREIGN KEY (user_id) REFERENCES users NOT VALID;
 * CREATE INDEX CONCURRENTLY comments_user_id_idx ON comments (user_id);
 * </pre>
 */
public final class FkColumnWithoutIndex extends MigrationRuleBase {

    /** @param newColumn the key includes a column this statement adds, so no existing index can cover it */
    private record Pending(SqlStatement statement, StatementContext ctx, TargetTable table, ConstraintDef fk,
                           boolean newColumn) {
    }

    public FkColumnWithoutIndex() {
        super("fk-column-without-index", Severity.WARNING, "a new foreign key with no index on its columns");
    }

    @Override
    public void check(StatementContext ctx) {
        List<ConstraintDef> fks = new ArrayList<>();
        java.util.Set<String> added = new java.util.HashSet<>();
        TargetTable table = null;
        if (ctx.ddl() instanceof Ddl.CreateTable ct && !ct.temporary()) {
            table = new TargetTable(ctx.key(ct.table()), TargetTable.Status.NEW, null);
            for (ConstraintDef c : ct.constraints()) if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY) fks.add(c);
        } else if (ctx.ddl() instanceof Ddl.AlterTable at) {
            table = ctx.target(at.table());
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.AddConstraint ac && ac.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY) {
                    fks.add(ac.constraint());
                } else if (a instanceof AlterAction.AddColumn add) {
                    added.add(add.column().name());
                    add.column().reference().ifPresent(fks::add);
                }
            }
        }
        List<Pending> pending = ctx.script().pending(this);
        for (ConstraintDef fk : fks) {
            if (fk.columns().isEmpty()) continue;
            boolean newColumn = fk.columns().stream().anyMatch(added::contains);
            pending.add(new Pending(ctx.script().current(), ctx, table, fk, newColumn));
        }
    }

    @Override
    public void finish(ScriptContext script) {
        List<Pending> pending = script.pending(this);
        for (Pending p : pending) {
            TargetTable t = p.table();
            List<String> cols = p.fk().columns();
            if (script.state().hasIndexLeadingWith(t.name(), cols)) continue;
            if (t.relation() != null && catalogIndexLeads(t.relation(), cols)) continue;
            // an existing table Strata cannot see may well have the index
            if (t.status() == TargetTable.Status.UNKNOWN && !p.newColumn()) continue;
            script.enter(p.statement());
            String idx = Sql.bare(t.name()) + "_" + String.join("_", cols) + "_idx";
            p.ctx().report(this, Severity.WARNING, p.fk().at(), "no index leads with " + t.name() + " ("
                            + String.join(", ", cols) + "), the columns of the new foreign key: deletes on "
                            + (p.fk().references() == null ? "the referenced table" : p.fk().references().name())
                            + " and joins along the key scan " + Sql.bare(t.name()), t.name(), cols.get(0),
                    "CREATE INDEX " + (t.isNew() ? "" : "CONCURRENTLY ") + idx + " ON " + t.name() + " ("
                            + String.join(", ", cols) + ");", null);
        }
    }

    private static boolean catalogIndexLeads(Relation r, List<String> cols) {
        for (Index i : r.indexes()) {
            if (i.columns().size() >= cols.size() && i.columns().subList(0, cols.size()).equals(cols)) return true;
        }
        return false;
    }
}
