package dev.strata.migration.rules;

import dev.strata.catalog.QualifiedName;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.ddl.Ddl;

import java.util.Map;

/**
 * <b>drop-schema</b>: every table, view and function in the schema goes with it (with CASCADE, silently).
 * Drop the objects one by one, each after its readers are gone:
 * <pre>
 * DROP TABLE legacy.order_archive;   -- after checking nobody reads it
 * DROP SCHEMA legacy;                -- RESTRICT: fails while anything is left
 * </pre>
 */
public final class DropSchema extends MigrationRuleBase {

    public DropSchema() {
        super("drop-schema", Severity.WARNING, "DROP SCHEMA (data loss)");
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.ddl() instanceof Ddl.Drop d) || !d.objectType().equals("SCHEMA")) return;
        for (QualifiedName q : d.names()) {
            String schema = q.name();
            long tables = ctx.live().map(l -> l.catalog().relations().stream()
                    .filter(r -> r.schema().equals(schema)).count()).orElse(-1L);
            if (tables == 0) continue;
            long rows = ctx.live().map(l -> l.catalog().relations().stream().filter(r -> r.schema().equals(schema))
                    .mapToLong(Relation::rowsEstimate).filter(n -> n > 0).sum()).orElse(-1L);
            ctx.report(this, "DROP SCHEMA " + schema + (d.cascade() ? " CASCADE" : "") + " deletes "
                            + (tables > 0 ? tables + " relations (≈" + rows + " rows)" : "every object in it"),
                    null, null, "Drop the schema's objects one by one after their readers are gone, then DROP SCHEMA "
                            + schema + " without CASCADE.",
                    tables > 0 ? Map.of("relations", tables, "rows_estimate", rows) : null);
        }
    }
}
