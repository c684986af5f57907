package dev.strata.migration.ddl;

import dev.strata.catalog.QualifiedName;
import dev.strata.sql.SqlLexer.Token;

import java.util.List;

/**
 * A table or column constraint.
 *
 * @param name        the constraint name, or null when PostgreSQL will generate one
 * @param columns     the constrained columns (for a column constraint: that column)
 * @param expression  a CHECK's expression as written, else null
 * @param references  a FOREIGN KEY's referenced table, else null
 * @param refColumns  the referenced columns; empty means the referenced table's primary key
 * @param notValid    {@code NOT VALID}: existing rows are not checked now
 * @param usingIndex  {@code UNIQUE/PRIMARY KEY USING INDEX name}: the index already exists
 */
public record ConstraintDef(String name, Kind kind, List<String> columns, String expression,
                            QualifiedName references, List<String> refColumns, boolean notValid,
                            String usingIndex, Token at) {

    public enum Kind { CHECK, UNIQUE, PRIMARY_KEY, FOREIGN_KEY, EXCLUDE, NOT_NULL }

    public ConstraintDef {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
    }

    public ConstraintDef withColumn(String column) {
        return new ConstraintDef(name, kind, List.of(column), expression, references, refColumns, notValid,
                usingIndex, at);
    }

    private static final java.util.regex.Pattern NOT_NULL_CHECK = java.util.regex.Pattern.compile(
            "^\\(*\\s*(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)\\s+IS\\s+NOT\\s+NULL\\s*\\)*$",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** For {@code CHECK (c IS NOT NULL)}: the column c, which lets {@code SET NOT NULL} skip its scan (PG 12+). */
    public String notNullCheckColumn() {
        if (kind != Kind.CHECK || expression == null) return null;
        java.util.regex.Matcher m = NOT_NULL_CHECK.matcher(expression.trim());
        if (!m.matches()) return null;
        String c = m.group(1);
        return c.startsWith("\"") ? c.substring(1, c.length() - 1) : c.toLowerCase(java.util.Locale.ROOT);
    }
}
