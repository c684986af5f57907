package dev.strata.migration.rules;

import dev.strata.catalog.ForeignKey;
import dev.strata.catalog.QualifiedName;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.ScriptState;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.Ddl;
import dev.strata.migration.live.LiveDatabase.Dependent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * <b>dependent-objects</b>: views, rules, policies and foreign keys that depend on what a statement changes, read
 * from {@code pg_depend}. Changing the type of a column a view or policy uses fails ("cannot alter type of a
 * column used by a view or rule"); dropping a column or table others depend on fails without CASCADE and, with
 * it, silently drops the views and foreign keys too; TRUNCATE of a referenced table fails without CASCADE.
 * Dependants the script has already dropped (directly, or with CASCADE) do not count: the drop, change and
 * recreate recipe below passes. Recreate the dependants in the same migration:
 * <pre>
 * BEGIN;
 * DROP VIEW public.order_summary;
 * ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2);
 * CREATE VIEW public.order_summary AS …;   -- same definition
 * COMMIT;
 * </pre>
 */
public final class DependentObjects extends MigrationRuleBase {

    public DependentObjects() {
        super("dependent-objects", Severity.ERROR, "views, rules, policies or foreign keys that break the change");
    }

    @Override
    public boolean needsDatabase() {
        return true;
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.ddl() instanceof Ddl.AlterTable at) {
            TargetTable t = ctx.target(at.table());
            if (t.relation() == null || t.status() == TargetTable.Status.GONE) return;
            List<Dependent> deps = stillThere(ctx, ctx.live().get().dependents(t.relation()));
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.AlterType type && type.column() != null) {
                    String column = ctx.state().liveColumn(t.name(), type.column());
                    List<Dependent> blocking = deps.stream().filter(d -> column.equals(d.column())
                            && !d.kind().equals("foreign key")).toList();
                    if (!blocking.isEmpty()) {
                        ctx.report(this, Severity.ERROR, a.at(), "changing the type of " + t.name() + "." + type.column()
                                        + " fails: " + names(blocking) + " use" + (blocking.size() == 1 ? "s" : "")
                                        + " it", t.name(), type.column(),
                                "Drop " + names(blocking) + " and recreate them in the same transaction as the change.",
                                evidence(blocking));
                    }
                } else if (a instanceof AlterAction.DropColumn drop && drop.column() != null) {
                    String column = ctx.state().liveColumn(t.name(), drop.column());
                    List<Dependent> using = deps.stream().filter(d -> column.equals(d.column())
                            // a foreign key of the table itself goes with its column; only others' keys block
                            && !(d.kind().equals("foreign key") && d.relation().equals(t.name()))).toList();
                    if (!using.isEmpty()) report(ctx, a, t.name() + "." + drop.column(), using, drop.cascade(), t.name(),
                            drop.column());
                }
            }
        } else if (ctx.ddl() instanceof Ddl.Drop d && d.objectType().equals("TABLE")) {
            List<String> dropping = d.names().stream().map(q -> ctx.target(q).name()).toList();
            for (QualifiedName q : d.names()) {
                TargetTable t = ctx.target(q);
                if (t.relation() == null || t.status() == TargetTable.Status.GONE) continue;
                // tables dropped by the same statement do not hold each other back
                List<Dependent> deps = stillThere(ctx, ctx.live().get().dependents(t.relation())).stream()
                        .filter(x -> !dropping.contains(x.relation())).toList();
                if (!deps.isEmpty()) report(ctx, null, t.name(), distinctByName(deps), d.cascade(), t.name(), null);
            }
        } else if (ctx.ddl() instanceof Ddl.Truncate tr) {
            List<String> truncating = tr.tables().stream().map(q -> ctx.target(q).name()).toList();
            for (QualifiedName q : tr.tables()) {
                TargetTable t = ctx.target(q);
                if (t.relation() == null || t.status() == TargetTable.Status.GONE) continue;
                List<Dependent> fks = distinctByName(stillThere(ctx, ctx.live().get().dependents(t.relation())).stream()
                        .filter(x -> x.kind().equals("foreign key") && !truncating.contains(x.relation())).toList());
                if (fks.isEmpty()) continue;
                if (tr.cascade()) {
                    ctx.report(this, Severity.WARNING, null, "TRUNCATE " + t.name() + " CASCADE also empties the "
                                    + "tables behind " + names(fks), t.name(), null,
                            "Name every table to empty in the TRUNCATE, without CASCADE, so review sees them.",
                            evidence(fks));
                    continue;
                }
                ctx.report(this, Severity.ERROR, null, "TRUNCATE " + t.name() + " fails: " + names(fks)
                                + " reference" + (fks.size() == 1 ? "s" : "") + " it", t.name(), null,
                        "Truncate the referencing tables in the same statement, or delete the rows meant to go.",
                        evidence(fks));
            }
        }
    }

    /**
     * The dependents the script has not already removed: a view it dropped (directly or with CASCADE), a policy,
     * rule or foreign key it dropped, a foreign key whose column it dropped, anything on a table it dropped. The
     * drop-alter-recreate recipe is the safe way to change what a view uses, not a failure.
     */
    static List<Dependent> stillThere(StatementContext ctx, List<Dependent> deps) {
        ScriptState s = ctx.state();
        List<Dependent> out = new ArrayList<>();
        for (Dependent d : deps) {
            if (s.isGone(d.relation())) continue;
            if (d.object() != null && s.isDependentDropped(d.relation(), d.object())) continue;
            if (d.kind().equals("foreign key") && foreignKeyColumnGone(ctx, d)) continue;
            out.add(d);
        }
        return out;
    }

    private static boolean foreignKeyColumnGone(StatementContext ctx, Dependent d) {
        int dot = d.relation().indexOf('.');
        Optional<Relation> r = ctx.live().get().catalog().find(d.relation().substring(0, dot),
                d.relation().substring(dot + 1));
        if (r.isEmpty()) return false;
        for (ForeignKey fk : r.get().foreignKeys()) {
            if (fk.name().equals(d.object())) {
                return fk.columns().stream().anyMatch(c -> ctx.state().isColumnGone(d.relation(), c));
            }
        }
        return false;
    }

    private void report(StatementContext ctx, AlterAction a, String object, List<Dependent> deps, boolean cascade,
                        String table, String column) {
        if (cascade) {
            ctx.report(this, Severity.WARNING, a == null ? null : a.at(), "CASCADE silently drops " + names(deps)
                            + " along with " + object, table, column,
                    "Drop the dependants explicitly (and recreate what is still needed) so the change is visible "
                            + "in review.", evidence(deps));
        } else {
            ctx.report(this, Severity.ERROR, a == null ? null : a.at(), "dropping " + object + " fails: "
                            + names(deps) + " depend" + (deps.size() == 1 ? "s" : "") + " on it", table, column,
                    "Drop or change " + names(deps) + " first, in the same migration.", evidence(deps));
        }
    }

    private static List<Dependent> distinctByName(List<Dependent> deps) {
        java.util.Map<String, Dependent> byName = new java.util.LinkedHashMap<>();
        for (Dependent d : deps) byName.putIfAbsent(d.kind() + " " + d.name(), d);
        return List.copyOf(byName.values());
    }

    private static String names(List<Dependent> deps) {
        List<String> parts = distinctByName(deps).stream().map(d -> d.kind() + " " + d.name()).toList();
        return parts.size() <= 3 ? String.join(", ", parts)
                : String.join(", ", parts.subList(0, 3)) + " and " + (parts.size() - 3) + " more";
    }

    private static Map<String, Object> evidence(List<Dependent> deps) {
        return Map.of("dependents", distinctByName(deps).stream().map(d -> d.kind() + " " + d.name()).toList());
    }
}
