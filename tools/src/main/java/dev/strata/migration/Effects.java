package dev.strata.migration;

import dev.strata.catalog.Column;
import dev.strata.catalog.ForeignKey;
import dev.strata.catalog.Index;
import dev.strata.catalog.QualifiedName;
import dev.strata.catalog.Relation;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.ColumnDef;
import dev.strata.migration.ddl.ConstraintDef;
import dev.strata.migration.ddl.Ddl;
import dev.strata.migration.ddl.TypeName;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.migration.locks.DdlForm;
import dev.strata.migration.locks.LockTarget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a statement does to the objects it touches: the lock it takes on each (table, index, view, type,
 * sequence) and the tables it rewrites. The locks come from the forms of {@link DdlForm} (one table, measured
 * with {@code pg_locks}), for the PostgreSQL version judged; the rewrites from PostgreSQL's own rules (binary
 * coercion, volatility, the session's TimeZone). Rules, the statement summary and the replay test share them.
 */
public final class Effects {

    /**
     * A lock on one object. {@code table} is the table as review judges it (size, new or existing) when the
     * object is a table or view, else null.
     */
    public record ObjectLock(String object, String kind, LockMode mode, DdlForm form, TargetTable table) {
    }

    /** @param rewritten the tables whose rows are rewritten into a new file, with why */
    public record Effect(List<ObjectLock> locks, Map<String, String> rewritten) {
        public Effect {
            locks = List.copyOf(locks);
            rewritten = Map.copyOf(rewritten);
        }

        public static final Effect NONE = new Effect(List.of(), Map.of());

        /** The strongest lock the statement takes on anything. */
        public LockMode lock() {
            LockMode m = LockMode.NONE;
            for (ObjectLock l : locks) m = LockMode.max(m, l.mode());
            return m;
        }

        public boolean rewrites() {
            return !rewritten.isEmpty();
        }

        /** Locks on tables and views (with the judged table). */
        public List<ObjectLock> tableLocks() {
            return locks.stream().filter(l -> l.table() != null).toList();
        }
    }

    private Effects() {
    }

    /** Collects locks per object (strongest mode wins) and rewrites. */
    private static final class Builder {
        final StatementContext ctx;
        final Map<String, ObjectLock> locks = new LinkedHashMap<>();
        final Map<String, String> rewritten = new LinkedHashMap<>();

        Builder(StatementContext ctx) {
            this.ctx = ctx;
        }

        void table(DdlForm form, LockTarget target, TargetTable t) {
            if (t == null) return;
            put(t.name(), target.objectKind(), form.mode(target, ctx.pgVersion()), form, t);
        }

        void table(DdlForm form, LockTarget target, QualifiedName name) {
            if (name != null) table(form, target, ctx.target(name));
        }

        void object(DdlForm form, LockTarget target, String key) {
            if (key != null) put(key, target.objectKind(), form.mode(target, ctx.pgVersion()), form, null);
        }

        void mode(DdlForm form, String key, String kind, LockMode mode, TargetTable t) {
            put(key, kind, mode, form, t);
        }

        private void put(String key, String kind, LockMode mode, DdlForm form, TargetTable t) {
            if (mode == LockMode.NONE) return;
            locks.merge(key, new ObjectLock(key, kind, mode, form, t),
                    (a, b) -> b.mode().compareTo(a.mode()) > 0 ? b : a);
        }

        void rewrite(String table, String why) {
            rewritten.putIfAbsent(table, why);
        }

        Effect build() {
            return new Effect(new ArrayList<>(locks.values()), rewritten);
        }
    }

    public static Effect of(StatementContext ctx) {
        Builder b = new Builder(ctx);
        Ddl ddl = ctx.ddl();
        if (ddl instanceof Ddl.CreateTable ct) {
            if (ct.partitionOf() != null) b.table(DdlForm.CREATE_TABLE_PARTITION_OF, LockTarget.PARENT, ct.partitionOf());
            String self = ctx.key(ct.table());
            for (ConstraintDef c : ct.constraints()) {
                if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY && c.references() != null
                        && !ctx.key(c.references()).equals(self)) {
                    b.table(DdlForm.CREATE_TABLE_REFERENCES, LockTarget.REFERENCED_TABLE, c.references());
                }
            }
        } else if (ddl instanceof Ddl.CreateIndex ci) {
            b.table(ci.concurrently() ? DdlForm.CREATE_INDEX_CONCURRENTLY : DdlForm.CREATE_INDEX, LockTarget.TABLE,
                    ci.table());
        } else if (ddl instanceof Ddl.DropIndex di) {
            DdlForm form = di.concurrently() ? DdlForm.DROP_INDEX_CONCURRENTLY : DdlForm.DROP_INDEX;
            for (QualifiedName index : di.indexes()) {
                TargetTable t = ctx.indexTable(index);
                if (t.status() != TargetTable.Status.UNKNOWN || ctx.live().isEmpty()) b.table(form, LockTarget.TABLE, t);
                b.object(form, LockTarget.INDEX, ctx.indexKey(index));
            }
        } else if (ddl instanceof Ddl.AlterTable at) {
            alterTable(b, ctx, at);
        } else if (ddl instanceof Ddl.Drop d) {
            drop(b, ctx, d);
        } else if (ddl instanceof Ddl.Truncate tr) {
            for (QualifiedName q : tr.tables()) b.table(DdlForm.TRUNCATE, LockTarget.TABLE, q);
        } else if (ddl instanceof Ddl.Modify m) {
            b.table(DdlForm.UPDATE_DELETE, LockTarget.TABLE, m.table());
        } else if (ddl instanceof Ddl.Insert ins) {
            b.table(DdlForm.INSERT, LockTarget.TABLE, ins.table());
        } else if (ddl instanceof Ddl.Maintenance m) {
            maintenance(b, ctx, m);
        } else if (ddl instanceof Ddl.LockTable l) {
            for (QualifiedName q : l.tables()) {
                TargetTable t = ctx.target(q);
                b.mode(DdlForm.LOCK_TABLE, t.name(), "table", l.mode(), t);
            }
        } else if (ddl instanceof Ddl.CommentOn c) {
            b.table(DdlForm.COMMENT, LockTarget.TABLE, c.table());
        } else if (ddl instanceof Ddl.OnTable o) {
            b.table(o.form(), LockTarget.TABLE, o.table());
        } else if (ddl instanceof Ddl.AlterIndex ai) {
            b.object(ai.form(), LockTarget.INDEX, ctx.indexKey(ai.index()));
        } else if (ddl instanceof Ddl.AlterType t) {
            b.object(t.form(), LockTarget.TYPE, t.type() == null ? null
                    : t.type().schema() == null ? t.type().name() : t.type().schema() + "." + t.type().name());
        } else if (ddl instanceof Ddl.AlterSequence s) {
            b.object(s.form(), LockTarget.SEQUENCE, s.sequence() == null ? null : ctx.key(s.sequence()));
        } else if (ddl instanceof Ddl.CreateView v && v.view() != null) {
            TargetTable t = ctx.target(v.view());
            if (v.orReplace() && t.status() != TargetTable.Status.UNKNOWN && t.status() != TargetTable.Status.GONE) {
                b.table(DdlForm.CREATE_OR_REPLACE_VIEW, LockTarget.VIEW, t);
            }
        } else if (ddl instanceof Ddl.AlterView v) {
            b.table(DdlForm.ALTER_VIEW, LockTarget.VIEW, v.view());
        } else if (ddl instanceof Ddl.Other o) {
            for (QualifiedName q : o.tables()) b.table(o.form(), LockTarget.TABLE, q);
        }
        return b.build();
    }

    private static void alterTable(Builder b, StatementContext ctx, Ddl.AlterTable at) {
        TargetTable target = ctx.target(at.table());
        for (AlterAction a : at.actions()) {
            DdlForm form = form(a);
            if (a instanceof AlterAction.Partition p) {
                b.table(form, LockTarget.PARENT, target);
                b.table(form, LockTarget.PARTITION, p.partition());
                continue;
            }
            b.table(form, LockTarget.TABLE, target);
            QualifiedName referenced = referenced(a);
            if (referenced != null) b.table(form, LockTarget.REFERENCED_TABLE, referenced);
            if (a instanceof AlterAction.AlterType type && type.column() != null) {
                // a key column's new type rebuilds its foreign keys: the referenced tables, and the tables whose
                // keys point at it, are locked too
                for (String ref : foreignKeysOfColumn(ctx, target, type.column())) {
                    b.table(form, LockTarget.REFERENCED_TABLE, ctx.target(split(ref)));
                }
                for (String referencing : referencingColumn(ctx, target, type.column())) {
                    b.table(form, LockTarget.REFERENCED_TABLE, ctx.target(split(referencing)));
                }
            }
            if (a instanceof AlterAction.DropColumn dc && dc.column() != null) {
                // the column's own foreign keys go with it, and their triggers live on the referenced tables
                for (String ref : foreignKeysOfColumn(ctx, target, dc.column())) {
                    b.table(form, LockTarget.REFERENCED_TABLE, ctx.target(split(ref)));
                }
            }
            if (a instanceof AlterAction.DropConstraint dc) {
                String ref = foreignKeyTarget(ctx, target, dc.name());
                if (ref != null) b.table(form, LockTarget.REFERENCED_TABLE, ctx.target(split(ref)));
            }
            String why = rewriteReason(a, target, ctx);
            if (why != null) b.rewrite(target.name(), why);
        }
    }

    /** The form of one ALTER TABLE subcommand. */
    public static DdlForm form(AlterAction a) {
        if (a instanceof AlterAction.AddColumn add) {
            return add.column().reference().isPresent() ? DdlForm.ADD_COLUMN_REFERENCES : DdlForm.ADD_COLUMN;
        }
        if (a instanceof AlterAction.DropColumn) return DdlForm.DROP_COLUMN;
        if (a instanceof AlterAction.AlterType) return DdlForm.ALTER_COLUMN_TYPE;
        if (a instanceof AlterAction.SetDefault || a instanceof AlterAction.DropDefault) return DdlForm.SET_DEFAULT;
        if (a instanceof AlterAction.SetNotNull) return DdlForm.SET_NOT_NULL;
        if (a instanceof AlterAction.DropNotNull) return DdlForm.DROP_NOT_NULL;
        if (a instanceof AlterAction.AddConstraint ac) {
            ConstraintDef c = ac.constraint();
            return switch (c.kind()) {
                case CHECK, NOT_NULL -> c.notValid() ? DdlForm.ADD_CHECK_NOT_VALID : DdlForm.ADD_CHECK;
                case FOREIGN_KEY -> DdlForm.ADD_FOREIGN_KEY;
                case UNIQUE, PRIMARY_KEY -> c.usingIndex() != null ? DdlForm.ADD_CONSTRAINT_USING_INDEX
                        : DdlForm.ADD_UNIQUE;
                case EXCLUDE -> DdlForm.ADD_UNIQUE;
            };
        }
        if (a instanceof AlterAction.ValidateConstraint) return DdlForm.VALIDATE_CONSTRAINT;
        if (a instanceof AlterAction.DropConstraint) return DdlForm.DROP_CONSTRAINT;
        if (a instanceof AlterAction.RenameColumn || a instanceof AlterAction.RenameTable) return DdlForm.RENAME_TABLE;
        if (a instanceof AlterAction.RenameConstraint) return DdlForm.RENAME_CONSTRAINT;
        if (a instanceof AlterAction.Rewrite r) return r.form();
        if (a instanceof AlterAction.Partition p) {
            return p.attach() ? DdlForm.ATTACH_PARTITION
                    : p.concurrently() ? DdlForm.DETACH_PARTITION_CONCURRENTLY : DdlForm.DETACH_PARTITION;
        }
        if (a instanceof AlterAction.Other o) return o.form();
        return DdlForm.ALTER_TABLE_OTHER;
    }

    private static QualifiedName referenced(AlterAction a) {
        if (a instanceof AlterAction.AddColumn add) return add.column().reference().map(ConstraintDef::references).orElse(null);
        if (a instanceof AlterAction.AddConstraint ac && ac.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY) {
            return ac.constraint().references();
        }
        return null;
    }

    /** The table a foreign key of {@code table} named {@code name} references (script first, then catalog). */
    static String foreignKeyTarget(StatementContext ctx, TargetTable table, String name) {
        if (name == null) return null;
        ScriptState.ForeignKeyRef added = ctx.state().foreignKey(name);
        if (added != null && added.table().equals(table.name())) return added.referenced();
        if (table.relation() != null && !ctx.state().isDependentDropped(table.name(), name)) {
            for (ForeignKey fk : table.relation().foreignKeys()) {
                if (fk.name().equals(name)) return fk.targetSchema() + "." + fk.targetTable();
            }
        }
        return null;
    }

    /** The tables referenced by the foreign keys of {@code table} that include {@code column}. */
    static List<String> foreignKeysOfColumn(StatementContext ctx, TargetTable table, String column) {
        List<String> out = new ArrayList<>();
        ctx.state().foreignKeysOf(table.name()).values().forEach(fk -> {
            if (fk.columns().contains(column) && !fk.referenced().equals(table.name())) out.add(fk.referenced());
        });
        if (table.relation() != null) {
            String live = ctx.state().liveColumn(table.name(), column);
            for (ForeignKey fk : table.relation().foreignKeys()) {
                String ref = fk.targetSchema() + "." + fk.targetTable();
                if (fk.columns().contains(live) && !ref.equals(table.name())
                        && !ctx.state().isDependentDropped(table.name(), fk.name()) && !out.contains(ref)) {
                    out.add(ref);
                }
            }
        }
        return out;
    }

    /** The tables with a foreign key that references this column of {@code table} (from the catalog). */
    static List<String> referencingColumn(StatementContext ctx, TargetTable table, String column) {
        List<String> out = new ArrayList<>();
        if (table.relation() == null || ctx.live().isEmpty()) return out;
        String live = ctx.state().liveColumn(table.name(), column);
        for (LiveDatabase.Dependent d : ctx.live().get().dependents(table.relation())) {
            if (d.kind().equals("foreign key") && live.equals(d.column()) && !out.contains(d.relation())
                    && !ctx.state().isGone(d.relation()) && !ctx.state().isDependentDropped(d.relation(), d.object())) {
                out.add(d.relation());
            }
        }
        return out;
    }

    private static QualifiedName split(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? new QualifiedName(null, key) : new QualifiedName(key.substring(0, dot), key.substring(dot + 1));
    }

    private static void drop(Builder b, StatementContext ctx, Ddl.Drop d) {
        switch (d.objectType()) {
            case "TABLE", "FOREIGN TABLE" -> {
                for (QualifiedName q : d.names()) {
                    TargetTable t = ctx.target(q);
                    b.table(DdlForm.DROP_TABLE, LockTarget.TABLE, t);
                    // its foreign keys' triggers live on the tables they reference
                    for (String ref : referencedBy(ctx, t)) {
                        b.table(DdlForm.DROP_TABLE, LockTarget.REFERENCED_TABLE, ctx.target(split(ref)));
                    }
                }
            }
            case "VIEW", "MATERIALIZED VIEW" -> {
                for (QualifiedName q : d.names()) b.table(DdlForm.DROP_VIEW, LockTarget.VIEW, q);
            }
            default -> {
            }
        }
        if (d.cascade() || !d.objectType().equals("TABLE")) cascade(b, ctx, d);
    }

    /** The tables {@code t}'s foreign keys reference (other than itself). */
    private static List<String> referencedBy(StatementContext ctx, TargetTable t) {
        List<String> out = new ArrayList<>();
        if (t.relation() != null) {
            for (ForeignKey fk : t.relation().foreignKeys()) {
                String ref = fk.targetSchema() + "." + fk.targetTable();
                if (!ref.equals(t.name()) && !out.contains(ref) && !ctx.state().isDependentDropped(t.name(), fk.name())) {
                    out.add(ref);
                }
            }
        }
        return out;
    }

    /**
     * What DROP … CASCADE (and dropping a function, which takes its triggers along) locks beyond the named object:
     * the tables whose triggers, policies, defaults, indexes or columns go with it. Only the database knows.
     */
    private static void cascade(Builder b, StatementContext ctx, Ddl.Drop d) {
        if (ctx.live().isEmpty()) return;
        for (LiveDatabase.Cascaded c : ctx.live().get().cascade(d.objectType(), d.names(), d.cascade())) {
            TargetTable t = ctx.target(split(c.relation()));
            if (t.isNew() || t.status() == TargetTable.Status.GONE) continue;
            b.mode(DdlForm.DROP_CASCADE, t.name(), c.kind().equals("table") ? "table" : "view",
                    DdlForm.DROP_CASCADE.mode(LockTarget.TABLE, ctx.pgVersion()), t);
        }
    }

    private static void maintenance(Builder b, StatementContext ctx, Ddl.Maintenance m) {
        DdlForm form = m.form();
        for (QualifiedName index : m.indexes()) {
            b.table(form, LockTarget.TABLE, ctx.indexTable(index));
            b.object(form, LockTarget.INDEXES, ctx.indexKey(index));
        }
        for (QualifiedName q : m.tables()) {
            TargetTable t = ctx.target(q);
            boolean view = form == DdlForm.REFRESH_MATERIALIZED_VIEW || form == DdlForm.REFRESH_MATERIALIZED_VIEW_CONCURRENTLY;
            b.table(form, view ? LockTarget.VIEW : LockTarget.TABLE, t);
            if (form == DdlForm.REINDEX && t.relation() != null) {
                for (Index i : t.relation().indexes()) {
                    b.object(form, LockTarget.INDEXES, t.relation().schema() + "." + i.name());
                }
            }
            if (m.rewrites() && !t.isNew()) b.rewrite(t.name(), m.label() + " writes the table into a new file");
            else if (m.rewrites()) b.rewrite(t.name(), m.label() + " writes the table into a new file");
        }
    }

    /** Why the subcommand rewrites the table, or null when it does not. */
    public static String rewriteReason(AlterAction a, TargetTable target, StatementContext ctx) {
        if (a instanceof AlterAction.AddColumn add) return addColumnRewrite(add.column(), ctx).orElse(null);
        if (a instanceof AlterAction.AlterType t) {
            TypeChange.Verdict v = typeChange(t, target, ctx);
            if (Boolean.FALSE.equals(v.rewrites())) return null;
            Optional<TypeName> from = currentType(target, t.column(), ctx);
            return from.map(f -> "the type change " + f.text() + " → " + t.type() + " rewrites every row ("
                    + v.reason() + ")").orElse("a type change rewrites every row unless the old values are valid "
                    + "as they are (" + v.reason() + ")");
        }
        if (a instanceof AlterAction.Rewrite r) {
            // PostgreSQL skips the work when the table is already there (same tablespace, method, persistence)
            if (target.relation() != null && ctx.live().isPresent() && r.argument() != null) {
                Optional<LiveDatabase.Storage> storage = ctx.live().get().storage(target.relation());
                if (storage.isPresent() && storage.get().already(r.form(), r.argument())) return null;
            }
            return r.what() + " writes the table into a new file";
        }
        return null;
    }

    /** PostgreSQL's verdict on a column type change, in the session the script has set up. */
    public static TypeChange.Verdict typeChange(AlterAction.AlterType t, TargetTable target, StatementContext ctx) {
        TypeName from = currentType(target, t.column(), ctx).orElse(null);
        return TypeChange.judge(from, t.type(), t.using(), t.column(), timezone(ctx), ctx.pgVersion(), ctx.live());
    }

    /** The session's TimeZone: set by the script, else the server's (with a database), else unknown. */
    public static String timezone(StatementContext ctx) {
        String set = ctx.state().setting("timezone");
        if (set != null && TimeZones.isUtc(set) != null) return set;
        if (set != null && !set.trim().equalsIgnoreCase("local") && !set.trim().equalsIgnoreCase("default")) {
            return set;
        }
        return ctx.live().map(LiveDatabase::timeZone).orElse(TimeZones.UNKNOWN);
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
        if (col.type() != null && ctx.live().isPresent()) {
            Optional<LiveDatabase.Domain> domain = ctx.live().get().domain(col.type().text());
            if (domain.isPresent() && domain.get().hasConstraints()) {
                return Optional.of("the domain " + col.type().text() + " has constraints, checked by writing every "
                        + "existing row");
            }
        }
        if (col.defaultExpr() == null || col.defaultExpr().trim().equalsIgnoreCase("null")) return Optional.empty();
        if (ctx.pgVersion() < 11) {
            return Optional.of("before PostgreSQL 11 any DEFAULT on a new column rewrites the table");
        }
        return Volatility.volatileCall(col.defaultExpr(), ctx.live()).map(call -> call.certain()
                ? "DEFAULT " + col.defaultExpr().trim() + " is volatile (" + call.function()
                + "()), so it is evaluated and written for every existing row"
                : "DEFAULT " + col.defaultExpr().trim() + " calls " + call.function() + "(), which may be volatile "
                + "(run with --url to know); a volatile default is written for every existing row");
    }

    /** The column's type now: from the table the script created or changed, or from the catalog. */
    public static Optional<TypeName> currentType(TargetTable target, String column, StatementContext ctx) {
        ScriptState s = ctx.state();
        if (target.isNew()) {
            ScriptState.NewTable t = s.created(target.name());
            return t == null ? Optional.empty() : Optional.ofNullable(t.columns().get(column));
        }
        ColumnDef added = s.addedColumn(target.name(), column);
        if (added != null) return Optional.ofNullable(added.type());
        if (target.relation() == null) return Optional.empty();
        String live = s.liveColumn(target.name(), column);
        return target.relation().column(live).map(Column::type).map(TypeName::fromCatalog);
    }

    /** A relation of the live catalog by key. */
    static Optional<Relation> relation(StatementContext ctx, String key) {
        int dot = key.indexOf('.');
        if (dot < 0 || ctx.live().isEmpty()) return Optional.empty();
        return ctx.live().get().catalog().find(key.substring(0, dot), key.substring(dot + 1));
    }
}
