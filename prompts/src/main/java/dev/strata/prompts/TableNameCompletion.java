package dev.strata.prompts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Table names offered while a prompt's {@code table} argument is typed. Case does not matter, and what was typed
 * may begin the table's name ({@code ord} → {@code orders}), begin its schema ({@code bil} →
 * {@code billing.invoices}), sit inside the name ({@code voice} → {@code billing.invoices}), or be qualified
 * ({@code public.Ord} → {@code public.orders}). Best matches first: name prefix, then schema prefix, then
 * substring. A name is offered bare when it is in {@code public} and nowhere else, qualified otherwise.
 */
public final class TableNameCompletion {

    /** One table of the catalog. */
    public record Table(String schema, String name) {
    }

    /** The values, best first and at most {@code max}, and how many matched in all. */
    public record Result(List<String> values, int total) {
        public boolean hasMore() {
            return total > values.size();
        }
    }

    private TableNameCompletion() {
    }

    public static Result complete(Collection<Table> tables, String typed, int max) {
        String t = typed == null ? "" : typed.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        Map<String, Integer> schemasOfName = new TreeMap<>();
        for (Table table : tables) schemasOfName.merge(table.name(), 1, Integer::sum);
        List<List<String>> ranks = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int dot = t.indexOf('.');
        for (Table table : tables) {
            String schema = table.schema().toLowerCase(Locale.ROOT);
            String name = table.name().toLowerCase(Locale.ROOT);
            String qualified = table.schema() + "." + table.name();
            if (dot >= 0) {
                String s = t.substring(0, dot);
                String n = t.substring(dot + 1);
                if (!schema.startsWith(s)) continue;
                if (name.startsWith(n)) ranks.get(0).add(qualified);
                else if (name.contains(n)) ranks.get(2).add(qualified);
                continue;
            }
            String offered = table.schema().equals("public") && schemasOfName.get(table.name()) == 1
                    ? table.name() : qualified;
            if (name.startsWith(t)) ranks.get(0).add(offered);
            else if (schema.startsWith(t)) ranks.get(1).add(qualified);
            else if (name.contains(t)) ranks.get(2).add(offered);
        }
        Set<String> all = new LinkedHashSet<>();
        for (List<String> rank : ranks) {
            rank.sort(String.CASE_INSENSITIVE_ORDER);
            all.addAll(rank);
        }
        List<String> values = new ArrayList<>(all);
        return new Result(values.size() > max ? List.copyOf(values.subList(0, max)) : List.copyOf(values), values.size());
    }
}
