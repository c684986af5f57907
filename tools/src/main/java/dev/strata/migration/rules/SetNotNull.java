package dev.strata.migration.rules;

import dev.strata.catalog.CheckConstraint;
import dev.strata.guardrail.Severity;
import dev.strata.migration.StatementContext;
import dev.strata.migration.TargetTable;
import dev.strata.migration.ddl.AlterAction;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * <b>set-not-null</b>: {@code ALTER COLUMN … SET NOT NULL} scans the whole table under ACCESS EXCLUSIVE to prove
 * there is no NULL. Since PostgreSQL 12 the scan is skipped when a validated {@code CHECK (c IS NOT NULL)}
 * already proves it, and that CHECK can be validated without blocking anyone:
 * <pre>
 * ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
 * ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;   -- SHARE UPDATE EXCLUSIVE, separate transaction
 * ALTER TABLE users ALTER COLUMN email SET NOT NULL;             -- no scan
 * ALTER TABLE users DROP CONSTRAINT users_email_not_null;
 * </pre>
 */
public final class SetNotNull extends AlterActionRule<AlterAction.SetNotNull> {

    public SetNotNull() {
        super("set-not-null", Severity.WARNING, "SET NOT NULL that scans an existing table under lock",
                AlterAction.SetNotNull.class);
    }

    @Override
    void check(StatementContext ctx, TargetTable t, AlterAction.SetNotNull s) {
        if (ctx.pgVersion() >= 12 && (ctx.state().hasValidatedNotNullCheck(t.name(), s.column())
                || catalogHasCheck(t, s.column()))) {
            return;
        }
        String name = Sql.constraintName(t.name(), s.column(), "not_null");
        String fix = ctx.pgVersion() >= 12
                ? "ALTER TABLE " + t.name() + " ADD CONSTRAINT " + name + " CHECK (" + s.column()
                + " IS NOT NULL) NOT VALID; ALTER TABLE " + t.name() + " VALIDATE CONSTRAINT " + name
                + "; then SET NOT NULL (no scan) and drop the CHECK"
                : "Before PostgreSQL 12 SET NOT NULL always scans: keep a validated CHECK (" + s.column()
                + " IS NOT NULL) instead, added NOT VALID and validated separately.";
        ctx.reportSized(this, s.at(), t, "SET NOT NULL on " + t.name() + "." + s.column() + " scans "
                + t.describe() + " under ACCESS EXCLUSIVE", fix, Map.of("lock", "ACCESS EXCLUSIVE",
                "rows_estimate", Sql.rows(t)));
    }

    private static boolean catalogHasCheck(TargetTable t, String column) {
        if (t.relation() == null) return false;
        Pattern p = Pattern.compile("^\\(*\"?" + Pattern.quote(column) + "\"?\\s+IS\\s+NOT\\s+NULL\\)*$",
                Pattern.CASE_INSENSITIVE);
        for (CheckConstraint c : t.relation().checks()) {
            if (c.validated() && p.matcher(c.definition().trim()).matches()) return true;
        }
        return false;
    }
}
