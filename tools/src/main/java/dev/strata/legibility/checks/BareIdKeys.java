package dev.strata.legibility.checks;

import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.ReportContext;

import java.util.List;
import java.util.Map;

/**
 * <b>bare-id-primary-key</b> on existing tables: every table keyed by {@code id} makes {@code a.id = b.id} look
 * like a key join. Reported once for the schema with the tables concerned; a comment on each key saying what
 * references it is the cheap remedy, a rename to {@code <entity>_id} the thorough one.
 */
public final class BareIdKeys implements LegibilityCheck {

    @Override
    public String id() {
        return "bare-id-primary-key";
    }

    @Override
    public void check(ReportContext ctx) {
        List<Relation> bare = ctx.scope().stream()
                .filter(r -> r.singlePrimaryKeyColumn().filter("id"::equals).isPresent()).toList();
        if (bare.isEmpty()) return;
        List<String> names = bare.stream().map(Relation::qualifiedName).toList();
        ctx.report(this, Severity.WARNING, bare.size() + " table(s) use a bare \"id\" primary key, so joins such as "
                        + "a.id = b.id look right and pair unrelated rows: "
                        + String.join(", ", ReportContext.sample(names, 12)),
                null, null, "Say in each key's comment which columns reference it (drafts below); name new keys "
                        + "<entity>_id.", Map.of("count", names.size(), "tables", ReportContext.sample(names, 50)));
        for (Relation r : bare) {
            List<String> referencedBy = ctx.knowledge().graph().edgesOf(r.qualifiedName()).stream()
                    .filter(e -> e.toTable().equals(r.qualifiedName()) && e.toColumns().equals(List.of("id")))
                    .map(e -> e.fromTable() + "." + String.join(",", e.fromColumns())).distinct().sorted().toList();
            if (r.column("id").map(c -> c.comment() != null).orElse(false)) continue;
            String text = "Primary key of " + r.name() + "." + (referencedBy.isEmpty() ? ""
                    : " Referenced by " + String.join(", ", referencedBy) + ".")
                    + " Join other tables to it only through those columns, never id = id.";
            ctx.suggest(r.qualifiedName() + ".id", "COMMENT ON COLUMN " + r.qualifiedName() + ".id IS "
                    + ReportContext.literal(text) + ";", "primary key named id; references from the relationship graph");
        }
    }
}
