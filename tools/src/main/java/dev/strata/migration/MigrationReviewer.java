package dev.strata.migration;

import dev.strata.catalog.QualifiedName;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import dev.strata.migration.ddl.AlterAction;
import dev.strata.migration.ddl.ColumnDef;
import dev.strata.migration.ddl.ConstraintDef;
import dev.strata.migration.ddl.Ddl;
import dev.strata.migration.ddl.DdlParser;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.sql.SqlLexer;
import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.StatementKind;
import dev.strata.sql.StatementSplitter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Migration review: splits each script with Strata's lexer, recognises every statement ({@link DdlParser}),
 * runs the rules of {@link MigrationRules} with the script's state and the live catalog, and updates the state
 * (tables created, transaction, lock_timeout, indexes, comments) before the next statement. Used by the
 * {@code check} command, the {@code review_migration} tool and the tests alike.
 */
public final class MigrationReviewer {

    /** EXECUTE of an expression (not a literal) inside a DO block: SQL built at run time. */
    static final Pattern DYNAMIC_EXECUTE = Pattern.compile("(?s).*\\bexecute\\s+(?!')[^;]*;.*");
    private static final Pattern IGNORE = Pattern.compile("strata-ignore\\s+([a-z0-9\\-]+(?:\\s*,\\s*[a-z0-9\\-]+)*)");
    private static final Set<String> BODY_STATEMENT_STARTS = Set.of("alter", "create", "drop", "truncate", "update",
            "delete", "insert", "reindex", "vacuum", "cluster", "lock", "refresh", "comment", "set", "reset");

    private final Optional<LiveDatabase> live;
    private final ReviewConfig config;
    private final List<MigrationRule> rules;
    private final List<String> skipped;

    public MigrationReviewer(Optional<LiveDatabase> live, ReviewConfig config) {
        this.live = live;
        this.config = config;
        List<MigrationRule> active = new ArrayList<>();
        List<String> skippedRules = new ArrayList<>();
        for (MigrationRule r : MigrationRules.ALL) {
            if (config.exclude().contains(r.id())) continue;
            if (r.needsDatabase() && live.isEmpty()) skippedRules.add(r.id());
            else active.add(r);
        }
        this.rules = List.copyOf(active);
        this.skipped = List.copyOf(skippedRules);
    }

    /** Reviews one script. */
    public Review review(String sql, ReviewOptions options) {
        Session s = session(options);
        s.review("input", sql);
        return s.finish();
    }

    public Session session(ReviewOptions options) {
        return new Session(options);
    }

    /**
     * A run over several files applied in order: tables created by an earlier file are new to later ones. Each
     * file is reviewed on a state carried over from the files before it; a file whose review does not finish
     * leaves that state as it was.
     */
    public final class Session {
        private final ReviewOptions options;
        private final int pgVersion;
        private final String pgVersionSource;
        private final List<FileReview> files = new ArrayList<>();
        /** What the files reviewed so far did, for the next file; null before the first. */
        private ScriptState carried;
        /** Reviews files under a time limit; replaced when a file's review has to be abandoned. */
        private java.util.concurrent.ExecutorService worker;

        Session(ReviewOptions options) {
            this.options = options;
            if (options.pgVersion() != null) {
                pgVersion = options.pgVersion();
                pgVersionSource = "--pg-version";
            } else if (live.isPresent()) {
                pgVersion = live.get().pgVersion();
                pgVersionSource = "server";
            } else {
                pgVersion = ReviewOptions.NEWEST_KNOWN_VERSION;
                pgVersionSource = "default (no database; pass --pg-version)";
            }
        }

        /** Reviews one file with no time limit (the caller bounds the work, e.g. one MCP tool call). */
        public FileReview review(String file, String sql) {
            return review(file, sql, null);
        }

        /**
         * Reviews one file within {@code limit} (null: none). The review stops between statements once the limit
         * has passed, and a statement that does not end in time is abandoned; either way the file is reported
         * with what could not be analysed, and the run goes on to the next file.
         */
        public FileReview review(String file, String sql, java.time.Duration limit) {
            ScriptState working = carried == null || options.independentFiles()
                    ? new ScriptState(options.assumeInTransaction())
                    : carried.nextFile(options.assumeInTransaction());
            FileReview review;
            if (limit == null) {
                review = reviewFile(file, sql, working, null);
            } else {
                review = withinLimit(file, sql, working, limit);
            }
            if (review != null) {
                carried = working;
            } else {
                review = FileReview.of(file, List.of(), List.of(unfinished(1, 1, "the review of " + file
                        + " did not finish within " + seconds(limit) + ": nothing in it was analysed")));
            }
            files.add(review);
            return review;
        }

        /** The review, or null when it had to be abandoned. */
        private FileReview withinLimit(String file, String sql, ScriptState working, java.time.Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            if (worker == null) worker = daemonWorker();
            var cancelled = new java.util.concurrent.atomic.AtomicBoolean();
            var future = worker.submit(() -> reviewFile(file, sql, working, new Deadline(deadline, limit, cancelled)));
            try {
                // the review stops by itself at the deadline between statements; the grace covers the statement
                // running when it passed
                return future.get(limit.toMillis() + GRACE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                cancelled.set(true);
                future.cancel(true);
                worker.shutdownNow();
                worker = null;   // the stuck thread is a daemon and no longer ours; the next file gets a new one
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            }
        }

        private FileReview reviewFile(String file, String sql, ScriptState working, Deadline deadline) {
            List<Token> tokens = SqlLexer.tokenize(sql);
            List<SqlStatement> statements = StatementSplitter.split(sql, tokens);
            ScriptContext script = new ScriptContext(sql, working, config, pgVersion, live,
                    suppressions(statements, tokens), statements);
            List<StatementReport> reports = new ArrayList<>();
            List<Finding> extra = new ArrayList<>();
            int index = 0;
            for (SqlStatement st : statements) {
                if (deadline != null && deadline.passed()) {
                    if (deadline.cancelled().get()) return null;
                    extra.add(unfinished(st.line(), st.column(), "the review of "
                            + file + " stopped at statement " + (index + 1) + " of " + statements.size()
                            + " after " + seconds(deadline.limit()) + ": this statement and the rest of the file "
                            + "were not analysed"));
                    break;
                }
                index++;
                script.enter(st);
                Ddl ddl = DdlParser.parse(st, sql);
                StatementContext ctx = new StatementContext(script, st, ddl, index, 0, false);
                List<TargetTable> touched = touched(ctx);
                Effects.Effect effect = run(ctx);
                if (ddl instanceof Ddl.DoBlock block) effect = reviewBody(script, block, index);
                working.statementEnded();
                reports.add(report(ctx, touched, effect, st.line()));
            }
            for (MigrationRule r : rules) r.finish(script);
            List<Finding> findings = new ArrayList<>(script.findings());
            findings.addAll(extra);
            findings.sort(Comparator.comparing(Finding::line).thenComparing(Finding::column));
            return FileReview.of(file, reports, findings);
        }

        public Review finish() {
            if (worker != null) worker.shutdown();
            return Review.of(pgVersion, pgVersionSource, files, skipped);
        }
    }

    private static final long GRACE_MILLIS = 2_000;

    private record Deadline(long nanos, java.time.Duration limit, java.util.concurrent.atomic.AtomicBoolean cancelled) {
        boolean passed() {
            return System.nanoTime() - nanos > 0 || cancelled.get();
        }
    }

    private static java.util.concurrent.ExecutorService daemonWorker() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "strata-migration-review");
            t.setDaemon(true);
            return t;
        });
    }

    private static String seconds(java.time.Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /**
     * A file Strata could not review in time. Reported whatever the configuration says about
     * {@code unanalysed-statement}: a review that silently stopped would pass a file nobody read.
     */
    private static Finding unfinished(int line, int column, String message) {
        return new Finding("unanalysed-statement", Severity.WARNING, message, line, column, null, null,
                "Split the file, or raise file_time_limit_ms in .strata.yml; report the file to Strata if a short "
                        + "file takes this long.", null);
    }

    /** Runs the rules on one statement, then applies it to the script state; the effect is the one before. */
    private Effects.Effect run(StatementContext ctx) {
        Effects.Effect effect;
        try {
            effect = Effects.of(ctx);
            ctx.effect(effect);
        } catch (RuntimeException e) {
            ctx.script().addUnchecked(ctx, "the statement's locks could not be worked out (" + e + ")");
            effect = Effects.Effect.NONE;
            ctx.effect(effect);
        }
        for (MigrationRule r : rules) {
            try {
                r.check(ctx);
            } catch (RuntimeException e) {
                // a rule's bug costs that rule's verdict on this statement, never the review of the file
                ctx.script().addUnchecked(ctx, r.id() + " failed on this statement (" + e + ")");
            }
        }
        try {
            apply(ctx, effect);
        } catch (RuntimeException e) {
            ctx.script().addUnchecked(ctx, "the script model could not follow this statement (" + e + ")");
            ctx.state().opaque(ctx.line());
        }
        return effect;
    }

    /**
     * A DO block runs as one transaction; the statements of its body are reviewed like top-level ones (with
     * positions in the script), string literals given to EXECUTE too. Dynamic SQL built at run time cannot be
     * seen and is reported as not analysed.
     */
    private Effects.Effect reviewBody(ScriptContext script, Ddl.DoBlock block, int index) {
        if (!block.language().equals("plpgsql")) return Effects.Effect.NONE;
        Map<String, Effects.ObjectLock> locks = new java.util.LinkedHashMap<>();
        Map<String, String> rewritten = new java.util.LinkedHashMap<>();
        for (Nested n : nestedStatements(block.body(), block.bodyOffset())) {
            Ddl ddl = DdlParser.parse(n.statement(), n.source());
            StatementContext ctx = new StatementContext(script, n.statement(), ddl, index, n.shift(), true);
            Effects.Effect e = run(ctx);
            for (Effects.ObjectLock l : e.locks()) {
                locks.merge(l.object(), l, (a, b) -> b.mode().compareTo(a.mode()) > 0 ? b : a);
            }
            e.rewritten().forEach(rewritten::putIfAbsent);
        }
        return new Effects.Effect(new ArrayList<>(locks.values()), rewritten);
    }

    private record Nested(SqlStatement statement, String source, int shift) {
    }

    private static List<Nested> nestedStatements(String body, int shift) {
        List<Nested> out = new ArrayList<>();
        for (SqlStatement piece : StatementSplitter.split(body)) {
            List<Token> t = piece.tokens();
            for (int i = 0; i < t.size(); i++) {
                Token tok = t.get(i);
                boolean atStart = i == 0 || t.get(i - 1).isAnyWord("begin", "then", "else", "loop");
                if (tok.isWord("execute") && i + 1 < t.size() && t.get(i + 1).kind().isString()) {
                    Token lit = t.get(i + 1);
                    String inner = lit.value();
                    int innerShift = shift + lit.start() + (lit.text().length() - inner.length()) / 2;
                    for (SqlStatement s : StatementSplitter.split(inner)) out.add(new Nested(s, inner, innerShift));
                    break;
                }
                if (atStart && tok.kind() == SqlLexer.TokenKind.IDENTIFIER
                        && BODY_STATEMENT_STARTS.contains(tok.value())) {
                    List<Token> rest = t.subList(i, t.size());
                    out.add(new Nested(new SqlStatement(piece.text(), rest.get(0).start(), piece.end(),
                            rest.get(0).line(), rest.get(0).column(), rest, List.of(), false, piece.terminated()),
                            body, shift));
                    break;
                }
            }
        }
        return out;
    }

    /** What the statement touches, judged before it runs (as the effect was). */
    private static List<TargetTable> touched(StatementContext ctx) {
        List<TargetTable> out = new ArrayList<>();
        for (var q : ctx.ddl().tables()) {
            if (q != null) out.add(ctx.target(q));
        }
        return out;
    }

    private static StatementReport report(StatementContext ctx, List<TargetTable> touched, Effects.Effect effect,
                                          int line) {
        Ddl ddl = ctx.ddl();
        List<String> tables = new ArrayList<>();
        Long rows = null;
        for (TargetTable t : touched) {
            tables.add(t.name());
            if (rows == null) rows = t.rowsEstimate();
        }
        for (Effects.ObjectLock l : effect.locks()) {
            if (l.table() != null && !tables.contains(l.object())) tables.add(l.object());
        }
        if (ddl instanceof Ddl.CreateTable) rows = 0L;
        List<StatementReport.Lock> locks = effect.locks().stream()
                .map(l -> new StatementReport.Lock(l.object(), l.kind(), l.mode().sql(), l.form().id())).toList();
        return new StatementReport(ctx.index(), line, ddl.label(), tables,
                effect.lock() == LockMode.NONE ? null : effect.lock().sql(), effect.rewrites(), rows, locks,
                List.copyOf(effect.rewritten().keySet()));
    }

    /** Updates the script model with what the statement did. */
    private static void apply(StatementContext ctx, Effects.Effect effect) {
        ScriptState s = ctx.state();
        Ddl ddl = ctx.ddl();
        int line = ctx.line();
        if (ddl instanceof Ddl.CreateTable ct) {
            String key = ctx.key(ct.table());
            TargetTable existing = ctx.target(ct.table());
            // IF NOT EXISTS over a table that is there does nothing: it keeps its rows and its readers
            if (ct.ifNotExists() && (existing.status() == TargetTable.Status.EXISTING || existing.isNew())) return;
            s.create(key, ct.columns(), ct.columnsKnown());
            for (ConstraintDef c : ct.constraints()) {
                if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY || c.kind() == ConstraintDef.Kind.UNIQUE) {
                    s.index(key, null, c.columns());
                } else if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY && c.references() != null) {
                    s.foreignKey(c.name(), key, c.columns(), ctx.key(c.references()));
                }
            }
            if (ct.fromQuery()) s.inserted(key, line);
        } else if (ddl instanceof Ddl.CreateIndex ci && ci.table() != null) {
            TargetTable t = ctx.target(ci.table());
            s.index(t.name(), ci.name() == null ? null : ctx.indexKey(new QualifiedName(ci.table().schema(),
                    ci.name())), ci.columns());
        } else if (ddl instanceof Ddl.DropIndex di) {
            for (QualifiedName index : di.indexes()) {
                TargetTable t = ctx.indexTable(index);
                s.dropRelation(ctx.indexKey(index), t.relation() != null);
            }
        } else if (ddl instanceof Ddl.AlterTable at) {
            alterTable(ctx, s, at, line);
        } else if (ddl instanceof Ddl.Drop d) {
            if (d.objectType().equals("TABLE") || d.objectType().equals("VIEW")
                    || d.objectType().equals("MATERIALIZED VIEW") || d.objectType().equals("FOREIGN TABLE")) {
                for (QualifiedName q : d.names()) {
                    TargetTable t = ctx.target(q);
                    s.dropRelation(t.name(), t.relation() != null || ctx.live().isEmpty());
                }
            }
            if (ctx.live().isPresent()) {
                for (var c : ctx.live().get().cascade(d.objectType(), d.names(), d.cascade())) {
                    if (c.dropped()) s.dropRelation(c.relation(), true);
                }
            }
        } else if (ddl instanceof Ddl.Truncate tr) {
            for (QualifiedName q : tr.tables()) s.emptied(ctx.target(q).name(), line);
        } else if (ddl instanceof Ddl.Modify m && m.table() != null) {
            String key = ctx.target(m.table()).name();
            if (m.kind() == StatementKind.DELETE) {
                if (m.hasWhere()) s.deleted(key, line);
                else s.emptied(key, line);
            } else {
                for (String c : m.setColumns()) {
                    s.updated(key, List.of(c), !m.hasWhere() || m.whereIsNull().contains(c), line);
                }
            }
        } else if (ddl instanceof Ddl.Insert ins && ins.table() != null) {
            s.inserted(ctx.target(ins.table()).name(), line);
        } else if (ddl instanceof Ddl.OnTable o && o.table() != null && o.name() != null
                && o.label().startsWith("DROP")) {
            s.dropDependent(ctx.target(o.table()).name(), o.name());
        } else if (ddl instanceof Ddl.AlterIndex ai && ai.newName() != null) {
            String from = ctx.indexKey(ai.index());
            s.renameTable(from, from.substring(0, from.indexOf('.') + 1) + ai.newName(), from);
        } else if (ddl instanceof Ddl.AlterView av && av.newName() != null && av.view() != null) {
            TargetTable t = ctx.target(av.view());
            s.renameTable(t.name(), t.name().substring(0, t.name().indexOf('.') + 1) + av.newName(),
                    t.relation() == null ? null : t.relation().qualifiedName());
        } else if (ddl instanceof Ddl.CreateView v && v.view() != null) {
            s.createView(ctx.key(v.view()));
        } else if (ddl instanceof Ddl.Transaction t) {
            if (t.kind() == StatementKind.BEGIN) s.begin();
            else s.end();
        } else if (ddl instanceof Ddl.Setting set) {
            s.set(set.name(), set.value(), set.local());
        } else if (ddl instanceof Ddl.CommentOn c && c.table() != null) {
            s.comment(ctx.target(c.table()).name(), c.column());
        } else if (ddl instanceof Ddl.Unrecognised || ddl instanceof Ddl.Other o && o.label().equals("CREATE EXTENSION")) {
            // it may create tables the model cannot see (an extension's own tables)
            s.opaque(line);
        } else if (ddl instanceof Ddl.DoBlock d && DYNAMIC_EXECUTE.matcher(d.body().toLowerCase(Locale.ROOT)).matches()) {
            s.opaque(line);
        }
        if (ctx.inTransaction()) {
            for (Effects.ObjectLock l : effect.locks()) s.hold(l.object(), l.mode());
        }
    }

    private static void alterTable(StatementContext ctx, ScriptState s, Ddl.AlterTable at, int line) {
        TargetTable target = ctx.target(at.table());
        String key = target.name();
        for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.AddColumn add) {
                s.addColumn(key, add.column());
                for (ConstraintDef c : add.column().constraints()) {
                    if (c.kind() == ConstraintDef.Kind.UNIQUE || c.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
                        s.index(key, null, c.columns());
                    } else if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY && c.references() != null) {
                        s.foreignKey(c.name(), key, c.columns(), ctx.key(c.references()));
                    }
                }
            } else if (a instanceof AlterAction.DropColumn d && d.column() != null) {
                s.dropColumn(key, d.column());
            } else if (a instanceof AlterAction.AlterType t && t.column() != null) {
                s.changeColumnType(key, t.column(), t.type());
            } else if (a instanceof AlterAction.SetNotNull n && n.column() != null) {
                s.setNotNull(key, n.column());
            } else if (a instanceof AlterAction.AddConstraint ac) {
                ConstraintDef c = ac.constraint();
                if (c.notValid()) s.notValid(key, c);
                else if (c.notNullCheckColumn() != null) s.validatedNotNullCheck(key, c.notNullCheckColumn());
                if ((c.kind() == ConstraintDef.Kind.UNIQUE || c.kind() == ConstraintDef.Kind.PRIMARY_KEY)
                        && !c.columns().isEmpty()) {
                    s.index(key, null, c.columns());
                }
                if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY && c.references() != null) {
                    s.foreignKey(c.name(), key, c.columns(), ctx.key(c.references()));
                }
            } else if (a instanceof AlterAction.ValidateConstraint v) {
                ConstraintDef c = s.notValidConstraint(v.name());
                if (c != null && c.notNullCheckColumn() != null) s.validatedNotNullCheck(key, c.notNullCheckColumn());
            } else if (a instanceof AlterAction.DropConstraint dc && dc.name() != null) {
                s.dropDependent(key, dc.name());
            } else if (a instanceof AlterAction.RenameConstraint rc && rc.from() != null) {
                s.dropDependent(key, rc.from());
            } else if (a instanceof AlterAction.RenameColumn r && r.from() != null && r.to() != null) {
                s.renameColumn(key, r.from(), r.to());
            } else if (a instanceof AlterAction.RenameTable r && r.to() != null) {
                String to = key.substring(0, key.indexOf('.') + 1) + r.to();
                s.renameTable(key, to, target.relation() == null ? null : target.relation().qualifiedName());
                key = to;
            }
        }
    }

    /**
     * {@code -- strata-ignore rule-id[, rule-id]} silences those rules on one statement: the comment sits just
     * above the statement, inside it, or at the end of its last line.
     */
    private static Map<SqlStatement, Set<String>> suppressions(List<SqlStatement> statements, List<Token> tokens) {
        Map<SqlStatement, Set<String>> out = new IdentityHashMap<>();
        Map<Integer, SqlStatement> endingOnLine = new HashMap<>();
        for (SqlStatement st : statements) {
            Token last = st.tokens().get(st.tokens().size() - 1);
            endingOnLine.put(last.line(), st);
        }
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement st = statements.get(i);
            for (Token c : st.comments()) {
                Matcher m = IGNORE.matcher(c.value().toLowerCase(Locale.ROOT));
                if (!m.find()) continue;
                SqlStatement owner = st;
                // "ALTER …; -- strata-ignore x" belongs to the statement that ends on the comment's line
                SqlStatement previous = endingOnLine.get(c.line());
                if (previous != null && previous != st && c.start() < st.start()) owner = previous;
                Set<String> ids = out.computeIfAbsent(owner, k -> new LinkedHashSet<>());
                for (String id : m.group(1).split(",")) ids.add(id.trim());
            }
        }
        return out;
    }
}
