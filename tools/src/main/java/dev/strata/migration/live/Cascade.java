package dev.strata.migration.live;

import dev.strata.catalog.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The walk over {@code pg_depend} behind {@link LiveDatabase#cascade}: from the dropped objects to everything that
 * depends on them (normal and automatic dependencies), through views' rewrite rules to the views themselves and
 * on to what depends on those, mapping each object reached to the relation it belongs to.
 */
final class Cascade {

    /** An object in {@code pg_depend}'s terms; {@code subId} 0 for the whole object, else a column. */
    private record Obj(long classId, long objId, int subId) {
    }

    private static final String DEPENDENTS = """
            SELECT classid, objid, objsubid FROM pg_depend
             WHERE refclassid = ?::oid AND refobjid = ?::oid AND (?::int = 0 OR refobjsubid = ?::int)
               AND deptype IN ('n', 'a')
            """;

    /** The relation an object of a catalog belongs to, with the relation's kind and (for an index) its table. */
    private static final String OWNER = """
            SELECT c.oid, c.relkind, n.nspname || '.' || c.relname,
                   (SELECT tn.nspname || '.' || t.relname FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                      JOIN pg_namespace tn ON tn.oid = t.relnamespace WHERE i.indexrelid = c.oid),
                   ? AS via_rule,
                   (SELECT fn.nspname || '.' || f.relname FROM pg_constraint k JOIN pg_class f ON f.oid = k.confrelid
                      JOIN pg_namespace fn ON fn.oid = f.relnamespace WHERE k.oid = ?::oid AND k.contype = 'f')
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.oid = CASE ?::oid
                     WHEN 'pg_class'::regclass::oid THEN ?::oid
                     WHEN 'pg_rewrite'::regclass::oid THEN (SELECT ev_class FROM pg_rewrite WHERE oid = ?::oid)
                     WHEN 'pg_trigger'::regclass::oid THEN (SELECT tgrelid FROM pg_trigger WHERE oid = ?::oid)
                     WHEN 'pg_policy'::regclass::oid THEN (SELECT polrelid FROM pg_policy WHERE oid = ?::oid)
                     WHEN 'pg_constraint'::regclass::oid THEN (SELECT conrelid FROM pg_constraint WHERE oid = ?::oid)
                     WHEN 'pg_attrdef'::regclass::oid THEN (SELECT adrelid FROM pg_attrdef WHERE oid = ?::oid)
                     WHEN 'pg_statistic_ext'::regclass::oid
                       THEN (SELECT stxrelid FROM pg_statistic_ext WHERE oid = ?::oid)
                   END
            """;

    private Cascade() {
    }

    static List<LiveDatabase.Cascaded> walk(Connection c, String objectType, List<QualifiedName> names)
            throws SQLException {
        long pgClass = oid(c, "SELECT 'pg_class'::regclass::oid");
        long pgRewrite = oid(c, "SELECT 'pg_rewrite'::regclass::oid");
        long pgType = oid(c, "SELECT 'pg_type'::regclass::oid");
        long pgProc = oid(c, "SELECT 'pg_proc'::regclass::oid");
        Deque<Obj> frontier = new ArrayDeque<>(start(c, objectType, names, pgClass, pgType, pgProc));
        Set<Obj> seen = new HashSet<>(frontier);
        Map<String, LiveDatabase.Cascaded> out = new LinkedHashMap<>();
        int steps = 0;
        while (!frontier.isEmpty() && steps++ < 2_000) {
            Obj o = frontier.poll();
            for (Obj d : dependents(c, o)) {
                if (!seen.add(d)) continue;
                if (d.classId() == pgType || d.classId() == pgProc) {
                    frontier.add(d);   // a domain over a dropped type, an array type, a function using it
                    continue;
                }
                Owner owner = owner(c, d, pgRewrite);
                if (owner == null) continue;
                boolean wholeRelation = d.classId() == pgClass && d.subId() == 0 || owner.viaReturnRule();
                if (wholeRelation && (owner.kind() == 'v' || owner.kind() == 'm')) {
                    out.put(owner.key(), new LiveDatabase.Cascaded(owner.key(), owner.kind() == 'v' ? "view"
                            : "materialized view", true));
                    Obj view = new Obj(pgClass, owner.oid(), 0);
                    if (seen.add(view)) frontier.add(view);
                } else if (owner.kind() == 'i' && owner.table() != null) {
                    out.putIfAbsent(owner.table(), new LiveDatabase.Cascaded(owner.table(), "table", false));
                } else if (owner.kind() == 'r' || owner.kind() == 'p' || owner.kind() == 'f') {
                    out.putIfAbsent(owner.key(), new LiveDatabase.Cascaded(owner.key(), "table", false));
                    if (owner.referenced() != null) {
                        out.putIfAbsent(owner.referenced(), new LiveDatabase.Cascaded(owner.referenced(), "table",
                                false));
                    }
                    if (d.classId() == pgClass && d.subId() > 0) frontier.add(d);   // a dropped column's dependents
                }
            }
        }
        return List.copyOf(out.values());
    }

    private record Owner(long oid, char kind, String key, String table, boolean viaReturnRule, String referenced) {
    }

    private static Owner owner(Connection c, Obj d, long pgRewrite) throws SQLException {
        boolean returnRule = false;
        if (d.classId() == pgRewrite) {
            try (PreparedStatement ps = c.prepareStatement("SELECT rulename = '_RETURN' FROM pg_rewrite WHERE oid = ?::oid")) {
                ps.setLong(1, d.objId());
                try (ResultSet rs = ps.executeQuery()) {
                    returnRule = rs.next() && rs.getBoolean(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(OWNER)) {
            ps.setBoolean(1, returnRule);
            ps.setLong(2, d.objId());
            ps.setLong(3, d.classId());
            for (int i = 4; i <= 10; i++) ps.setLong(i, d.objId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                return new Owner(rs.getLong(1), rs.getString(2).charAt(0), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6));
            }
        }
    }

    private static List<Obj> dependents(Connection c, Obj o) throws SQLException {
        List<Obj> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DEPENDENTS)) {
            ps.setLong(1, o.classId());
            ps.setLong(2, o.objId());
            ps.setInt(3, o.subId());
            ps.setInt(4, o.subId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Obj(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
            }
        }
        return out;
    }

    private static List<Obj> start(Connection c, String objectType, List<QualifiedName> names, long pgClass,
                                   long pgType, long pgProc) throws SQLException {
        List<Obj> out = new ArrayList<>();
        for (QualifiedName q : names) {
            String text = q.schema() == null ? QualifiedName.quote(q.name())
                    : QualifiedName.quote(q.schema(), q.name());
            switch (objectType.toUpperCase(Locale.ROOT)) {
                case "TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE", "SEQUENCE", "INDEX" ->
                        one(c, "SELECT to_regclass(?)::oid", text, pgClass, out);
                case "TYPE", "DOMAIN" -> one(c, "SELECT to_regtype(?)::oid", text, pgType, out);
                case "FUNCTION", "PROCEDURE", "ROUTINE", "AGGREGATE" -> {
                    String sql = q.schema() == null
                            ? "SELECT oid FROM pg_proc WHERE proname = ? AND pg_function_is_visible(oid)"
                            : "SELECT p.oid FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                            + "WHERE p.proname = ? AND n.nspname = ?";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, q.name());
                        if (q.schema() != null) ps.setString(2, q.schema());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) out.add(new Obj(pgProc, rs.getLong(1), 0));
                        }
                    }
                }
                case "SCHEMA" -> {
                    long ns = oid(c, "SELECT 'pg_namespace'::regclass::oid");
                    one(c, "SELECT oid FROM pg_namespace WHERE nspname = ?", q.name(), ns, out);
                }
                default -> {
                }
            }
        }
        return out;
    }

    private static void one(Connection c, String sql, String arg, long classId, List<Obj> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) out.add(new Obj(classId, rs.getLong(1), 0));
            }
        }
    }

    private static long oid(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
