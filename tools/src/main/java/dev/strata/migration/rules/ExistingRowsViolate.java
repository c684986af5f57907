package dev.strata.migration.rules;

import dev.strata.catalog.CheckConstraint;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.ColumnDef;
import dev.strata.migration.ddl.ConstraintDef;
import dev.strata.migration.ddl.Ddl;
import dev.strata.migration.live.ExistingRows;
import dev.strata.migration.live.ExistingRows.Verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * <b>existing-rows-violate</b>: the rows already in the table break the constraint being added — SET NOT NULL over
 * NULLs, UNIQUE or PRIMARY KEY over duplicates, a CHECK some rows fail, a FOREIGN KEY with orphans, a
 * VALIDATE CONSTRAINT of any of those. The migration fails in production after passing on an empty test
 * database (and a failed {@code CREATE UNIQUE INDEX CONCURRENTLY} leaves an INVALID index behind). Strata counts
 * exactly on tables up to the configured size and samples larger ones, and says which. The count is of the rows as
 * the script will find them: a table the script emptied has none, a column it backfilled ({@code UPDATE … SET c =
 * …} without WHERE or with {@code WHERE c IS NULL}) has no NULLs, a column it added without a default is all NULLs,
 * and rows it changed before (UPDATE, DELETE, INSERT) make a count a likelihood (warning), not a fact. Fix the data
 * first:
 * <pre>
 * UPDATE users SET email = lower(btrim(email)) WHERE email &lt;&gt; lower(btrim(email));
 * -- resolve the remaining duplicates, then
 * CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
 * </pre>
 */
public final class ExistingRowsViolate extends MigrationRuleBase {

    public ExistingRowsViolate() {
        super("existing-rows-violate", Severity.ERROR, "existing rows violate the constraint being added");
    }

    @Override
    public boolean needsDatabase() {
        return true;
    }

    @Override
    public void check(StatementContext ctx) {
        ExistingRows rows = ctx.live().get().rows();
        if (ctx.ddl() instanceof Ddl.CreateIndex ci && ci.unique() && ci.table() != null) {
            TargetTable t = ctx.target(ci.table());
            if (t.relation() == null || ctx.absent(t) || ctx.state().knownEmpty(t.name())) return;
            List<String> columns = liveColumns(ctx, t, ci.columns());
            if (columns == null) return;
            verdict(ctx, null, t, "UNIQUE (" + String.join(", ", ci.columns()) + ")", rows.duplicates(t.relation(),
                    columns), "duplicate groups", "Resolve the duplicates first (see the examples), then build the index.",
                    ci.columns());
            return;
        }
        if (!(ctx.ddl() instanceof Ddl.AlterTable at)) return;
        TargetTable t = ctx.target(at.table());
        if (t.relation() == null || ctx.absent(t) || ctx.state().knownEmpty(t.name())) return;
        Relation r = t.relation();
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.SetNotNull s && s.column() != null) {
                notNull(ctx, a, t, s.column());
            } else if (a instanceof AlterAction.AddConstraint ac && !ac.constraint().notValid()) {
                constraint(ctx, a, t, ac.constraint());
            } else if (a instanceof AlterAction.ValidateConstraint v) {
                ConstraintDef pending = ctx.state().notValidConstraint(v.name());
                if (pending != null) {
                    constraint(ctx, a, t, pending);
                } else {
                    catalogCheck(r, v.name()).ifPresent(expr -> verdict(ctx, a, t, "CHECK " + expr,
                            rows.checkViolations(r, expr), "rows failing the check",
                            "Fix the rows that fail " + expr + " before validating.", List.of()));
                }
            }
        }
    }

    /** SET NOT NULL, judged on the column as the script left it. */
    private void notNull(StatementContext ctx, AlterAction a, TargetTable t, String column) {
        int backfill = ctx.state().backfilled(t.name(), column);
        // the UPDATE at that line set every NULL of the column: the NULLs there now will be gone
        if (backfill > 0) return;
        ColumnDef added = ctx.state().addedColumn(t.name(), column);
        if (added != null) {
            // a column this script added: every existing row holds its default, or NULL without one
            if (added.hasDefault() || !ctx.live().get().rows().hasRows(t.relation())) return;
            int changed = ctx.state().rowsChangedAt(t.name(), List.of(column));
            ctx.report(this, changed > 0 ? Severity.WARNING : Severity.ERROR, a.at(), "NOT NULL on " + column + " on "
                            + t.name() + (changed > 0 ? " will likely fail" : " will fail") + ": the column was added "
                            + "without a default, so every existing row holds NULL" + (changed > 0
                            ? " (unless the change at line " + changed + " fills or removes them)" : ""), t.name(), column,
                    "Backfill " + column + " (UPDATE … SET " + column + " = … WHERE " + column + " IS NULL) before "
                            + "SET NOT NULL, or add the column with a DEFAULT.",
                    Map.of("source", "exact (the table has rows; the new column has no default)"));
            return;
        }
        if (t.relation().column(ctx.state().liveColumn(t.name(), column)).isEmpty()) return;
        verdict(ctx, a, t, "NOT NULL on " + column, ctx.live().get().rows().nulls(t.relation(),
                ctx.state().liveColumn(t.name(), column)), "rows with NULL",
                "Fill or delete the rows where " + column + " IS NULL first.", List.of(column));
    }

    /** The columns' names in the live table, or null when one of them is not there (added or dropped by the script). */
    private static List<String> liveColumns(StatementContext ctx, TargetTable t, List<String> columns) {
        List<String> out = new java.util.ArrayList<>();
        for (String c : columns) {
            String live = ctx.state().liveColumn(t.name(), c);
            if (t.relation().column(live).isEmpty() || ctx.state().addedColumn(t.name(), c) != null) return null;
            out.add(live);
        }
        return out.isEmpty() ? null : out;
    }

    private void constraint(StatementContext ctx, AlterAction a, TargetTable t, ConstraintDef c) {
        ExistingRows rows = ctx.live().get().rows();
        Relation r = t.relation();
        switch (c.kind()) {
            case CHECK -> {
                if (c.expression() == null) return;
                // an expression over columns the script added or renamed cannot be evaluated on the live rows
                for (String added : addedOrRenamed(ctx, t)) {
                    if (c.expression().toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\b" + java.util.regex.Pattern
                            .quote(added) + "\\b.*")) {
                        return;
                    }
                }
                verdict(ctx, a, t, "CHECK (" + c.expression() + ")", rows.checkViolations(r, c.expression()),
                        "rows failing the check", "Fix the rows that fail the check first, or add it NOT VALID "
                                + "and fix them before VALIDATE.", List.of());
            }
            case UNIQUE, PRIMARY_KEY -> {
                if (c.usingIndex() != null) return;
                List<String> columns = liveColumns(ctx, t, c.columns());
                if (columns == null) return;
                String what = (c.kind() == ConstraintDef.Kind.UNIQUE ? "UNIQUE (" : "PRIMARY KEY (")
                        + String.join(", ", c.columns()) + ")";
                Verdict dup = rows.duplicates(r, columns);
                verdict(ctx, a, t, what, dup, "duplicate groups", "Resolve the duplicates first (see the examples).",
                        c.columns());
                if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY && !dup.violates()) {
                    for (String col : c.columns()) {
                        if (ctx.state().backfilled(t.name(), col) > 0) continue;
                        verdict(ctx, a, t, what, rows.nulls(r, ctx.state().liveColumn(t.name(), col)),
                                "rows with NULL in " + col, "Fill or delete the rows where " + col + " IS NULL first.",
                                List.of(col));
                    }
                }
            }
            case FOREIGN_KEY -> {
                if (c.references() == null) return;
                Optional<Relation> ref = ctx.live().get().table(c.references());
                List<String> columns = liveColumns(ctx, t, c.columns());
                if (ref.isEmpty() || columns == null) return;
                TargetTable refTarget = ctx.target(c.references());
                // the referenced table as the script left it may hold rows the live one does not
                if (refTarget.isNew() || ctx.absent(refTarget)
                        || ctx.state().rowsChangedAt(refTarget.name(), List.of()) > 0) {
                    return;
                }
                List<String> refCols = c.refColumns().isEmpty()
                        ? ref.get().primaryKey().map(k -> k.columns()).orElse(List.of()) : c.refColumns();
                if (refCols.size() != c.columns().size()) return;
                verdict(ctx, a, t, "FOREIGN KEY (" + String.join(", ", c.columns()) + ") REFERENCES "
                                + ref.get().qualifiedName(), rows.orphans(r, columns, ref.get(), refCols),
                        "rows without a match in " + ref.get().qualifiedName(),
                        "Delete or fix the orphan rows first, or add the key NOT VALID and clean up before VALIDATE.",
                        c.columns());
            }
            default -> {
            }
        }
    }

    /** Columns the live table does not have under these names: renamed or added by the script. */
    private static List<String> addedOrRenamed(StatementContext ctx, TargetTable t) {
        List<String> out = new java.util.ArrayList<>(ctx.state().columnRenames(t.name()).keySet());
        out.addAll(ctx.state().addedColumnNames(t.name()));
        return out;
    }

    private void verdict(StatementContext ctx, AlterAction a, TargetTable t, String what, Verdict v, String unit,
                         String fix, List<String> columns) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("source", v.source());
        if (v.count() != null) evidence.put(unit.replace(' ', '_'), v.count());
        if (!v.examples().isEmpty()) evidence.put("examples", v.examples());
        evidence.put("how", v.note());
        // rows the script changes before this statement (UPDATE, DELETE, INSERT): the live count is no longer a fact
        int changed = ctx.state().rowsChangedAt(t.name(), columns);
        if (changed > 0) evidence.put("rows_changed_at_line", changed);
        if (v.violates()) {
            boolean proven = !v.source().equals("pg_stats") && changed == 0;
            ctx.report(this, proven ? Severity.ERROR : Severity.WARNING, a == null ? null : a.at(),
                    what + " on " + t.name() + (proven ? " will fail: " : " will likely fail: ") + v.count() + " "
                            + unit + (v.source().equals("sample") ? " in a sample" : v.source().equals("pg_stats")
                            ? " (estimated from pg_stats)" : "") + (changed > 0 ? " now, before the change at line "
                            + changed + " runs" : ""), t.name(), null, fix, evidence);
        } else if (v.source().equals("unchecked")) {
            ctx.report(this, Severity.INFO, a == null ? null : a.at(), "existing rows of " + t.name()
                    + " were not checked against " + what + ": " + v.note(), t.name(), null, null, evidence);
        }
    }

    private static boolean simpleColumns(Relation r, List<String> columns) {
        return !columns.isEmpty() && columns.stream().allMatch(c -> r.column(c).isPresent());
    }

    private static Optional<String> catalogCheck(Relation r, String name) {
        return r.checks().stream().filter(c -> c.name().equals(name) && !c.validated())
                .map(CheckConstraint::definition).findFirst();
    }
}
