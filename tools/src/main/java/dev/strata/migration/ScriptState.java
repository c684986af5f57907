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
 * What the script has done so far, as review walks it statement by statement: the tables it created (empty,
 * with their columns), the transaction it is in, whether a lock_timeout is in force, the indexes and
 * constraints it added and the comments it wrote. Tables created by an earlier file of the same {@code check}
 * run count as created: files are migrations applied in order.
 */
public final class ScriptState {

    /** A table created by the script, with what is known of it. */
    public static final class NewTable {
        final Map<String, TypeName> columns = new LinkedHashMap<>();

        public Map<String, TypeName> columns() {
            return columns;
        }
    }

    private final Map<String, NewTable> created = new HashMap<>();
    /** Columns added to existing tables by the script, per table. */
    private final Map<String, Integer> addedColumns = new HashMap<>();
    private final Map<String, List<List<String>>> indexes = new HashMap<>();
    private final Map<String, String> indexTables = new HashMap<>();
    private final Set<String> notNullChecks = new HashSet<>();
    private final Map<String, ConstraintDef> notValid = new HashMap<>();
    private final Map<String, String> notValidTables = new HashMap<>();
    private final Set<String> comments = new HashSet<>();
    private final boolean assumeInTransaction;
    private boolean inTransaction;
    private boolean lockTimeout;
    private boolean localLockTimeout;

    public ScriptState(boolean assumeInTransaction) {
        this.assumeInTransaction = assumeInTransaction;
    }

    /** A fresh state for the next file: created tables carry over, the session does not. */
    public ScriptState nextFile(boolean assumeInTransaction) {
        ScriptState next = new ScriptState(assumeInTransaction);
        // copies, so a file whose review is abandoned cannot change what later files see
        created.forEach((name, table) -> {
            NewTable copy = new NewTable();
            copy.columns.putAll(table.columns);
            next.created.put(name, copy);
        });
        indexes.forEach((table, list) -> next.indexes.put(table, new ArrayList<>(list)));
        next.indexTables.putAll(indexTables);
        return next;
    }

    // ---- tables

    public boolean isCreated(String table) {
        return created.containsKey(table);
    }

    public NewTable created(String table) {
        return created.get(table);
    }

    void create(String table, List<ColumnDef> columns) {
        NewTable t = new NewTable();
        for (ColumnDef c : columns) t.columns.put(c.name(), c.type());
        created.put(table, t);
    }

    void rename(String from, String to) {
        NewTable t = created.remove(from);
        if (t != null) created.put(to, t);
    }

    void drop(String table) {
        created.remove(table);
    }

    void addColumn(String table, ColumnDef column) {
        NewTable t = created.get(table);
        if (t != null) t.columns.put(column.name(), column.type());
        else addedColumns.merge(table, 1, Integer::sum);
    }

    public int addedColumns(String table) {
        return addedColumns.getOrDefault(table, 0);
    }

    // ---- indexes and constraints

    void index(String table, String indexName, List<String> columns) {
        indexes.computeIfAbsent(table, k -> new ArrayList<>()).add(columns);
        if (indexName != null) indexTables.put(indexName, table);
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

    void validatedNotNullCheck(String table, String column) {
        notNullChecks.add(table + "." + column);
    }

    public boolean hasValidatedNotNullCheck(String table, String column) {
        return notNullChecks.contains(table + "." + column);
    }

    void notValid(String table, ConstraintDef constraint) {
        if (constraint.name() == null) return;
        notValid.put(constraint.name(), constraint);
        notValidTables.put(constraint.name(), table);
    }

    /** A constraint added NOT VALID earlier in the script, by name. */
    public ConstraintDef notValidConstraint(String name) {
        return name == null ? null : notValid.get(name);
    }

    // ---- comments

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

    // ---- session

    public boolean inTransaction() {
        return inTransaction || assumeInTransaction;
    }

    void begin() {
        inTransaction = true;
    }

    void end() {
        inTransaction = false;
        localLockTimeout = false;
    }

    public boolean lockTimeoutSet() {
        return lockTimeout || localLockTimeout;
    }

    void lockTimeout(boolean on, boolean local) {
        if (local) localLockTimeout = on;
        else {
            lockTimeout = on;
            if (!on) localLockTimeout = false;
        }
    }
}
