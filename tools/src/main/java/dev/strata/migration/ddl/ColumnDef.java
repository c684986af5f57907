package dev.strata.migration.ddl;

import dev.strata.sql.SqlLexer.Token;

import java.util.List;

/**
 * A column definition in {@code CREATE TABLE} or {@code ALTER TABLE … ADD COLUMN}.
 *
 * @param name          the column name as PostgreSQL stores it (unquoted names folded)
 * @param quoted        whether the name was written in double quotes
 * @param defaultExpr   the DEFAULT expression as written, or null
 * @param generated     {@code stored} for {@code GENERATED ALWAYS AS (…) STORED}, {@code identity} for identity
 *                      columns, else null
 * @param constraints   the column constraints written inline (NOT NULL is {@link #notNull}, not listed here)
 * @param at            the token that starts the definition (positions findings)
 */
public record ColumnDef(String name, boolean quoted, TypeName type, boolean notNull, String defaultExpr,
                        String generated, List<ConstraintDef> constraints, Token at) {

    public ColumnDef {
        constraints = List.copyOf(constraints);
    }

    public boolean hasDefault() {
        return defaultExpr != null || generated != null || (type != null && type.isSerial());
    }

    public boolean primaryKey() {
        return constraints.stream().anyMatch(c -> c.kind() == ConstraintDef.Kind.PRIMARY_KEY);
    }

    public java.util.Optional<ConstraintDef> reference() {
        return constraints.stream().filter(c -> c.kind() == ConstraintDef.Kind.FOREIGN_KEY).findFirst();
    }
}
