package dev.strata.migration.rules;

import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.migration.MigrationRuleBase;
import dev.strata.migration.ScriptContext;
import dev.strata.migration.StatementContext;
import dev.strata.sql.SqlStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>missing-comment</b> (info): a new table or column with no {@code COMMENT ON} anywhere in the script, in a
 * schema whose existing objects carry comments (or in a script that comments other objects). Comments are what
 * assistants read to tell {@code status} from {@code state}; a team that writes them wants to hear when one is
 * forgotten:
 * <pre>
 * COMMENT ON COLUMN orders.channel IS 'Where the order was placed: web, app, phone';
 * </pre>
 */
public final class MissingComment extends MigrationRuleBase {

    private record Pending(SqlStatement statement, StatementContext ctx, String table, String column,
                           boolean newTable) {
    }

    public MissingComment() {
        super("missing-comment", Severity.INFO, "a new table or column without a comment");
    }

    @Override
    public void check(StatementContext ctx) {
        List<Pending> pending = ctx.script().pending(this);
        List<NewColumns.Added> added = NewColumns.of(ctx);
        if (added.isEmpty()) return;
        boolean newTable = added.get(0).newTable();
        if (newTable) pending.add(new Pending(ctx.script().current(), ctx, added.get(0).table(), null, true));
        for (NewColumns.Added a : added) {
            pending.add(new Pending(ctx.script().current(), ctx, a.table(), a.column().name(), newTable));
        }
    }

    @Override
    public void finish(ScriptContext script) {
        List<Pending> pending = script.pending(this);
        Map<String, List<String>> uncommented = new LinkedHashMap<>();
        Map<String, Pending> tables = new LinkedHashMap<>();
        for (Pending p : pending) {
            if (!commentingSchema(script, p.table())) continue;
            if (p.column() == null) {
                tables.put(p.table(), p);
                continue;
            }
            if (script.state().hasComment(p.table(), p.column())) continue;
            if (p.newTable()) {
                uncommented.computeIfAbsent(p.table(), k -> new ArrayList<>()).add(p.column());
            } else {
                script.enter(p.statement());
                p.ctx().report(this, Severity.INFO, null, "the new column " + p.table() + "." + p.column()
                        + " has no comment", p.table(), p.column(), "COMMENT ON COLUMN " + p.table() + "." + p.column()
                        + " IS '…';", null);
            }
        }
        for (Pending t : tables.values()) {
            List<String> cols = uncommented.getOrDefault(t.table(), List.of());
            boolean tableCommented = script.state().hasComment(t.table(), null);
            if (tableCommented && cols.isEmpty()) continue;
            script.enter(t.statement());
            String what = (tableCommented ? "" : "the new table " + t.table() + " has no comment")
                    + (cols.isEmpty() ? "" : (tableCommented ? "" : ", and ") + cols.size() + " of its columns have "
                    + "none (" + String.join(", ", cols.subList(0, Math.min(5, cols.size())))
                    + (cols.size() > 5 ? ", …" : "") + ")");
            if (tableCommented) what = "the new table " + t.table() + ": " + what;
            t.ctx().report(this, Severity.INFO, null, what, t.table(), null,
                    (tableCommented ? "" : "COMMENT ON TABLE " + t.table() + " IS '…'; ")
                            + (cols.isEmpty() ? "" : "COMMENT ON COLUMN " + t.table() + "." + cols.get(0) + " IS '…';"),
                    null);
        }
    }

    private static boolean commentingSchema(ScriptContext script, String table) {
        if (script.state().anyComment()) return true;
        if (script.live().isEmpty()) return false;
        String schema = table.substring(0, table.indexOf('.'));
        for (Relation r : script.live().get().catalog().relations()) {
            if (!r.schema().equals(schema)) continue;
            if (r.comment() != null && !r.comment().isBlank()) return true;
            if (r.columns().stream().anyMatch(c -> c.comment() != null && !c.comment().isBlank())) return true;
        }
        return false;
    }
}
