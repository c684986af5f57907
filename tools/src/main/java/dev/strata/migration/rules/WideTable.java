package dev.strata.migration.rules;

import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.Ddl;

import java.util.Map;

/**
 * <b>wide-table</b>: adding columns to a table already past the width threshold (60 by default, see the config
 * file). God tables mix entities, make every row wide and every query guess which of the look-alike columns it
 * means. Put the new facts in a table of their own, keyed by the parent:
 * <pre>
 * CREATE TABLE customer_preferences (customer_id bigint PRIMARY KEY REFERENCES customers, newsletter boolean);
 * </pre>
 * A convention, not a hazard: {@code info} by default, raised for teams that want it
 * ({@code severity: {wide-table: warning}} in {@code .strata.yml}).
 */
public final class WideTable extends MigrationRuleBase {

    public WideTable() {
        super("wide-table", Severity.INFO, "columns added to a table already past the width threshold");
    }

    @Override
    public void check(StatementContext ctx) {
        if (!(ctx.ddl() instanceof Ddl.AlterTable at)) return;
        long adding = at.actions().stream().filter(a -> a instanceof AlterAction.AddColumn).count();
        if (adding == 0) return;
        TargetTable t = ctx.target(at.table());
        int width;
        if (t.isNew()) width = ctx.state().created(t.name()).columns().size();
        else if (t.relation() != null) width = t.relation().columns().size() + ctx.state().addedColumns(t.name());
        else return;
        int limit = ctx.config().wideTableColumns();
        if (width <= limit) return;
        ctx.report(this, severity(), null, t.name() + " already has " + width + " columns (threshold "
                        + limit + ") and this adds " + adding + " more", t.name(), null,
                "Put the new columns in a separate table keyed by " + t.name() + "'s primary key.",
                Map.of("columns", width, "threshold", limit));
    }
}
