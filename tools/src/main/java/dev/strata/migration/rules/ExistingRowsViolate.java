package dev.strata.migration.rules;

import dev.strata.catalog.CheckConstraint;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
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
 * exactly on tables up to the configured size and samples larger ones, and says which. Fix the data first:
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
            if (t.relation() == null || !simpleColumns(t.relation(), ci.columns())) return;
            verdict(ctx, null, t, "UNIQUE (" + String.join(", ", ci.columns()) + ")", rows.duplicates(t.relation(),
                    ci.columns()), "duplicate groups", "Resolve the duplicates first (see the examples), then build the index.");
            return;
        }
        if (!(ctx.ddl() instanceof Ddl.AlterTable at)) return;
        TargetTable t = ctx.target(at.table());
        if (t.relation() == null) return;
        Relation r = t.relation();
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.SetNotNull s) {
                if (r.column(s.column()).isEmpty()) continue;
                verdict(ctx, a, t, "NOT NULL on " + s.column(), rows.nulls(r, s.column()), "rows with NULL",
                        "Fill or delete the rows where " + s.column() + " IS NULL first.");
            } else if (a instanceof AlterAction.AddConstraint ac && !ac.constraint().notValid()) {
                constraint(ctx, a, t, ac.constraint());
            } else if (a instanceof AlterAction.ValidateConstraint v) {
                ConstraintDef pending = ctx.state().notValidConstraint(v.name());
                if (pending != null) {
                    constraint(ctx, a, t, pending);
                } else {
                    catalogCheck(r, v.name()).ifPresent(expr -> verdict(ctx, a, t, "CHECK " + expr,
                            rows.checkViolations(r, expr), "rows failing the check",
                            "Fix the rows that fail " + expr + " before validating."));
                }
            }
        }
    }

    private void constraint(StatementContext ctx, AlterAction a, TargetTable t, ConstraintDef c) {
        ExistingRows rows = ctx.live().get().rows();
        Relation r = t.relation();
        switch (c.kind()) {
            case CHECK -> {
                if (c.expression() != null) {
                    verdict(ctx, a, t, "CHECK (" + c.expression() + ")", rows.checkViolations(r, c.expression()),
                            "rows failing the check", "Fix the rows that fail the check first, or add it NOT VALID "
                                    + "and fix them before VALIDATE.");
                }
            }
            case UNIQUE, PRIMARY_KEY -> {
                if (c.usingIndex() != null || !simpleColumns(r, c.columns())) return;
                String what = (c.kind() == ConstraintDef.Kind.UNIQUE ? "UNIQUE (" : "PRIMARY KEY (")
                        + String.join(", ", c.columns()) + ")";
                Verdict dup = rows.duplicates(r, c.columns());
                verdict(ctx, a, t, what, dup, "duplicate groups", "Resolve the duplicates first (see the examples).");
                if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY && !dup.violates()) {
                    for (String col : c.columns()) {
                        verdict(ctx, a, t, what, rows.nulls(r, col), "rows with NULL in " + col,
                                "Fill or delete the rows where " + col + " IS NULL first.");
                    }
                }
            }
            case FOREIGN_KEY -> {
                if (c.references() == null) return;
                Optional<Relation> ref = ctx.live().get().table(c.references());
                if (ref.isEmpty() || !simpleColumns(r, c.columns())) return;
                List<String> refCols = c.refColumns().isEmpty()
                        ? ref.get().primaryKey().map(k -> k.columns()).orElse(List.of()) : c.refColumns();
                if (refCols.size() != c.columns().size()) return;
                verdict(ctx, a, t, "FOREIGN KEY (" + String.join(", ", c.columns()) + ") REFERENCES "
                                + ref.get().qualifiedName(), rows.orphans(r, c.columns(), ref.get(), refCols),
                        "rows without a match in " + ref.get().qualifiedName(),
                        "Delete or fix the orphan rows first, or add the key NOT VALID and clean up before VALIDATE.");
            }
            default -> {
            }
        }
    }

    private void verdict(StatementContext ctx, AlterAction a, TargetTable t, String what, Verdict v, String unit,
                         String fix) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("source", v.source());
        if (v.count() != null) evidence.put(unit.replace(' ', '_'), v.count());
        if (!v.examples().isEmpty()) evidence.put("examples", v.examples());
        evidence.put("how", v.note());
        if (v.violates()) {
            boolean proven = !v.source().equals("pg_stats");
            ctx.report(this, proven ? Severity.ERROR : Severity.WARNING, a == null ? null : a.at(),
                    what + " on " + t.name() + (proven ? " will fail: " : " will likely fail: ") + v.count() + " "
                            + unit + (v.source().equals("sample") ? " in a sample" : v.source().equals("pg_stats")
                            ? " (estimated from pg_stats)" : ""), t.name(), null, fix, evidence);
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
