package dev.strata.migration.rules;

import dev.strata.catalog.Column;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.ScriptState;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.ConstraintDef;
import dev.strata.migration.ddl.Ddl;
import dev.strata.sql.SqlLexer.Token;
import dev.strata.text.Similarity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>unknown-column</b> (with a database): a column the migration alters, drops, renames, constrains, indexes or
 * sets does not exist on its table — in the database, after the columns the script itself added, dropped and
 * renamed before. PostgreSQL stops the migration there at deploy ("column … does not exist"); the fix names the
 * closest real columns. {@code DROP COLUMN IF EXISTS} of a missing column does nothing (advice).
 * <pre>
 * ALTER TABLE orders ALTER COLUMN totl SET NOT NULL;   -- fails: did you mean total?
 * ALTER TABLE orders ALTER COLUMN total SET NOT NULL;
 * </pre>
 */
public final class UnknownColumn extends MigrationRuleBase {

    private record Reference(TargetTable table, String column, boolean ifExists, Token at) {
    }

    public UnknownColumn() {
        super("unknown-column", Severity.ERROR, "a column the migration needs does not exist");
    }

    @Override
    public boolean needsDatabase() {
        return true;
    }

    @Override
    public void check(StatementContext ctx) {
        for (Reference r : references(ctx)) {
            Set<String> columns = columns(ctx, r.table());
            if (columns == null || r.column() == null || columns.contains(r.column())) continue;
            report(ctx, r, columns);
            return;
        }
    }

    private void report(StatementContext ctx, Reference r, Set<String> columns) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String c : columns) scores.put(c, Similarity.score(r.column(), c));
        List<String> closest = Similarity.best(scores, 3, 0.7);
        String table = r.table().name();
        String fix = closest.isEmpty() ? "Check the column name against " + table + "."
                : "Did you mean " + String.join(" or ", closest) + "?";
        Map<String, Object> evidence = closest.isEmpty() ? null : Map.of("closest", closest);
        int opaque = ctx.state().opaqueLine();
        if (r.ifExists()) {
            ctx.report(this, Severity.INFO, r.at(), "column " + r.column() + " of " + table + " does not exist: IF "
                    + "EXISTS makes this do nothing", table, r.column(), fix, evidence);
        } else if (opaque > 0) {
            ctx.report(this, Severity.WARNING, r.at(), "this statement fails at deploy if " + table + "."
                    + r.column() + " does not exist by then: only the statement at line " + opaque
                    + " (not analysed) could have added it", table, r.column(), fix, evidence);
        } else {
            ctx.report(this, Severity.ERROR, r.at(), "this statement fails at deploy: column " + r.column()
                    + " of " + table + " does not exist", table, r.column(), fix, evidence);
        }
    }

    /**
     * The table's columns as the script has left them, or null when they cannot be known (a table outside the
     * catalog, or one the statement cannot reach: unknown-table speaks for it).
     */
    static Set<String> columns(StatementContext ctx, TargetTable t) {
        ScriptState s = ctx.state();
        if (t.isNew()) {
            ScriptState.NewTable created = s.created(t.name());
            return created == null || !created.columnsKnown() ? null : new HashSet<>(created.columns().keySet());
        }
        if (t.relation() == null || ctx.absent(t)) return null;
        Set<String> out = new HashSet<>();
        for (Column c : t.relation().columns()) {
            if (!s.isColumnGone(t.name(), c.name())) out.add(c.name());
        }
        out.addAll(s.columnRenames(t.name()).keySet());
        out.addAll(s.addedColumnNames(t.name()));
        return out;
    }

    private static List<Reference> references(StatementContext ctx) {
        List<Reference> out = new ArrayList<>();
        Ddl ddl = ctx.ddl();
        if (ddl instanceof Ddl.AlterTable at) {
            TargetTable t = ctx.target(at.table());
            // columns added or renamed by earlier subcommands of the same statement exist for the later ones
            Set<String> madeHere = new HashSet<>();
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.AddColumn add) {
                    madeHere.add(add.column().name());
                    continue;
                }
                String column = column(a);
                boolean ifExists = a instanceof AlterAction.DropColumn d && d.ifExists();
                if (column != null && !madeHere.contains(column)) out.add(new Reference(t, column, ifExists, a.at()));
                if (a instanceof AlterAction.RenameColumn rc && rc.to() != null) madeHere.add(rc.to());
                if (a instanceof AlterAction.AddConstraint ac) {
                    ConstraintDef c = ac.constraint();
                    if (c.kind() == ConstraintDef.Kind.UNIQUE || c.kind() == ConstraintDef.Kind.PRIMARY_KEY
                            || c.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
                        for (String col : plain(c.columns())) {
                            if (!madeHere.contains(col)) out.add(new Reference(t, col, false, c.at()));
                        }
                    }
                    if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY && c.references() != null) {
                        TargetTable ref = ctx.target(c.references());
                        for (String col : plain(c.refColumns())) out.add(new Reference(ref, col, false, c.at()));
                    }
                }
            }
        } else if (ddl instanceof Ddl.CreateIndex ci) {
            TargetTable t = ctx.target(ci.table());
            for (String col : plain(ci.columns())) out.add(new Reference(t, col, false, ctx.statement().firstToken()));
        } else if (ddl instanceof Ddl.Modify m && m.table() != null) {
            TargetTable t = ctx.target(m.table());
            for (String col : m.setColumns()) out.add(new Reference(t, col, false, ctx.statement().firstToken()));
        } else if (ddl instanceof Ddl.CommentOn c && c.table() != null && c.column() != null) {
            out.add(new Reference(ctx.target(c.table()), c.column(), false, ctx.statement().firstToken()));
        } else if (ddl instanceof Ddl.CreateTable ct) {
            for (ConstraintDef c : ct.constraints()) {
                if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY && c.references() != null
                        && !ctx.key(c.references()).equals(ctx.key(ct.table()))) {
                    TargetTable ref = ctx.target(c.references());
                    for (String col : plain(c.refColumns())) out.add(new Reference(ref, col, false, c.at()));
                }
            }
        }
        return out;
    }

    /** The column an ALTER TABLE subcommand names, or null. */
    private static String column(AlterAction a) {
        if (a instanceof AlterAction.AlterType t) return t.column();
        if (a instanceof AlterAction.SetNotNull n) return n.column();
        if (a instanceof AlterAction.DropNotNull n) return n.column();
        if (a instanceof AlterAction.SetDefault d) return d.column();
        if (a instanceof AlterAction.DropDefault d) return d.column();
        if (a instanceof AlterAction.DropColumn d) return d.column();
        if (a instanceof AlterAction.RenameColumn r) return r.from();
        return null;
    }

    /** Entries of a column list that are plain names (expressions, opclasses and ordering are skipped). */
    private static List<String> plain(List<String> columns) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (c != null && !c.isEmpty() && !c.startsWith("(") && !c.contains(" ") && !c.contains("(")
                    && !c.contains("::") && !c.contains(".")) {
                out.add(c);
            }
        }
        return out;
    }
}
