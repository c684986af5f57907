package dev.strata.migration.live;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Column;
import dev.strata.catalog.QualifiedName;
import dev.strata.catalog.Relation;
import dev.strata.db.Database;
import dev.strata.migration.ReviewConfig;
import dev.strata.query.ReadOnlyTransaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What migration review may ask the live database: the catalog (tables, columns, indexes, comments, sizes),
 * the objects that depend on a table ({@code pg_depend}), function volatility ({@code pg_proc}) and, through
 * {@link ExistingRows}, whether the rows already there satisfy a constraint. Every query runs read-only under a
 * statement timeout; answers are cached for the life of one review session.
 */
public final class LiveDatabase {

    /**
     * An object that depends on a table (or one of its columns).
     *
     * @param kind     view, materialized view, rule, policy or foreign key
     * @param name     how messages name it ({@code public.v}, {@code p on public.t}, {@code fk on public.t})
     * @param column   the column it depends on, or null for the table
     * @param relation the key of the relation that holds it: the view itself, or the table of the policy, rule
     *                 or foreign key
     * @param object   the policy's, rule's or constraint's name (null for a view)
     */
    public record Dependent(String kind, String name, String column, String relation, String object) {
    }

    /**
     * A relation a DROP … CASCADE reaches: {@code dropped} when the relation itself goes (a view), else a table
     * that loses a trigger, policy, constraint, default, index or column (and is locked for it).
     */
    public record Cascaded(String relation, String kind, boolean dropped) {
    }

    /** A domain: its base type as {@code format_type} prints it, and whether it has CHECK or NOT NULL constraints. */
    public record Domain(String baseType, boolean hasConstraints) {
    }

    private static final String DEPENDENTS = """
            SELECT DISTINCT CASE WHEN r.rulename = '_RETURN' AND v.relkind = 'v' THEN 'view'
                                 WHEN r.rulename = '_RETURN' AND v.relkind = 'm' THEN 'materialized view'
                                 ELSE 'rule' END,
                   vn.nspname || '.' || v.relname, d.refobjsubid,
                   CASE WHEN r.rulename = '_RETURN' THEN NULL ELSE r.rulename END
              FROM pg_depend d
              JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
              JOIN pg_class v ON v.oid = r.ev_class
              JOIN pg_namespace vn ON vn.oid = v.relnamespace
             WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = ? AND v.oid <> ?
            UNION
            SELECT 'policy', pn.nspname || '.' || pc.relname, d.refobjsubid, p.polname
              FROM pg_depend d
              JOIN pg_policy p ON d.classid = 'pg_policy'::regclass AND p.oid = d.objid
              JOIN pg_class pc ON pc.oid = p.polrelid
              JOIN pg_namespace pn ON pn.oid = pc.relnamespace
             WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = ?
            UNION
            SELECT 'foreign key', fn.nspname || '.' || fc.relname, k.attnum, c.conname
              FROM pg_constraint c
              JOIN pg_class fc ON fc.oid = c.conrelid
              JOIN pg_namespace fn ON fn.oid = fc.relnamespace,
                   unnest(c.confkey) AS k(attnum)
             WHERE c.contype = 'f' AND c.confrelid = ? AND c.conrelid <> ?
            """;

    private final Catalog catalog;
    private final Database database;
    private final ReviewConfig config;
    private final ExistingRows rows;
    private final Map<Long, List<Dependent>> dependents = new ConcurrentHashMap<>();
    private final Map<String, Character> volatility = new ConcurrentHashMap<>();
    private final Map<String, Optional<Domain>> domains = new ConcurrentHashMap<>();
    private final Map<String, Boolean> casts = new ConcurrentHashMap<>();
    private volatile String timeZone;

    public LiveDatabase(Catalog catalog, Database database, ReviewConfig config) {
        this.catalog = catalog;
        this.database = database;
        this.config = config;
        this.rows = new ExistingRows(this, config);
    }

    public Catalog catalog() {
        return catalog;
    }

    public int pgVersion() {
        return catalog.server().majorVersion();
    }

    public ExistingRows rows() {
        return rows;
    }

    /** A table (or view) by the name a migration wrote, resolved through the real search_path. */
    public Optional<Relation> table(QualifiedName name) {
        if (name == null) return Optional.empty();
        if (name.schema() != null) return catalog.find(name.schema(), name.name());
        return catalog.resolve(QualifiedName.quote(name.name()));
    }

    /** The schema an unqualified new object lands in: the first schema of the search_path. */
    public String creationSchema() {
        List<String> path = catalog.searchPath();
        return path.isEmpty() ? "public" : path.get(0);
    }

    /** Views, rules, policies and foreign keys that depend on the table; {@code column} null for the table. */
    public List<Dependent> dependents(Relation table) {
        return dependents.computeIfAbsent(table.oid(), oid -> query(c -> {
            List<Dependent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(DEPENDENTS)) {
                for (int i = 1; i <= 5; i++) ps.setLong(i, oid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int attnum = rs.getInt(3);
                        String column = attnum <= 0 ? null : table.columns().stream()
                                .filter(col -> col.position() == attnum).map(Column::name).findFirst().orElse(null);
                        String relation = rs.getString(2);
                        String object = rs.getString(4);
                        String name = object == null ? relation : object + " on " + relation;
                        out.add(new Dependent(rs.getString(1), name, column, relation, object));
                    }
                }
            }
            return List.copyOf(out);
        }, List.of()));
    }

    /**
     * {@code pg_proc.provolatile} of a function by name ({@code v}, {@code s}, {@code i}); the most volatile of
     * its overloads; empty when no function has the name.
     */
    public Optional<Character> volatility(String function) {
        Character v = volatility.computeIfAbsent(function, f -> query(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT max(provolatile::text) FROM pg_proc WHERE proname = ?")) {
                ps.setString(1, f);
                try (ResultSet rs = ps.executeQuery()) {
                    // 'v' > 's' > 'i' in text order, so max() is the most volatile overload
                    String s = rs.next() ? rs.getString(1) : null;
                    return s == null ? '?' : s.charAt(0);
                }
            }
        }, '?'));
        return v == '?' ? Optional.empty() : Optional.of(v);
    }

    /** The server's TimeZone setting: what a migration's session starts with unless the script sets its own. */
    public String timeZone() {
        String tz = timeZone;
        if (tz == null) {
            tz = query(c -> {
                try (java.sql.Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT current_setting('TimeZone')")) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }, "");
            timeZone = tz;
        }
        return tz.isEmpty() ? null : tz;
    }

    /** The domain of that name (resolved through the search_path), or empty when the type is not a domain. */
    public Optional<Domain> domain(String typeName) {
        return domains.computeIfAbsent(typeName, name -> query(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT format_type(t.typbasetype, t.typtypmod),
                           t.typnotnull OR EXISTS (SELECT 1 FROM pg_constraint k WHERE k.contypid = t.oid)
                      FROM pg_type t WHERE t.oid = to_regtype(?) AND t.typtype = 'd'""")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Domain(rs.getString(1), rs.getBoolean(2)))
                            : Optional.<Domain>empty();
                }
            }
        }, Optional.empty()));
    }

    /** Whether {@code pg_cast} has a binary-coercible cast (castmethod 'b') from one type to the other. */
    public boolean binaryCoercible(String from, String to) {
        return casts.computeIfAbsent(from + ">" + to, k -> query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_cast WHERE castsource = "
                    + "to_regtype(?) AND casttarget = to_regtype(?) AND castmethod = 'b')")) {
                ps.setString(1, from);
                ps.setString(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        }, false));
    }

    private final Map<String, List<Cascaded>> cascades = new ConcurrentHashMap<>();

    /**
     * What {@code DROP <objectType> names CASCADE} reaches beyond the named objects, following {@code pg_depend}
     * the way PostgreSQL's dependency walk does: views built on them (and views on those), and the tables that lose a
     * trigger, policy, constraint, default, index or column. Empty without CASCADE (PostgreSQL then refuses to drop
     * anything with dependents).
     */
    public List<Cascaded> cascade(String objectType, List<QualifiedName> names, boolean cascade) {
        if (!cascade || names.isEmpty()) return List.of();
        String key = objectType + ":" + names;
        return cascades.computeIfAbsent(key, k -> query(c -> Cascade.walk(c, objectType, names), List.of()));
    }

    /**
     * How busy a table is: reads (sequential and index scans) and writes (rows inserted, updated, deleted) per second
     * since the statistics were last reset (or the server started), from {@code pg_stat_user_tables}.
     */
    public record Activity(long operations, double seconds) {
        public double perSecond() {
            return seconds <= 0 ? 0 : operations / seconds;
        }
    }

    private final Map<Long, Optional<Activity>> activity = new ConcurrentHashMap<>();

    public Optional<Activity> activity(Relation table) {
        return activity.computeIfAbsent(table.oid(), oid -> query(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT coalesce(s.seq_scan, 0) + coalesce(s.idx_scan, 0) + coalesce(s.n_tup_ins, 0)
                             + coalesce(s.n_tup_upd, 0) + coalesce(s.n_tup_del, 0),
                           extract(epoch FROM now() - coalesce(d.stats_reset, pg_postmaster_start_time()))
                      FROM pg_stat_user_tables s, pg_stat_database d
                     WHERE s.relid = ? AND d.datname = current_database()""")) {
                ps.setLong(1, oid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Activity(rs.getLong(1), rs.getDouble(2)))
                            : Optional.<Activity>empty();
                }
            }
        }, Optional.empty()));
    }

    /** Where and how a table is stored: its tablespace, table access method and persistence ({@code p}, {@code u}). */
    public record Storage(String tablespace, String accessMethod, String persistence) {
        /** Whether {@code SET TABLESPACE / ACCESS METHOD / LOGGED / UNLOGGED} would change nothing. */
        public boolean already(dev.strata.migration.locks.DdlForm form, String argument) {
            return switch (form) {
                case SET_TABLESPACE -> argument.equals(tablespace);
                case SET_ACCESS_METHOD -> argument.equals(accessMethod);
                case SET_LOGGED -> argument.equals("logged") ? persistence.equals("p") : persistence.equals("u");
                default -> false;
            };
        }
    }

    private final Map<Long, Optional<Storage>> storage = new ConcurrentHashMap<>();

    public Optional<Storage> storage(Relation table) {
        return storage.computeIfAbsent(table.oid(), oid -> query(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT (SELECT spcname FROM pg_tablespace
                             WHERE oid = coalesce(nullif(c.reltablespace, 0), d.dattablespace)),
                           (SELECT amname FROM pg_am WHERE oid = c.relam), c.relpersistence::text
                      FROM pg_class c, pg_database d WHERE c.oid = ? AND d.datname = current_database()""")) {
                ps.setLong(1, oid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Storage(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.<Storage>empty();
                }
            }
        }, Optional.empty()));
    }

    private final Map<String, Boolean> exists = new ConcurrentHashMap<>();

    /**
     * Whether the database has a relation of that name (as the search_path resolves it): the last word before
     * Strata says a table does not exist, since the catalog may have been loaded for some schemas only.
     */
    public boolean relationExists(QualifiedName name) {
        String text = name.schema() == null ? QualifiedName.quote(name.name())
                : QualifiedName.quote(name.schema(), name.name());
        return exists.computeIfAbsent(text, t -> query(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        }, true));
    }

    /** PostgreSQL's parser rejected a statement: its message and the 1-based character position in the text. */
    public record SyntaxError(String message, int position) {
    }

    /**
     * Asks PostgreSQL's own parser about each statement without running any: the extended protocol's Parse and
     * Describe messages, never Execute (pgjdbc's describe-only path, in autocommit so one error does not poison the
     * next). Only SQLSTATE 42601 (syntax error) counts; a statement that parses but names a table created earlier
     * in the script fails analysis, which is no syntax error. Returns one entry per statement (null when it parses,
     * or could not be asked).
     */
    public List<SyntaxError> syntaxErrors(List<String> statements) {
        List<SyntaxError> out = new ArrayList<>();
        try (Connection c = database.connection()) {
            c.setAutoCommit(true);
            for (String sql : statements) out.add(parse(c, sql));
        } catch (SQLException | RuntimeException e) {
            while (out.size() < statements.size()) out.add(null);
        }
        return out;
    }

    private static SyntaxError parse(Connection c, String sql) {
        // pgjdbc reads ? as a parameter; ?? is its escape for a literal ? (jsonb's ?, ?|, ?& operators)
        StringBuilder escaped = new StringBuilder(sql.length() + 8);
        List<Integer> added = new ArrayList<>();
        for (dev.strata.sql.SqlLexer.Token t : dev.strata.sql.SqlLexer.tokenize(sql)) {
            escaped.append(sql, escaped.length() - added.size(), t.start());
            if (t.kind() == dev.strata.sql.SqlLexer.TokenKind.OPERATOR && t.text().contains("?")) {
                for (char ch : t.text().toCharArray()) {
                    escaped.append(ch);
                    if (ch == '?') {
                        escaped.append('?');
                        added.add(t.start());
                    }
                }
            } else {
                escaped.append(t.text());
            }
        }
        escaped.append(sql.substring(Math.min(sql.length(), escaped.length() - added.size())));
        try (PreparedStatement ps = c.prepareStatement(escaped.toString())) {
            ps.setQueryTimeout(5);
            ps.getMetaData();
            return null;
        } catch (SQLException e) {
            if (!"42601".equals(e.getSQLState())) return null;
            int position = 0;
            if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
                position = p.getServerErrorMessage().getPosition();
                final int pos = position;
                position -= (int) added.stream().filter(a -> a < pos - 1).count();
            }
            String message = e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getMessage() : e.getMessage();
            return new SyntaxError(message, position);
        }
    }

    /** Runs catalog or data queries read-only under the data-check timeout; {@code fallback} on any error. */
    <T> T query(ReadOnlyTransaction.Work<T> work, T fallback) {
        try {
            return ReadOnlyTransaction.run(database, config.dataCheckTimeout(), Duration.ofSeconds(1), work);
        } catch (SQLException | RuntimeException e) {
            return fallback;
        }
    }

    /** Like {@link #query} but lets the caller see the failure (a timeout is an answer too). */
    <T> T queryOrThrow(ReadOnlyTransaction.Work<T> work) throws SQLException {
        return ReadOnlyTransaction.run(database, config.dataCheckTimeout(), Duration.ofSeconds(1), work);
    }

}
