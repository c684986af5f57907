package dev.strata.migration.rules;

import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.StatementContext;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.Ddl;
import dev.strata.sql.SqlLexer.Token;
import dev.strata.text.Naming;
import dev.strata.text.Naming.Style;

import java.util.EnumMap;
import java.util.Map;

/**
 * <b>naming-convention-drift</b>: a new table or column name whose case style breaks the schema's dominant
 * convention (read from the catalog: at least 80 % of names in one style). A {@code "createdAt"} among
 * {@code snake_case} names must be double-quoted forever, and readers guess wrong which spelling a column uses:
 * <pre>
 * ALTER TABLE orders ADD COLUMN shipped_at timestamptz;   -- not "shippedAt"
 * </pre>
 * A convention, not a hazard: {@code info} by default, raised for teams that want it
 * ({@code severity: {naming-convention-drift: warning}} in {@code .strata.yml}).
 */
public final class NamingConventionDrift extends MigrationRuleBase {

    public NamingConventionDrift() {
        super("naming-convention-drift", Severity.INFO, "a new name that breaks the schema's case convention");
    }

    @Override
    public boolean needsDatabase() {
        return true;
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.ddl() instanceof Ddl.CreateTable ct && !ct.temporary()) {
            judge(ctx, ctx.key(ct.table()), ct.table().name(), null, "table");
        }
        for (NewColumns.Added a : NewColumns.of(ctx)) judge(ctx, a.table(), a.column().name(), a.column().at(), "column");
        if (ctx.ddl() instanceof Ddl.AlterTable at) {
            for (AlterAction x : at.actions()) {
                if (x instanceof AlterAction.RenameColumn r) judge(ctx, ctx.key(at.table()), r.to(), x.at(), "column");
                if (x instanceof AlterAction.RenameTable r) judge(ctx, ctx.key(at.table()), r.to(), x.at(), "table");
            }
        }
    }

    private void judge(StatementContext ctx, String tableKey, String name, Token at, String what) {
        String schema = tableKey.substring(0, tableKey.indexOf('.'));
        Map<Style, Integer> counts = new EnumMap<>(Style.class);
        int total = 0;
        for (Relation r : ctx.live().get().catalog().relations()) {
            if (!r.schema().equals(schema)) continue;
            counts.merge(Naming.style(r.name()), 1, Integer::sum);
            total++;
            for (Column c : r.columns()) {
                counts.merge(Naming.style(c.name()), 1, Integer::sum);
                total++;
            }
        }
        if (total < 10) return;
        Style dominant = counts.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        int share = counts.get(dominant) * 100 / total;
        Style mine = Naming.style(name);
        if (share < 80 || mine == dominant || mine == Style.OTHER) return;
        ctx.report(this, severity(), at, "the new " + what + " name \"" + name + "\" is " + mine.label() + " in "
                        + "schema " + schema + ", where " + share + " % of names are " + dominant.label(), tableKey,
                what.equals("column") ? name : null, "Name it " + convert(name, dominant) + ".",
                Map.of("dominant_style", dominant.label(), "share_percent", share));
    }



    private static String convert(String name, Style target) {
        String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        if (target == Style.SNAKE) return snake;
        if (target == Style.UPPER) return snake.toUpperCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("_")) {
            if (part.isEmpty()) continue;
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        String pascal = sb.toString();
        String result = target == Style.CAMEL ? Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1) : pascal;
        return "\"" + result + "\"";
    }
}
