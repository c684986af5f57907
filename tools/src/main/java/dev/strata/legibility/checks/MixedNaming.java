package dev.strata.legibility.checks;

import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.ReportContext;
import dev.strata.text.Naming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * <b>naming-convention-drift</b> on existing tables: a schema whose tables and columns follow several case
 * conventions, with the tables in each camp — readers guess which spelling a name uses, and every mixed-case
 * name needs double quotes.
 */
public final class MixedNaming implements LegibilityCheck {

    @Override
    public String id() {
        return "naming-convention-drift";
    }

    @Override
    public void check(ReportContext ctx) {
        Map<String, List<Relation>> bySchema = new TreeMap<>();
        for (Relation r : ctx.scope()) bySchema.computeIfAbsent(r.schema(), k -> new ArrayList<>()).add(r);
        for (var e : bySchema.entrySet()) {
            Map<String, List<String>> camps = new LinkedHashMap<>();
            for (Relation r : e.getValue()) {
                String style = style(r);
                camps.computeIfAbsent(style, k -> new ArrayList<>()).add(r.name());
            }
            if (camps.size() < 2) continue;
            String dominant = camps.entrySet().stream().max(Map.Entry.comparingByValue(
                    java.util.Comparator.comparingInt(List::size))).get().getKey();
            List<String> parts = new ArrayList<>();
            camps.forEach((style, tables) -> parts.add(style + ": " + String.join(", ",
                    ReportContext.sample(new ArrayList<>(tables), 10))));
            ctx.report(this, Severity.WARNING, "schema " + e.getKey() + " mixes naming conventions (" + String.join("; ",
                            parts) + ")", null, null, "Keep " + dominant + " for new names; comment the exceptions "
                            + "with their quoted spelling.", Map.of("camps", sampled(camps)));
        }
    }

    private static Map<String, Object> sampled(Map<String, List<String>> camps) {
        Map<String, Object> out = new LinkedHashMap<>();
        camps.forEach((style, tables) -> out.put(style, ReportContext.sample(tables, 40)));
        return out;
    }

    /** A table's camp: the style of its name and columns, "mixed" when they disagree. */
    private static String style(Relation r) {
        String table = Naming.style(r.name()).label();
        boolean columnsAgree = true;
        String columns = null;
        for (Column c : r.columns()) {
            String s = Naming.style(c.name()).label();
            if (columns == null) columns = s;
            else if (!columns.equals(s)) columnsAgree = false;
        }
        if (columns == null || (columnsAgree && columns.equals(table))) return table;
        return table + " table with " + (columnsAgree ? columns : "mixed-case") + " columns";
    }

}
