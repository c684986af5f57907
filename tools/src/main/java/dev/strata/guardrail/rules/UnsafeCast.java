package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.model.ValueUses;
import dev.strata.profile.ColumnProfile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * <b>unsafe-cast</b>: a cast of a text column to date, timestamp, json/jsonb or an integer type where profiled
 * values do not parse: the query fails as soon as it meets one of those rows (and which rows it meets first depends
 * on the plan, so it may pass in testing and fail in production). A pattern test on the column ({@code ~},
 * {@code pg_input_is_valid}, {@code IS JSON}) clears it.
 *
 * <pre>
 * bad:  SELECT response_body::jsonb->>'id' FROM webhook_deliveries
 * good: SELECT response_body::jsonb->>'id' FROM webhook_deliveries WHERE response_body ~ '^\s*\{'
 * </pre>
 */
public final class UnsafeCast extends RuleBase {

    private static final Set<String> DATE = Set.of("date", "timestamp", "timestamptz");
    private static final Set<String> JSON = Set.of("json", "jsonb");
    private static final Set<String> INTEGER = Set.of("int", "integer", "int2", "int4", "int8", "bigint", "smallint",
            "numeric", "decimal");

    public UnsafeCast() {
        super("unsafe-cast", Severity.WARNING, "a cast that existing values cannot survive");
    }

    @Override
    public void check(GuardContext context) {
        ValueUses uses = DataRules.uses(context);
        for (ValueUses.Cast c : uses.casts) {
            if (c.column().column().typeCategory() != 'S' || uses.guarded.contains(c.column().qualifiedColumn())) continue;
            String kind = DATE.contains(c.type()) ? "date" : JSON.contains(c.type()) ? "json"
                    : INTEGER.contains(c.type()) ? "integer" : null;
            if (kind == null) continue;
            ColumnProfile p = context.profile(c.column()).orElse(null);
            if (p == null || p.casts() == null || !p.casts().containsKey(kind)) continue;
            ColumnProfile.CastCheck check = p.casts().get(kind);
            if (check.failShare() <= 0) continue;
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("failing_fraction", check.failShare());
            evidence.put("failing_examples", check.failing());
            evidence.put("source", check.source());
            context.report(this, c.column().qualifiedColumn() + "::" + c.type() + " fails on "
                            + DataRules.percent(check.failShare()) + " of the values (e.g. '"
                            + (check.failing().isEmpty() ? "?" : check.failing().get(0)) + "'): the query errors out "
                            + "as soon as it reads one", c.offset(), c.column().relation().qualifiedName(),
                    c.column().column().name(), "cast only rows that parse: filter with a pattern (" 
                            + c.column().column().name() + " ~ '…') or test pg_input_is_valid(" 
                            + c.column().column().name() + ", '" + c.type() + "') first", evidence);
        }
    }
}
