package dev.strata.migration;

import dev.strata.migration.ddl.ColumnDef;
import dev.strata.migration.ddl.ConstraintDef;
import dev.strata.migration.ddl.TypeName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The script model: what the database looks like as review walks the script statement by statement. Objects the
 * script created, dropped or renamed (tables, views, indexes, columns, constraints, policies, triggers), what it
 * did to the data (a table emptied, a column backfilled, rows inserted), the session it runs in (transaction,
 * settings such as lock_timeout, statement_timeout and TimeZone) and the locks the open transaction holds.
 * Rules read it to judge each statement in the state the earlier ones left; the live catalog answers only for
 * what the script has not touched. Tables created by an earlier file of the same {@code check} run count as
 * created: files are migrations applied in order.
 *
 * <p>Keys are {@code schema.name} in PostgreSQL's stored (unquoted, folded) form.
 */
public final class ScriptState {

    /** A table created by the script, with what is known of it. */
    public static final class NewTable {
        final Map<String, TypeName> columns = new LinkedHashMap<>();
        final Set<String> notNull = new HashSet<>();
        boolean columnsKnown = true;

        public Map<String, TypeName> columns() {
            return columns;
        }

        /** Whether {@link #columns} is every column (no LIKE, INHERITS, PARTITION OF, AS). */
        public boolean columnsKnown() {
            return columnsKnown;
        }

        public boolean notNull(String column) {
            return notNull.contains(column);
        }

        NewTable copy() {
            NewTable t = new NewTable();
            t.columns.putAll(columns);
            t.notNull.addAll(notNull);
            t.columnsKnown = columnsKnown;
            return t;
        }
    }

    /** A foreign key the script added: its table, its columns and the table it references. */
    public record ForeignKeyRef(String table, List<String> columns, String referenced) {
    }

    /** What the script did to a table's rows, by line (0: never). */
    public static final class Data {
        int emptied;
        int inserted;
        int deleted;
        final Map<String, Integer> updated = new HashMap<>();
        final Map<String, Integer> backfilled = new HashMap<>();

        Data copy() {
            Data d = new Data();
            d.emptied = emptied;
            d.inserted = inserted;
            d.deleted = deleted;
            d.updated.putAll(updated);
            d.backfilled.putAll(backfilled);
            return d;
        }
    }

    // ---- objects
    private final Map<String, NewTable> created = new HashMap<>();
    private final Set<String> createdViews = new HashSet<>();
    /** Relations (tables, views, materialized views, indexes) that existed before and the script dropped. */
    private final Set<String> dropped = new HashSet<>();
    /** Current key → the key the relation has in the live catalog (renamed by the script). */
    private final Map<String, String> renamedFrom = new HashMap<>();
    /** Live keys the script renamed away. */
    private final Set<String> renamedAway = new HashSet<>();
    /** Table key → (current column name → live column name), for columns the script renamed. */
    private final Map<String, Map<String, String>> columnRenames = new HashMap<>();
    /** Table key → live column names the script dropped (or renamed away). */
    private final Map<String, Set<String>> droppedColumns = new HashMap<>();
    /** Existing table key → the columns the script added to it. */
    private final Map<String, Map<String, ColumnDef>> addedColumns = new HashMap<>();
    /** "table key/name" of constraints, policies, triggers and rules the script dropped. */
    private final Set<String> droppedDependents = new HashSet<>();
    private final Map<String, ForeignKeyRef> foreignKeys = new HashMap<>();
    private final Map<String, List<List<String>>> indexes = new HashMap<>();
    private final Map<String, String> indexTables = new HashMap<>();
    private final Set<String> notNullChecks = new HashSet<>();
    private final Map<String, ConstraintDef> notValid = new HashMap<>();
    private final Set<String> comments = new HashSet<>();
    private final Map<String, Data> data = new HashMap<>();
    /** A statement the model could not follow (dynamic SQL, an unrecognised statement): absence proves less. */
    private int opaqueLine;

    // ---- session
    private final boolean assumeInTransaction;
    private boolean inTransaction;
    private final Map<String, String> sessionSettings = new HashMap<>();
    private final Map<String, String> localSettings = new HashMap<>();
    /** Locks the open transaction holds, by object key. */
    private final Map<String, LockMode> held = new HashMap<>();

    public ScriptState(boolean assumeInTransaction) {
        this.assumeInTransaction = assumeInTransaction;
    }

    /** A fresh state for the next file: the schema the earlier files left carries over, the session does not. */
    public ScriptState nextFile(boolean assumeInTransaction) {
        ScriptState next = new ScriptState(assumeInTransaction);
        // copies, so a file whose review is abandoned cannot change what later files see
        created.forEach((k, t) -> next.created.put(k, t.copy()));
        next.createdViews.addAll(createdViews);
        next.dropped.addAll(dropped);
        next.renamedFrom.putAll(renamedFrom);
        next.renamedAway.addAll(renamedAway);
        columnRenames.forEach((k, m) -> next.columnRenames.put(k, new HashMap<>(m)));
        droppedColumns.forEach((k, s) -> next.droppedColumns.put(k, new HashSet<>(s)));
        addedColumns.forEach((k, m) -> next.addedColumns.put(k, new LinkedHashMap<>(m)));
        next.droppedDependents.addAll(droppedDependents);
        next.foreignKeys.putAll(foreignKeys);
        indexes.forEach((k, l) -> next.indexes.put(k, new ArrayList<>(l)));
        next.indexTables.putAll(indexTables);
        next.notNullChecks.addAll(notNullChecks);
        next.comments.addAll(comments);
        data.forEach((k, d) -> next.data.put(k, d.copy()));
        next.opaqueLine = opaqueLine;
        return next;
    }

    // ------------------------------------------------------------------ tables and views

    public boolean isCreated(String table) {
        return created.containsKey(table);
    }

    public NewTable created(String table) {
        return created.get(table);
    }

    public boolean isCreatedView(String view) {
        return createdViews.contains(view);
    }

    /** Whether a relation the live catalog has was dropped or renamed away by the script. */
    public boolean isGone(String liveKey) {
        return dropped.contains(liveKey) || renamedAway.contains(liveKey);
    }

    /** The live key of a relation the script renamed to {@code key}, or null. */
    public String renamedFrom(String key) {
        return renamedFrom.get(key);
    }

    void create(String table, List<ColumnDef> columns, boolean columnsKnown) {
        NewTable t = new NewTable();
        t.columnsKnown = columnsKnown;
        for (ColumnDef c : columns) {
            t.columns.put(c.name(), c.type());
            if (c.notNull()) t.notNull.add(c.name());
        }
        created.put(table, t);
        dropped.remove(table);
        data.remove(table);
    }

    void createView(String view) {
        createdViews.add(view);
        dropped.remove(view);
    }

    void renameTable(String from, String to, String liveFrom) {
        NewTable t = created.remove(from);
        if (t != null) {
            created.put(to, t);
        } else {
            String original = renamedFrom.remove(from);
            String live = original != null ? original : liveFrom;
            if (live != null) {
                renamedFrom.put(to, live);
                renamedAway.add(live);
            }
            move(columnRenames, from, to);
            move(droppedColumns, from, to);
            move(addedColumns, from, to);
        }
        if (createdViews.remove(from)) createdViews.add(to);
        move(data, from, to);
        move(indexes, from, to);
        indexTables.replaceAll((index, table) -> table.equals(from) ? to : table);
    }

    private static <V> void move(Map<String, V> map, String from, String to) {
        V v = map.remove(from);
        if (v != null) map.put(to, v);
    }

    /** A relation dropped: a table, view, materialized view or index ({@code existed}: the live catalog had it). */
    void dropRelation(String key, boolean existed) {
        created.remove(key);
        createdViews.remove(key);
        String original = renamedFrom.remove(key);
        if (original != null) dropped.add(original);
        else if (existed) dropped.add(key);
        data.remove(key);
        indexes.remove(key);
        indexTables.remove(key);
    }

    /** Whether a live relation (view, index…) was dropped by the script, directly or with CASCADE. */
    public boolean isDropped(String liveKey) {
        return dropped.contains(liveKey);
    }

    // ------------------------------------------------------------------ columns

    void addColumn(String table, ColumnDef column) {
        NewTable t = created.get(table);
        if (t != null) {
            t.columns.put(column.name(), column.type());
            if (column.notNull()) t.notNull.add(column.name());
        } else {
            addedColumns.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(column.name(), column);
            Set<String> gone = droppedColumns.get(table);
            if (gone != null) gone.remove(column.name());
        }
    }

    void dropColumn(String table, String column) {
        NewTable t = created.get(table);
        if (t != null) {
            t.columns.remove(column);
            return;
        }
        Map<String, ColumnDef> added = addedColumns.get(table);
        if (added != null && added.remove(column) != null) return;
        droppedColumns.computeIfAbsent(table, k -> new HashSet<>()).add(liveColumn(table, column));
        Map<String, String> renames = columnRenames.get(table);
        if (renames != null) renames.remove(column);
    }

    void renameColumn(String table, String from, String to) {
        NewTable t = created.get(table);
        if (t != null) {
            TypeName type = t.columns.remove(from);
            t.columns.put(to, type);
            if (t.notNull.remove(from)) t.notNull.add(to);
            return;
        }
        Map<String, ColumnDef> added = addedColumns.get(table);
        if (added != null && added.containsKey(from)) {
            ColumnDef c = added.remove(from);
            added.put(to, new ColumnDef(to, c.quoted(), c.type(), c.notNull(), c.defaultExpr(), c.generated(),
                    c.constraints(), c.at()));
            return;
        }
        String live = liveColumn(table, from);
        Map<String, String> renames = columnRenames.computeIfAbsent(table, k -> new HashMap<>());
        renames.remove(from);
        renames.put(to, live);
        droppedColumns.computeIfAbsent(table, k -> new HashSet<>()).add(live);
    }

    void changeColumnType(String table, String column, TypeName type) {
        NewTable t = created.get(table);
        if (t != null) {
            t.columns.put(column, type);
            return;
        }
        Map<String, ColumnDef> added = addedColumns.get(table);
        if (added != null && added.containsKey(column)) {
            ColumnDef c = added.get(column);
            added.put(column, new ColumnDef(c.name(), c.quoted(), type, c.notNull(), c.defaultExpr(), c.generated(),
                    c.constraints(), c.at()));
        }
    }

    void setNotNull(String table, String column) {
        NewTable t = created.get(table);
        if (t != null) t.notNull.add(column);
    }

    /** The live name of a column of an existing table, as the script now calls it. */
    public String liveColumn(String table, String column) {
        Map<String, String> renames = columnRenames.get(table);
        return renames != null && renames.containsKey(column) ? renames.get(column) : column;
    }

    /** Whether the script dropped (or renamed away) this live column of an existing table. */
    public boolean isColumnGone(String table, String liveColumn) {
        Set<String> gone = droppedColumns.get(table);
        return gone != null && gone.contains(liveColumn) && !isRenamedTarget(table, liveColumn);
    }

    private boolean isRenamedTarget(String table, String liveColumn) {
        Map<String, String> renames = columnRenames.get(table);
        return renames != null && renames.containsKey(liveColumn) && renames.get(liveColumn).equals(liveColumn);
    }

    /** A column the script added to an existing table, or null. */
    public ColumnDef addedColumn(String table, String column) {
        Map<String, ColumnDef> added = addedColumns.get(table);
        return added == null ? null : added.get(column);
    }

    /** The names of the columns the script added to an existing table. */
    public List<String> addedColumnNames(String table) {
        Map<String, ColumnDef> added = addedColumns.get(table);
        return added == null ? List.of() : List.copyOf(added.keySet());
    }

    /** How many columns the script added to an existing table. */
    public int addedColumns(String table) {
        Map<String, ColumnDef> added = addedColumns.get(table);
        return added == null ? 0 : added.size();
    }

    /** The names the script gave to live columns of a table (current name → live name). */
    public Map<String, String> columnRenames(String table) {
        return columnRenames.getOrDefault(table, Map.of());
    }

    // ------------------------------------------------------------------ constraints, indexes, dependents

    void index(String table, String indexName, List<String> columns) {
        indexes.computeIfAbsent(table, k -> new ArrayList<>()).add(columns);
        if (indexName != null) {
            indexTables.put(indexName, table);
            dropped.remove(indexName);
        }
    }

    /** Whether an index created by the script on {@code table} leads with {@code columns}. */
    public boolean hasIndexLeadingWith(String table, List<String> columns) {
        for (List<String> idx : indexes.getOrDefault(table, List.of())) {
            if (idx.size() >= columns.size() && idx.subList(0, columns.size()).equals(columns)) return true;
        }
        return false;
    }

    /** The table of an index the script created, or null. */
    public String tableOfIndex(String indexName) {
        return indexTables.get(indexName);
    }

    void foreignKey(String name, String table, List<String> columns, String referenced) {
        // an unnamed key gets PostgreSQL's name: table_col1_col2_fkey
        String key = name != null ? name
                : table.substring(table.indexOf('.') + 1) + "_" + String.join("_", columns) + "_fkey";
        foreignKeys.put(key, new ForeignKeyRef(table, List.copyOf(columns), referenced));
    }

    /** The foreign keys the script added to a table. */
    public Map<String, ForeignKeyRef> foreignKeysOf(String table) {
        Map<String, ForeignKeyRef> out = new LinkedHashMap<>();
        foreignKeys.forEach((name, fk) -> {
            if (fk.table().equals(table)) out.put(name, fk);
        });
        return out;
    }

    /** A foreign key the script added, by name. */
    public ForeignKeyRef foreignKey(String name) {
        return name == null ? null : foreignKeys.get(name);
    }

    /** A constraint, policy, trigger or rule of {@code table} dropped by the script. */
    void dropDependent(String table, String name) {
        droppedDependents.add(table + "/" + name);
        foreignKeys.remove(name);
    }

    public boolean isDependentDropped(String table, String name) {
        return droppedDependents.contains(table + "/" + name);
    }

    void validatedNotNullCheck(String table, String column) {
        notNullChecks.add(table + "." + column);
    }

    public boolean hasValidatedNotNullCheck(String table, String column) {
        return notNullChecks.contains(table + "." + column);
    }

    void notValid(String table, ConstraintDef constraint) {
        if (constraint.name() == null) return;
        notValid.put(constraint.name(), constraint);
    }

    /** A constraint added NOT VALID earlier in the script, by name. */
    public ConstraintDef notValidConstraint(String name) {
        return name == null ? null : notValid.get(name);
    }

    // ------------------------------------------------------------------ comments

    void comment(String table, String column) {
        comments.add(column == null ? table : table + "." + column);
    }

    /** Whether the script writes any comment at all (a team that documents its schema). */
    public boolean anyComment() {
        return !comments.isEmpty();
    }

    public boolean hasComment(String table, String column) {
        return comments.contains(column == null ? table : table + "." + column);
    }

    // ------------------------------------------------------------------ data

    private Data data(String table) {
        return data.computeIfAbsent(table, k -> new Data());
    }

    void emptied(String table, int line) {
        Data d = data(table);
        d.emptied = line;
        d.inserted = 0;
        d.deleted = 0;
        d.updated.clear();
        d.backfilled.clear();
    }

    void inserted(String table, int line) {
        data(table).inserted = line;
    }

    void deleted(String table, int line) {
        data(table).deleted = line;
    }

    void updated(String table, List<String> columns, boolean backfill, int line) {
        Data d = data(table);
        for (String c : columns) {
            d.updated.put(c, line);
            if (backfill) d.backfilled.put(c, line);
        }
    }

    /**
     * Whether the table certainly has no rows at this point: created by the script (or an earlier file of the
     * run), or emptied by a DELETE without WHERE or a TRUNCATE, and no row inserted since.
     */
    public boolean knownEmpty(String table) {
        Data d = data.get(table);
        if (isCreated(table)) return d == null || d.inserted == 0;
        return d != null && d.emptied > 0 && d.inserted == 0;
    }

    /** The line of an earlier UPDATE that set every NULL of the column (no WHERE, or WHERE column IS NULL), or 0. */
    public int backfilled(String table, String column) {
        Data d = data.get(table);
        return d == null ? 0 : d.backfilled.getOrDefault(column, 0);
    }

    /**
     * The line of an earlier statement of the script that changed rows a check on these columns would read
     * (DELETE, INSERT, or an UPDATE of one of them), or 0: the live data no longer answers for the table as the
     * statement will find it.
     */
    public int rowsChangedAt(String table, List<String> columns) {
        Data d = data.get(table);
        if (d == null) return 0;
        int line = Math.max(d.inserted, Math.max(d.deleted, d.emptied));
        for (String c : columns) line = Math.max(line, d.updated.getOrDefault(c, 0));
        return line;
    }

    /** The line of an earlier statement the model could not follow (0: none). */
    public int opaqueLine() {
        return opaqueLine;
    }

    void opaque(int line) {
        if (opaqueLine == 0) opaqueLine = line;
    }

    // ------------------------------------------------------------------ session

    public boolean inTransaction() {
        return inTransaction || assumeInTransaction;
    }

    void begin() {
        inTransaction = true;
    }

    void end() {
        inTransaction = false;
        localSettings.clear();
        held.clear();
    }

    /** After a statement run outside any transaction block: its locks are gone. */
    void statementEnded() {
        if (!inTransaction()) {
            held.clear();
            localSettings.clear();
        }
    }

    void set(String name, String value, boolean local) {
        if (name.equals("all") && value == null) {
            sessionSettings.clear();
            localSettings.clear();
            return;
        }
        if (local) localSettings.put(name, value);
        else {
            sessionSettings.put(name, value);
            localSettings.remove(name);
        }
    }

    /**
     * The value the script gave a setting ({@code SET}, {@code SET LOCAL}, {@code set_config}), or null when it
     * has not set one (or RESET it): the server's default applies.
     */
    public String setting(String name) {
        if (localSettings.containsKey(name)) return localSettings.get(name);
        return sessionSettings.get(name);
    }

    private static final java.util.regex.Pattern ZERO_TIMEOUT = java.util.regex.Pattern.compile("0+\\s*(ms|s|min|h|d|us)?");

    /** Whether a timeout setting is in force with a non-zero value. */
    public boolean timeoutSet(String name) {
        String v = setting(name);
        if (v == null) return false;
        String t = v.trim().replace("'", "").toLowerCase(java.util.Locale.ROOT);
        return !(t.isEmpty() || t.equals("default") || ZERO_TIMEOUT.matcher(t).matches());
    }

    public boolean lockTimeoutSet() {
        return timeoutSet("lock_timeout");
    }

    /** Records a lock the open transaction (or DO block) now holds. */
    void hold(String object, LockMode mode) {
        held.merge(object, mode, LockMode::max);
    }

    /** The strongest lock the open transaction already holds on the object (NONE when none). */
    public LockMode held(String object) {
        return held.getOrDefault(object, LockMode.NONE);
    }
}
