package dev.strata.migration;

import dev.strata.catalog.CatalogLoader;
import dev.strata.db.Database;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.StatementSplitter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * PostgreSQL as the oracle of migration review. Each file is reviewed against the database as it stands, then
 * applied statement by statement in one transaction (as diesel, Flyway and most tools run a migration), and every
 * claim the review made is checked against what PostgreSQL did:
 * <ul>
 *   <li>no error-level finding (a "this fails") on a file that applied;</li>
 *   <li>a statement said to rewrite a table changed its {@code pg_class.relfilenode}, and every table whose
 *       relfilenode a statement changed was announced (TRUNCATE's new empty file aside);</li>
 *   <li>each lock a statement is said to take shows in {@code pg_locks} for the applying backend, and no lock
 *       that blocks writes or reads (SHARE UPDATE EXCLUSIVE and up) on a table or view that existed before the
 *       statement goes unannounced or announced weaker.</li>
 * </ul>
 */
final class Replay {

    /** One claim PostgreSQL contradicted. */
    record Problem(String file, int line, String kind, String detail) {
        @Override
        public String toString() {
            return file + ":" + line + " " + kind + ": " + detail;
        }
    }

    /** What a replay found, plus the figures a benchmark reports. */
    static final class Outcome {
        final List<Problem> problems = new ArrayList<>();
        final List<String> notApplied = new ArrayList<>();
        /** Locks taken by triggers a data change fired (not analysed, so not claimed; counted, not failed). */
        final List<String> triggerLocks = new ArrayList<>();
        final Map<String, Integer> findingsByRule = new java.util.TreeMap<>();
        final List<FileReview> reviews = new ArrayList<>();
        int files;
        int statements;
        int failingAtWarning;
        int rewritesClaimed;
        int rewritesSeen;
        int lockClaimsChecked;
        final Set<String> formsChecked = new TreeSet<>();

        List<Problem> of(String kind) {
            return problems.stream().filter(p -> p.kind().equals(kind)).toList();
        }
    }

    private final Database database;
    private final Connection apply;
    private final ReviewConfig config;
    private final ReviewOptions options;

    Replay(Database database, Connection apply, ReviewConfig config, ReviewOptions options) {
        this.database = database;
        this.apply = apply;
        this.config = config;
        this.options = options;
    }

    /**
     * Reviews and applies one file. {@code keep} false rolls the file back afterwards (independent cases over
     * one setup).
     */
    FileReview file(String name, String sql, boolean keep, Outcome out) throws SQLException {
        LiveDatabase live = new LiveDatabase(new CatalogLoader(List.of()).load(database), database, config);
        FileReview review = new MigrationReviewer(Optional.of(live), config).review(sql, options).files().get(0);
        review = new FileReview(name, review.ok(), review.statements(), review.findings());
        out.files++;
        out.reviews.add(review);
        for (Finding f : review.findings()) out.findingsByRule.merge(f.rule(), 1, Integer::sum);
        if (review.findings().stream().anyMatch(f -> f.severity() != Severity.INFO)) out.failingAtWarning++;

        List<SqlStatement> statements = StatementSplitter.split(sql);
        Map<Integer, StatementReport> byIndex = new HashMap<>();
        for (StatementReport r : review.statements()) byIndex.put(r.index(), r);
        apply.setAutoCommit(false);
        boolean applied = true;
        List<Problem> pending = new ArrayList<>();
        int index = 0;
        for (SqlStatement st : statements) {
            index++;
            if (st.psqlMeta()) continue;
            out.statements++;
            Map<Long, String> namesBefore = relations();
            Map<Long, Long> filesBefore = relfilenodes();
            Set<String> locksBefore = locks(namesBefore);
            try (Statement s = apply.createStatement()) {
                s.execute(st.text());
            } catch (SQLException e) {
                applied = false;
                out.notApplied.add(name + ":" + st.line() + " " + e.getMessage().lines().findFirst().orElse(""));
                break;
            }
            StatementReport report = byIndex.get(index);
            if (report == null) continue;
            Map<Long, String> namesAfter = relations();
            Map<Long, Long> filesAfter = relfilenodes();
            Set<String> locksAfter = locks(namesBefore, namesAfter);
            checkRewrites(name, st, report, namesBefore, filesBefore, filesAfter, pending, out);
            checkLocks(name, st, report, namesBefore, locksBefore, locksAfter, pending, out);
        }
        if (applied) {
            if (keep) apply.commit();
            else apply.rollback();
            out.problems.addAll(pending);
            for (Finding f : review.findings()) {
                if (f.severity() == Severity.ERROR) {
                    out.problems.add(new Problem(name, f.line(), "false-fails", f.rule() + ": " + f.message()));
                }
            }
        } else {
            apply.rollback();
        }
        apply.setAutoCommit(true);
        return review;
    }

    private void checkRewrites(String file, SqlStatement st, StatementReport report, Map<Long, String> names,
                               Map<Long, Long> before, Map<Long, Long> after, List<Problem> problems, Outcome out) {
        Set<String> changed = new TreeSet<>();
        for (var e : before.entrySet()) {
            Long now = after.get(e.getKey());
            if (now != null && !now.equals(e.getValue())) changed.add(names.get(e.getKey()));
        }
        out.rewritesSeen += changed.size();
        out.rewritesClaimed += report.rewritten().size();
        boolean truncate = report.kind().equals("TRUNCATE");
        for (String claimed : report.rewritten()) {
            if (!changed.contains(claimed) && names.containsValue(claimed)) {
                problems.add(new Problem(file, st.line(), "false-rewrite", claimed + " (" + first(st) + ")"));
            }
        }
        for (String table : changed) {
            if (!report.rewritten().contains(table) && !(truncate && report.tables().contains(table))) {
                problems.add(new Problem(file, st.line(), "missed-rewrite", table + " (" + first(st) + ")"));
            }
        }
    }

    private void checkLocks(String file, SqlStatement st, StatementReport report, Map<Long, String> namesBefore,
                            Set<String> before, Set<String> after, List<Problem> problems, Outcome out)
            throws SQLException {
        Map<String, LockMode> claimed = new LinkedHashMap<>();
        for (StatementReport.Lock l : report.locks()) claimed.put(l.object(), LockMode.parse(l.mode()));
        Set<String> existed = new HashSet<>(namesBefore.values());
        // a DO block's statements may sit in branches that do not run: its claims are what they take if they do
        boolean conditional = report.kind().equals("DO");
        for (StatementReport.Lock l : report.locks()) {
            if (!l.kind().equals("type") || conditional) continue;
            out.lockClaimsChecked++;
            LockMode mode = LockMode.parse(l.mode());
            Set<String> modes = typeLocks(l.object());
            if (!modes.contains(mode.pgLocks())) {
                problems.add(new Problem(file, st.line(), "lock-not-taken", mode.sql() + " on type " + l.object()
                        + " (" + first(st) + "); held: " + modes));
            }
        }
        for (var e : claimed.entrySet()) {
            String object = e.getKey();
            if (!existed.contains(object) || conditional) continue;   // created by the statement, or a type
            out.lockClaimsChecked++;
            out.formsChecked.add(report.kind());
            if (!after.contains(object + " " + e.getValue().pgLocks())) {
                problems.add(new Problem(file, st.line(), "lock-not-taken", e.getValue().sql() + " on " + object
                        + " (" + first(st) + "); held: " + held(after, object)));
            }
        }
        for (String lock : after) {
            if (before.contains(lock)) continue;
            int space = lock.lastIndexOf(' ');
            String object = lock.substring(0, space);
            LockMode mode = LockMode.fromPgLocks(lock.substring(space + 1));
            if (mode == null || mode.compareTo(LockMode.SHARE_UPDATE_EXCLUSIVE) < 0) continue;
            if (!existed.contains(object) || !tableLike(object)) continue;
            LockMode said = claimed.get(object);
            if (said == null && dataChange(report)) {
                // a trigger fired by the INSERT/UPDATE/DELETE took it: trigger functions are not analysed
                out.triggerLocks.add(file + ":" + st.line() + " " + mode.sql() + " on " + object);
                continue;
            }
            if (said == null || said.compareTo(mode) < 0) {
                problems.add(new Problem(file, st.line(), "lock-unannounced", mode.sql() + " on " + object
                        + " (announced: " + (said == null ? "nothing" : said.sql()) + "; " + first(st) + ")"));
            }
        }
    }

    private static boolean dataChange(StatementReport report) {
        return List.of("INSERT", "UPDATE", "DELETE", "MERGE", "COPY", "DO", "SELECT").contains(report.kind());
    }

    private final Set<String> tableLike = new HashSet<>();

    private boolean tableLike(String object) {
        return tableLike.contains(object);
    }

    private static String held(Set<String> locks, String object) {
        List<String> modes = new ArrayList<>();
        for (String l : locks) if (l.startsWith(object + " ")) modes.add(l.substring(object.length() + 1));
        return modes.isEmpty() ? "none" : String.join(", ", modes);
    }

    private static String first(SqlStatement st) {
        String t = st.text().replaceAll("\\s+", " ");
        return t.length() > 70 ? t.substring(0, 70) + "…" : t;
    }

    /** The modes of the object locks this backend holds on a type. */
    private Set<String> typeLocks(String type) throws SQLException {
        Set<String> out = new HashSet<>();
        try (java.sql.PreparedStatement ps = apply.prepareStatement("""
                SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'object'
                   AND classid = 'pg_type'::regclass AND objid = to_regtype(?)""")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** oid → schema.name of every user relation (tables, views, indexes, sequences…), and which are table-like. */
    private Map<Long, String> relations() throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (Statement s = apply.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.oid, n.nspname || '.' || c.relname, c.relkind IN ('r', 'p', 'm', 'v', 'f')
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                   AND n.nspname NOT LIKE 'pg_temp%'""")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
                if (rs.getBoolean(3)) tableLike.add(rs.getString(2));
            }
        }
        return out;
    }

    /** oid → relfilenode of every user table and materialized view. */
    private Map<Long, Long> relfilenodes() throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (Statement s = apply.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.oid, c.relfilenode FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                   AND n.nspname NOT LIKE 'pg_temp%'""")) {
            while (rs.next()) out.put(rs.getLong(1), rs.getLong(2));
        }
        return out;
    }

    /** "schema.name Mode" of every relation lock this backend holds, named as before the statement when renamed. */
    @SafeVarargs
    private Set<String> locks(Map<Long, String>... names) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement s = apply.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT relation, mode FROM pg_locks
                 WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted""")) {
            while (rs.next()) {
                long oid = rs.getLong(1);
                for (Map<Long, String> n : names) {
                    String name = n.get(oid);
                    if (name != null) out.add(name + " " + rs.getString(2));
                }
            }
        }
        return out;
    }
}
