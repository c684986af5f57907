package dev.strata.query;

import dev.strata.db.Database;
import dev.strata.db.DatabaseUnavailableException;
import dev.strata.schema.ToolException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code explain_query}: PostgreSQL's plan for one statement that the guardrail already judged read-only, and
 * warnings about what would make it slow or huge. The statement is never executed: only
 * {@code EXPLAIN (FORMAT JSON, VERBOSE)} runs (never ANALYZE), in a READ ONLY transaction that is always rolled
 * back, with {@code statement_timeout} and {@code lock_timeout} set LOCAL to it (planning takes locks on every
 * table the statement reads, so it can wait behind a migration).
 *
 * <p>VERBOSE is used for its schema names and alias-qualified conditions (they tell a parameterized inner side of
 * a nested loop from a cartesian product); its output lists are dropped with everything else the trimmed plan
 * does not keep.
 *
 * <p>The caller must pass exactly one statement (see {@link QueryRunner}).
 */
public final class ExplainAnalyzer {

    /** A sequential scan of a table with more rows than this is worth a warning. */
    public static final long SEQ_SCAN_TABLE_ROWS = 100_000;
    /** A nested loop whose outer rows times inner rows (per loop) exceed this is worth a warning. */
    public static final double NESTED_LOOP_ROW_PRODUCT = 10_000_000;
    /** A statement estimated to return more rows than this is worth a warning. */
    public static final long HUGE_RESULT_ROWS = 1_000_000;
    /** A sort or hash table over more rows than this is worth a warning (memory, spills to disk). */
    public static final long SORT_OR_HASH_ROWS = 1_000_000;
    /**
     * A join without any condition gives fewer row combinations than this only for small lookup tables
     * (12 regions × 12 regions), which is usually deliberate and cheap: no warning below it.
     */
    public static final double CARTESIAN_MIN_ROWS = 10_000;
    /**
     * A sequential scan under a LIMIT that the planner expects to stop early (the LIMIT costs less than this
     * fraction of the scan) reads only a few pages: no warning.
     */
    public static final double LIMIT_EARLY_STOP_FRACTION = 0.1;
    /** The trimmed plan keeps at most this many nodes (breadth first, so the top of the plan survives). */
    public static final int MAX_PLAN_NODES = 60;
    /** …and no node deeper than this. */
    public static final int MAX_PLAN_DEPTH = 25;
    /** Conditions longer than this (a 10,000-value IN list) are cut. */
    public static final int MAX_CONDITION_CHARS = 300;
    /** At most this many warnings; the rest are counted. */
    public static final int MAX_WARNINGS = 12;

    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(2);

    private static final JsonMapper PLAN_READER = JsonMapper.builder().build();
    /** Node fields that name things rather than hold expressions; skipped when looking for outer references. */
    private static final Set<String> NOT_EXPRESSIONS = Set.of("Node Type", "Output", "Relation Name", "Schema",
            "Alias", "Index Name", "Parent Relationship", "Join Type", "Strategy", "Scan Direction", "Partial Mode",
            "Subplan Name", "CTE Name", "Function Name", "Command", "Plans");
    private static final Set<String> ROW_JOIN_TYPES = Set.of("Inner", "Left", "Right", "Full");

    /** Row counts of tables, and the leading columns of their valid, non-partial indexes (primary key first). */
    private static final String TABLE_FACTS = """
            SELECT t.s, t.r, c.reltuples::float8,
                   (SELECT string_agg(x.col, ', ' ORDER BY x.first_index)
                      FROM (SELECT quote_ident(a.attname) AS col, min(i.indexrelid::int8) AS first_index
                              FROM pg_index i
                              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                             WHERE i.indrelid = c.oid AND i.indisvalid AND i.indpred IS NULL
                             GROUP BY 1) x)
              FROM unnest(?::text[], ?::text[]) AS t(s, r)
              JOIN pg_namespace n ON n.nspname = t.s
              JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = t.r""";

    private final Database database;
    private final Duration statementTimeout;
    private final Duration lockTimeout;

    public ExplainAnalyzer(Database database) {
        this(database, DEFAULT_STATEMENT_TIMEOUT, DEFAULT_LOCK_TIMEOUT);
    }

    public ExplainAnalyzer(Database database, Duration statementTimeout, Duration lockTimeout) {
        this.database = database;
        this.statementTimeout = statementTimeout;
        this.lockTimeout = lockTimeout;
    }

    /** Plans {@code sql}, a single read-only statement, without running it. */
    public ExplainResult explain(String sql) {
        try {
            return ReadOnlyTransaction.run(database, statementTimeout, lockTimeout, c -> {
                Node root = parse(plan(c, stripTrailingSemicolon(sql)));
                Map<String, TableFacts> facts = tableFacts(c, root);
                String workMem = setting(c, "work_mem");
                List<String> warnings = warnings(root, facts, workMem);
                return new ExplainResult(root.cost, Math.round(root.rows), warnings, trim(root));
            });
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private String plan(Connection c, String sql) throws SQLException {
        // The newline keeps a trailing line comment of the statement from swallowing anything.
        String explain = "EXPLAIN (FORMAT JSON, VERBOSE) " + sql + "\n";
        if (!PgProtocol.sentWhole(explain)) {
            throw new ToolException("the statement cannot be sent to PostgreSQL as one statement; send one query");
        }
        try (Statement st = c.createStatement()) {
            // Sent as written: no JDBC escape processing.
            st.setEscapeProcessing(false);
            // Client-side backstop in case the server-side timeout cannot fire (a stuck network).
            st.setQueryTimeout((int) Math.max(1, statementTimeout.toSeconds() + 2));
            try (ResultSet rs = st.executeQuery(explain)) {
                if (!rs.next()) throw new ToolException("PostgreSQL returned no plan for the statement");
                return rs.getString(1);
            }
        }
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "?";
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The plan as parsed: every node, with only the fields the trimming and the warnings need.

    /** One node of PostgreSQL's plan. */
    static final class Node {
        String type;
        String relationship;
        String schema;
        String relation;
        String alias;
        String label;
        String index;
        String joinType;
        double rows;
        double width;
        double cost;
        final Map<String, String> conditions = new HashMap<>();
        /** Every expression of the node, to find references to the outer side of a nested loop. */
        final StringBuilder expressions = new StringBuilder();
        final List<Node> children = new ArrayList<>();
        int size;

        String condition(String name) {
            return conditions.get(name);
        }

        boolean hasRelation() {
            return relation != null;
        }

        String qualified() {
            return schema == null ? relation : schema + "." + relation;
        }
    }

    static Node parse(String json) {
        JsonNode tree;
        try {
            tree = PLAN_READER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalStateException("EXPLAIN returned JSON that does not parse: " + e.getOriginalMessage(), e);
        }
        JsonNode plan = tree.isArray() && !tree.isEmpty() ? tree.get(0).get("Plan") : null;
        if (plan == null || !plan.isObject()) throw new IllegalStateException("EXPLAIN returned no \"Plan\"");
        return node(plan);
    }

    private static Node node(JsonNode json) {
        Node n = new Node();
        String type = text(json, "Node Type");
        String strategy = text(json, "Strategy");
        if (json.path("Parallel Aware").asBoolean(false)) type = "Parallel " + type;
        if (strategy != null && !strategy.equals("Plain")) type = type + " (" + strategy + ")";
        n.type = type;
        n.relationship = text(json, "Parent Relationship");
        n.schema = text(json, "Schema");
        n.relation = text(json, "Relation Name");
        n.alias = text(json, "Alias");
        n.label = n.relation != null ? n.qualified()
                : text(json, "CTE Name") != null ? text(json, "CTE Name")
                : text(json, "Function Name") != null
                ? (n.schema == null ? "" : n.schema + ".") + text(json, "Function Name")
                : null;
        n.index = text(json, "Index Name");
        n.joinType = text(json, "Join Type");
        n.rows = number(json, "Plan Rows");
        n.width = number(json, "Plan Width");
        n.cost = number(json, "Total Cost");
        for (String key : List.of("Index Cond", "Recheck Cond", "Hash Cond", "Merge Cond", "Join Filter", "Filter",
                "One-Time Filter")) {
            String value = text(json, key);
            if (value != null) n.conditions.put(key, value);
        }
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            if (NOT_EXPRESSIONS.contains(e.getKey())) continue;
            collectStrings(e.getValue(), n.expressions);
        }
        n.size = 1;
        for (JsonNode child : json.path("Plans")) {
            Node c = node(child);
            n.children.add(c);
            n.size += c.size;
        }
        return n;
    }

    private static void collectStrings(JsonNode value, StringBuilder out) {
        if (value.isString()) {
            out.append(value.stringValue()).append('\n');
        } else if (value.isArray()) {
            for (JsonNode v : value) collectStrings(v, out);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v != null && v.isString() ? v.stringValue() : null;
    }

    private static double number(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v != null && v.isNumber() ? v.doubleValue() : 0;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Catalog facts for the tables that are scanned sequentially, read in the same transaction.

    record TableFacts(double reltuples, String indexedColumns) {
    }

    private static Map<String, TableFacts> tableFacts(Connection c, Node root) throws SQLException {
        Map<String, Node> scanned = new LinkedHashMap<>();
        collectSeqScans(root, scanned);
        if (scanned.isEmpty()) return Map.of();
        List<String> schemas = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Node n : scanned.values()) {
            if (n.schema == null) continue;
            schemas.add(n.schema);
            names.add(n.relation);
        }
        Map<String, TableFacts> out = new HashMap<>();
        if (names.isEmpty()) return out;
        try (PreparedStatement ps = c.prepareStatement(TABLE_FACTS)) {
            Array s = c.createArrayOf("text", schemas.toArray());
            Array r = c.createArrayOf("text", names.toArray());
            ps.setArray(1, s);
            ps.setArray(2, r);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) + "." + rs.getString(2), new TableFacts(rs.getDouble(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static void collectSeqScans(Node n, Map<String, Node> out) {
        if (isSeqScan(n) && n.hasRelation()) out.putIfAbsent(n.qualified(), n);
        for (Node c : n.children) collectSeqScans(c, out);
    }

    private static boolean isSeqScan(Node n) {
        return n.type.equals("Seq Scan") || n.type.equals("Parallel Seq Scan");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Warnings.

    /** The warnings for a parsed plan, given the catalog facts of its sequentially scanned tables. */
    static List<String> warnings(Node root, Map<String, TableFacts> facts, String workMem) {
        return new Analysis(facts, workMem).run(root);
    }

    private static final class Analysis {
        private final Map<String, TableFacts> facts;
        private final String workMem;
        private final List<String> cartesian = new ArrayList<>();
        private final List<String> nestedLoops = new ArrayList<>();
        private final List<String> result = new ArrayList<>();
        private final List<String> memory = new ArrayList<>();
        private final Map<String, String> seqScans = new LinkedHashMap<>();

        Analysis(Map<String, TableFacts> facts, String workMem) {
            this.facts = facts;
            this.workMem = workMem;
        }

        List<String> run(Node root) {
            if (root.rows > HUGE_RESULT_ROWS) {
                result.add("huge result: the statement is estimated to return ~" + count(root.rows)
                        + " rows: add a LIMIT, or aggregate in SQL (GROUP BY with count/sum) instead of fetching "
                        + "the rows");
            }
            visit(root, new ArrayList<>());
            Set<String> all = new LinkedHashSet<>();
            all.addAll(cartesian);
            all.addAll(nestedLoops);
            all.addAll(result);
            all.addAll(memory);
            all.addAll(seqScans.values());
            List<String> out = new ArrayList<>(all);
            if (out.size() > MAX_WARNINGS) {
                int dropped = out.size() - MAX_WARNINGS + 1;
                out = new ArrayList<>(out.subList(0, MAX_WARNINGS - 1));
                out.add("…" + dropped + " more warnings of the same kinds");
            }
            return out;
        }

        private void visit(Node n, List<Node> ancestors) {
            if (n.type.equals("Nested Loop")) nestedLoop(n);
            if (isSeqScan(n) && n.hasRelation()) seqScan(n, ancestors);
            sortOrHash(n, ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1));
            ancestors.add(n);
            for (Node c : n.children) visit(c, ancestors);
            ancestors.remove(ancestors.size() - 1);
        }

        private void nestedLoop(Node n) {
            Node outer = side(n, "Outer", 0);
            Node inner = side(n, "Inner", 1);
            if (outer == null || inner == null) return;
            double combinations = outer.rows * inner.rows;
            boolean noCondition = n.condition("Join Filter") == null && !references(inner, aliases(outer));
            if (noCondition && ROW_JOIN_TYPES.contains(n.joinType) && containsRelation(outer)
                    && containsRelation(inner) && combinations >= CARTESIAN_MIN_ROWS) {
                cartesian.add("cartesian product: " + describe(outer) + " and " + describe(inner)
                        + " are joined without any join condition, giving ~" + count(combinations)
                        + " row combinations: add the join condition (JOIN … ON the key that relates them); "
                        + "if every combination is really wanted, aggregate or LIMIT it");
            } else if (combinations > NESTED_LOOP_ROW_PRODUCT) {
                nestedLoops.add("nested loop over large inputs: for each of ~" + count(outer.rows) + " rows of "
                        + names(outer) + " it reads ~" + count(inner.rows) + " rows of "
                        + names(inner) + " (~" + count(combinations) + " row visits): join on equal "
                        + "columns (so PostgreSQL can hash or merge join) or filter both sides first");
            }
        }

        private void seqScan(Node n, List<Node> ancestors) {
            String name = n.qualified();
            if (seqScans.containsKey(name)) return;
            TableFacts f = facts.get(name);
            // reltuples is -1 (PostgreSQL 14+) or 0 for a table never analyzed; the node's own estimate is then a
            // lower bound (exact when there is no filter; per worker for a parallel scan).
            double tableRows = Math.max(f == null ? 0 : f.reltuples(), n.rows);
            if (tableRows <= SEQ_SCAN_TABLE_ROWS) return;
            for (int i = ancestors.size() - 1; i >= 0; i--) {
                Node a = ancestors.get(i);
                if (a.type.equals("Limit")) {
                    if (a.cost < n.cost * LIMIT_EARLY_STOP_FRACTION) return;
                    break;
                }
            }
            String filter = n.condition("Filter");
            String fix = f == null || f.indexedColumns() == null
                    ? "add a LIMIT, or an index on the column you filter by (" + name + " has no usable index)"
                    : "add a selective WHERE on an indexed column (" + f.indexedColumns() + ") or a LIMIT";
            seqScans.put(name, "sequential scan of " + name + " (~" + count(tableRows) + " rows"
                    + (filter == null ? "" : ", the filter " + cut(filter) + " keeps ~" + count(n.rows)) + "): "
                    + fix);
        }

        private void sortOrHash(Node n, Node parent) {
            if (n.rows <= SORT_OR_HASH_ROWS) return;
            String what;
            String fix;
            if (n.type.equals("Sort") || n.type.equals("Parallel Sort")) {
                // A sort under a LIMIT is a top-N heapsort: it keeps only N rows in memory.
                if (parent != null && parent.type.equals("Limit")) return;
                what = "sort of ~" + count(n.rows) + " rows";
                fix = "add a LIMIT (a top-N sort needs little memory), filter first, or ORDER BY an indexed column";
            } else if (n.type.equals("Hash")) {
                what = "hash table of ~" + count(n.rows) + " rows of " + names(n);
                fix = "filter that side first, or join a smaller set of rows";
            } else if (n.type.startsWith("Aggregate (Hashed") || n.type.startsWith("Aggregate (Mixed")
                    || n.type.startsWith("SetOp (Hashed")) {
                what = "hash aggregate of ~" + count(n.rows) + " groups";
                fix = "group by fewer distinct values or filter first";
            } else {
                return;
            }
            double mb = n.rows * n.width / (1024 * 1024);
            memory.add(what + " (~" + count(mb) + " MB of row data; work_mem is " + workMem
                    + ") will spill to disk: " + fix);
        }

        private static Node side(Node join, String relationship, int position) {
            for (Node c : join.children) {
                if (relationship.equals(c.relationship)) return c;
            }
            return join.children.size() > position ? join.children.get(position) : null;
        }

        private static boolean containsRelation(Node n) {
            if (n.hasRelation()) return true;
            for (Node c : n.children) {
                if (containsRelation(c)) return true;
            }
            return false;
        }

        /** The aliases a subtree's output columns can be qualified with. */
        private static Set<String> aliases(Node n) {
            Set<String> out = new LinkedHashSet<>();
            collectAliases(n, out);
            return out;
        }

        private static void collectAliases(Node n, Set<String> out) {
            if (n.alias != null) out.add(n.alias);
            for (Node c : n.children) collectAliases(c, out);
        }

        /** True when an expression of the subtree names a column of one of the aliases (a parameterized scan). */
        private static boolean references(Node n, Set<String> aliases) {
            if (aliases.isEmpty()) return false;
            StringBuilder all = new StringBuilder();
            collectExpressions(n, all);
            for (String alias : aliases) {
                String quoted = Pattern.quote(alias);
                Pattern p = Pattern.compile("(?<![\\w$\".])(?:" + quoted + "|\"" + quoted + "\")\\.");
                if (p.matcher(all).find()) return true;
            }
            return false;
        }

        private static void collectExpressions(Node n, StringBuilder out) {
            out.append(n.expressions);
            for (Node c : n.children) collectExpressions(c, out);
        }

        /** {@code o (public.orders, ~250,000 rows)}, {@code public.regions (~12 rows)}. */
        private static String describe(Node side) {
            String names = names(side);
            String rows = "~" + count(side.rows) + " rows";
            if (names.endsWith(")") && !names.contains(" + ")) {
                return names.substring(0, names.length() - 1) + ", " + rows + ")";
            }
            return names + " (" + rows + ")";
        }

        /** The relations a subtree reads: {@code o (public.orders)}, or {@code public.regions} when not aliased. */
        private static String names(Node side) {
            List<String> names = new ArrayList<>();
            collectNames(side, names);
            if (names.isEmpty()) return "a " + side.type + " node";
            if (names.size() > 3) {
                int more = names.size() - 3;
                names = new ArrayList<>(names.subList(0, 3));
                names.add(more + " more");
            }
            return String.join(" + ", names);
        }

        private static void collectNames(Node n, List<String> out) {
            if (n.label != null) {
                String name = n.alias == null || n.alias.equals(n.relation) ? n.label : n.alias + " (" + n.label + ")";
                if (!out.contains(name)) out.add(name);
            }
            for (Node c : n.children) collectNames(c, out);
        }
    }

    static String count(double n) {
        return String.format(Locale.ROOT, "%,d", Math.round(n));
    }

    private static String cut(String condition) {
        return condition.length() <= MAX_CONDITION_CHARS ? condition
                : condition.substring(0, MAX_CONDITION_CHARS) + "…";
    }

    // ---------------------------------------------------------------------------------------------------------
    // The trimmed plan.

    /** Keeps the first {@link #MAX_PLAN_NODES} nodes breadth first (no deeper than {@link #MAX_PLAN_DEPTH}). */
    static ExplainResult.PlanNode trim(Node root) {
        Set<Node> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> level = List.of(root);
        for (int depth = 0; !level.isEmpty() && depth <= MAX_PLAN_DEPTH && kept.size() < MAX_PLAN_NODES; depth++) {
            List<Node> next = new ArrayList<>();
            for (Node n : level) {
                if (kept.size() >= MAX_PLAN_NODES) break;
                kept.add(n);
                next.addAll(n.children);
            }
            level = next;
        }
        return trimmed(root, kept);
    }

    private static ExplainResult.PlanNode trimmed(Node n, Set<Node> kept) {
        List<ExplainResult.PlanNode> children = new ArrayList<>();
        int omitted = 0;
        for (Node c : n.children) {
            if (kept.contains(c)) {
                children.add(trimmed(c, kept));
            } else {
                omitted += c.size;
            }
        }
        String alias = n.alias == null || n.alias.equals(n.relation) ? null : n.alias;
        String filter = n.condition("Filter") != null ? n.condition("Filter") : n.condition("One-Time Filter");
        String indexCond = n.condition("Index Cond") != null ? n.condition("Index Cond") : n.condition("Recheck Cond");
        return new ExplainResult.PlanNode(n.type, n.label, alias, n.index, n.joinType, Math.round(n.rows), n.cost,
                cutOrNull(indexCond), cutOrNull(n.condition("Hash Cond")), cutOrNull(n.condition("Merge Cond")),
                cutOrNull(n.condition("Join Filter")), cutOrNull(filter), children,
                omitted == 0 ? null : "…" + omitted + " more node" + (omitted == 1 ? "" : "s"));
    }

    private static String cutOrNull(String condition) {
        return condition == null ? null : cut(condition);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String stripTrailingSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
        return s;
    }

    private RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("57014")) {
            return new ToolException("EXPLAIN was cancelled after the statement timeout of "
                    + statementTimeout.toMillis() + " ms (planning alone took that long, or waited for a lock on "
                    + "a table the statement reads); simplify the statement or retry later");
        }
        if (state.equals("55P03")) {
            return new ToolException("EXPLAIN waited longer than the lock timeout of " + lockTimeout.toMillis()
                    + " ms for a lock on a table the statement reads (another session, e.g. a migration, holds an "
                    + "exclusive lock); retry later");
        }
        if (Database.isConnectionFailure(e)) {
            return new DatabaseUnavailableException("lost the database connection (" + Database.rootMessage(e)
                    + "); Strata reconnects by itself, try again shortly", e);
        }
        String hint = null;
        if (e instanceof PSQLException p) {
            ServerErrorMessage server = p.getServerErrorMessage();
            if (server != null) hint = server.getHint();
        }
        return new ToolException("PostgreSQL rejected the query: " + Database.rootMessage(e)
                + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")")
                + (hint == null || hint.isBlank() ? "" : "; hint: " + hint));
    }
}
