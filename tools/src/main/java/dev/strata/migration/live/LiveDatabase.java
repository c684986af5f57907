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

    /** An object that depends on a table (or one of its columns). */
    public record Dependent(String kind, String name, String column) {
    }

    private static final String DEPENDENTS = """
            SELECT DISTINCT CASE v.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'rule' END,
                   v.oid::regclass::text, d.refobjsubid
              FROM pg_depend d
              JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
              JOIN pg_class v ON v.oid = r.ev_class
             WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = ? AND v.oid <> ?
            UNION
            SELECT 'policy', p.polname || ' on ' || p.polrelid::regclass::text, d.refobjsubid
              FROM pg_depend d
              JOIN pg_policy p ON d.classid = 'pg_policy'::regclass AND p.oid = d.objid
             WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = ?
            UNION
            SELECT 'foreign key', c.conname || ' on ' || c.conrelid::regclass::text, k.attnum
              FROM pg_constraint c, unnest(c.confkey) AS k(attnum)
             WHERE c.contype = 'f' AND c.confrelid = ? AND c.conrelid <> ?
            """;

    private final Catalog catalog;
    private final Database database;
    private final ReviewConfig config;
    private final ExistingRows rows;
    private final Map<Long, List<Dependent>> dependents = new ConcurrentHashMap<>();
    private final Map<String, Character> volatility = new ConcurrentHashMap<>();

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
                        out.add(new Dependent(rs.getString(1), rs.getString(2), column));
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
