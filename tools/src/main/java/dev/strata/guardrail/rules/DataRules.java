package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.model.ValueUses;
import dev.strata.profile.ColumnProfile;
import dev.strata.profile.Masking;

/** What the data-aware rules share: the value uses of the statement (scanned once) and masked display. */
final class DataRules {

    private DataRules() {
    }

    static ValueUses uses(GuardContext context) {
        return context.memo(ValueUses.class, () -> ValueUses.scan(context.statements().get(0).tokens(),
                context.model()));
    }

    /** A value as findings may show it: masked when the column looks personal (and masking is on). */
    static String show(ColumnProfile p, String value) {
        return p.masked() ? Masking.mask(value) : value;
    }

    static String percent(double share) {
        double p = share * 100;
        return (p >= 10 ? String.valueOf(Math.round(p)) : String.valueOf(Math.round(p * 10) / 10.0)) + " %";
    }
}
