package dev.strata.migration;

import dev.strata.catalog.Column;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.ColumnDef;
import dev.strata.migration.ddl.ConstraintDef;
import dev.strata.migration.ddl.Ddl;
import dev.strata.migration.ddl.TypeName;

import java.util.Optional;

/**
 * The lock a statement takes on its target and whether it rewrites the table — the facts DOMAIN.md measured
 * with {@code pg_locks} and relfilenode, made version-aware. Rules and the statement summary share them.
 */
public final class Effects {

    /** @param rewrites whether the table (and its indexes) are rewritten */
    public record Effect(LockMode lock, boolean rewrites) {
    }

    private Effects() {
    }

    public static Effect of(StatementContext ctx) {
        Ddl ddl = ctx.ddl();
        if (ddl instanceof Ddl.CreateTable) return new Effect(LockMode.ACCESS_EXCLUSIVE, false);
        if (ddl instanceof Ddl.CreateIndex ci) {
            return new Effect(ci.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE, false);
        }
        if (ddl instanceof Ddl.DropIndex di) {
            return new Effect(di.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE, false);
        }
        if (ddl instanceof Ddl.AlterTable at) {
            LockMode lock = LockMode.NONE;
            boolean rewrites = false;
            TargetTable target = ctx.target(at.table());
            for (AlterAction a : at.actions()) {
                lock = LockMode.max(lock, lock(a));
                rewrites |= rewriteReason(a, target, ctx) != null;
            }
            return new Effect(lock, rewrites);
        }
        if (ddl instanceof Ddl.Drop || ddl instanceof Ddl.Truncate) return new Effect(LockMode.ACCESS_EXCLUSIVE, false);
        if (ddl instanceof Ddl.Modify) return new Effect(LockMode.ROW_EXCLUSIVE, false);
        if (ddl instanceof Ddl.Maintenance m) return new Effect(m.lock(), m.rewrites());
        if (ddl instanceof Ddl.LockTable l) return new Effect(l.mode(), false);
        if (ddl instanceof Ddl.CommentOn) return new Effect(LockMode.SHARE_UPDATE_EXCLUSIVE, false);
        if (ddl instanceof Ddl.Other o) return new Effect(o.lock(), false);
        return new Effect(LockMode.NONE, false);
    }

    /** The lock one ALTER TABLE subcommand takes on the altered table. */
    public static LockMode lock(AlterAction a) {
        if (a instanceof AlterAction.AddConstraint ac) {
            return ac.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY
                    ? LockMode.SHARE_ROW_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
        }
        if (a instanceof AlterAction.ValidateConstraint) return LockMode.SHARE_UPDATE_EXCLUSIVE;
        if (a instanceof AlterAction.Other o) return o.lock();
        return LockMode.ACCESS_EXCLUSIVE;
    }

    /** Why the subcommand rewrites the table, or null when it does not (or cannot be known to). */
    public static String rewriteReason(AlterAction a, TargetTable target, StatementContext ctx) {
        if (a instanceof AlterAction.AddColumn add) return addColumnRewrite(add.column(), ctx).orElse(null);
        if (a instanceof AlterAction.AlterType t) {
            Optional<TypeName> from = currentType(target, t.column(), ctx);
            if (from.isPresent() && t.type() != null && t.using() == null
                    && from.get().changesWithoutRewriteTo(t.type())) {
                return null;
            }
            return from.map(f -> "the type change " + f.text() + " → " + t.type() + " rewrites every row")
                    .orElse("a type change rewrites every row unless it only widens a varchar or numeric");
        }
        if (a instanceof AlterAction.Rewrite r) return r.what() + " rewrites the table";
        return null;
    }

    /** Why adding this column rewrites the table, if it does. */
    public static Optional<String> addColumnRewrite(ColumnDef col, StatementContext ctx) {
        if ("stored".equals(col.generated())) {
            return Optional.of("a stored generated column is computed and written for every existing row");
        }
        if ("identity".equals(col.generated())) {
            return Optional.of("an identity column draws a value for every existing row");
        }
        if (col.type() != null && col.type().isSerial()) {
            return Optional.of("a " + col.type().base() + " column draws a sequence value for every existing row");
        }
        if (col.defaultExpr() == null) return Optional.empty();
        if (ctx.pgVersion() < 11) {
            return Optional.of("before PostgreSQL 11 any DEFAULT on a new column rewrites the table");
        }
        return Volatility.volatileCall(col.defaultExpr(), ctx.live()).map(call -> call.certain()
                ? "DEFAULT " + col.defaultExpr().trim() + " is volatile (" + call.function()
                + "()), so it is evaluated and written for every existing row"
                : "DEFAULT " + col.defaultExpr().trim() + " calls " + call.function() + "(), which may be volatile "
                + "(run with --url to know); a volatile default is written for every existing row");
    }

    /** The column's current type: from the table created earlier in the script, or from the catalog. */
    public static Optional<TypeName> currentType(TargetTable target, String column, StatementContext ctx) {
        if (target.isNew()) {
            return Optional.ofNullable(ctx.state().created(target.name()).columns().get(column));
        }
        if (target.relation() == null) return Optional.empty();
        return target.relation().column(column).map(Column::type).map(TypeName::fromCatalog);
    }
}
