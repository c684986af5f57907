package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.ddl.ConstraintDef;
import dev.strata.migration.ddl.Ddl;

import java.util.List;

/**
 * <b>bare-id-primary-key</b>: a new table keyed by a column named just {@code id}. Every table then has an
 * {@code id}, and {@code a.id = b.id} looks like a join on keys while pairing unrelated rows — the first mistake
 * assistants make on such schemas. Name the key after the entity, so the foreign keys carry the same name:
 * <pre>
 * CREATE TABLE shipments (shipment_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id bigint REFERENCES orders);
 * </pre>
 * A convention, not a hazard: {@code info} by default, raised for teams that want it
 * ({@code severity: {bare-id-primary-key: warning}} in {@code .strata.yml}).
 */
public final class BareIdPrimaryKey extends MigrationRuleBase {

    public BareIdPrimaryKey() {
        super("bare-id-primary-key", Severity.INFO, "a new table whose primary key is a bare id");
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.ddl() instanceof Ddl.CreateTable ct) || ct.temporary()) return;
        for (ConstraintDef c : ct.constraints()) {
            if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY && c.columns().equals(List.of("id"))) {
                String entity = singular(ct.table().name());
                ctx.report(this, severity(), c.at(), "the primary key of " + ct.table().name()
                                + " is a bare \"id\": joins such as x.id = " + ct.table().name() + ".id look right "
                                + "and pair unrelated rows", ctx.key(ct.table()), "id",
                        "Name it " + entity + "_id (and the foreign keys that point here the same way).", null);
                return;
            }
        }
    }

    static String singular(String table) {
        if (table.endsWith("ies")) return table.substring(0, table.length() - 3) + "y";
        if (table.endsWith("sses") || table.endsWith("xes") || table.endsWith("ches") || table.endsWith("shes")) {
            return table.substring(0, table.length() - 2);
        }
        if (table.endsWith("s") && !table.endsWith("ss")) return table.substring(0, table.length() - 1);
        return table;
    }
}
