package dev.strata.drift;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.catalog.Column;

/**
 * A column as a snapshot keeps it.
 *
 * @param position  {@code attnum}: stable under renames and type changes, which is what tells a rename from a
 *                  drop plus an add (a dropped column leaves its number unused, an added one gets a new number)
 * @param identity  {@code always} or {@code by default} for identity columns, else null
 * @param generated the expression of a stored generated column, else null
 */
public record SnapshotColumn(String name, int position, String type, boolean nullable,
                             @JsonProperty("default") String defaultValue, String comment, String identity,
                             String generated) {

    static SnapshotColumn of(Column c) {
        String identity = !c.isIdentity() ? null : c.identity().equals("a") ? "always" : "by default";
        String generated = c.isGenerated() ? c.generationExpression() != null ? c.generationExpression()
                : c.defaultExpression() : null;
        return new SnapshotColumn(c.name(), c.position(), c.type(), c.nullable(),
                c.isGenerated() ? null : c.defaultExpression(), c.comment(), identity, generated);
    }

    /** How a value arrives when an INSERT leaves the column out: default, identity, generation or nothing. */
    String valueSource() {
        if (generated != null) return "GENERATED ALWAYS AS (" + generated + ") STORED";
        if (identity != null) return "GENERATED " + identity.toUpperCase(java.util.Locale.ROOT) + " AS IDENTITY";
        return defaultValue == null ? null : "DEFAULT " + defaultValue;
    }

    /** {@code text NOT NULL DEFAULT 'x'}: the column in one phrase for a change's before/after. */
    String describe() {
        String source = valueSource();
        return type + (nullable ? "" : " NOT NULL") + (source == null ? "" : " " + source);
    }
}
