package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.ddl.ColumnDef;
import dev.strata.migration.ddl.ConstraintDef;
import dev.strata.migration.ddl.Ddl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>polymorphic-reference</b>: a new {@code x_type} + {@code x_id} pair (also {@code x_kind}, {@code xable_type})
 * with no foreign key: nothing stops ids that point nowhere, and every reader must remember to filter the type
 * column — assistants do not. Give each target its own nullable foreign key with a CHECK that exactly one is set:
 * <pre>
 * CREATE TABLE notes (note_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
 *   order_id bigint REFERENCES orders, invoice_id uuid REFERENCES billing.invoices,
 *   CHECK (num_nonnulls(order_id, invoice_id) = 1));
 * </pre>
 */
public final class PolymorphicReference extends MigrationRuleBase {

    public PolymorphicReference() {
        super("polymorphic-reference", Severity.WARNING, "a new type + id pair with no foreign key");
    }

    @Override
    public void check(StatementContext ctx) {
        List<NewColumns.Added> added = NewColumns.of(ctx);
        if (added.isEmpty()) return;
        Map<String, ColumnDef> byName = new HashMap<>();
        for (NewColumns.Added a : added) byName.put(a.column().name(), a.column());
        List<ConstraintDef> tableConstraints = ctx.ddl() instanceof Ddl.CreateTable ct ? ct.constraints() : List.of();
        String table = added.get(0).table();
        for (NewColumns.Added a : added) {
            String name = a.column().name();
            String stem = stem(name);
            if (stem == null) continue;
            ColumnDef id = byName.get(stem + "_id");
            if (id == null) continue;
            boolean fk = id.reference().isPresent() || tableConstraints.stream()
                    .anyMatch(c -> c.kind() == ConstraintDef.Kind.FOREIGN_KEY && c.columns().contains(id.name()));
            if (fk) continue;
            ctx.report(this, Severity.WARNING, id.at(), table + "." + name + " + " + id.name() + " is a polymorphic "
                            + "reference: no foreign key checks " + id.name() + ", and every query must filter "
                            + name, table, id.name(),
                    "Use one nullable foreign-key column per target table with CHECK (num_nonnulls(…) = 1).", null);
        }
    }

    /** "owner" for owner_type / owner_kind / ownable_type; null for other names. */
    private static String stem(String column) {
        for (String suffix : List.of("_type", "_kind")) {
            if (column.endsWith(suffix) && column.length() > suffix.length()) {
                return column.substring(0, column.length() - suffix.length());
            }
        }
        return null;
    }
}
