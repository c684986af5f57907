package dev.strata.migration;

import dev.strata.guardrail.Finding;
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

    /** A run over several files applied in order: tables created by an earlier file are new to later ones. */
    public final class Session {
        private final ReviewOptions options;
        private final int pgVersion;
        private final String pgVersionSource;
        private final List<FileReview> files = new ArrayList<>();
        private ScriptState state;

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
            state = new ScriptState(options.assumeInTransaction());
        }

        public FileReview review(String file, String sql) {
            if (!files.isEmpty()) {
                state = options.independentFiles() ? new ScriptState(options.assumeInTransaction())
                        : state.nextFile(options.assumeInTransaction());
            }
            List<Token> tokens = SqlLexer.tokenize(sql);
            List<SqlStatement> statements = StatementSplitter.split(sql, tokens);
            ScriptContext script = new ScriptContext(sql, state, config, pgVersion, live,
                    suppressions(statements, tokens));
            List<StatementReport> reports = new ArrayList<>();
            int index = 0;
            for (SqlStatement st : statements) {
                index++;
                script.enter(st);
                Ddl ddl = DdlParser.parse(st, sql);
                StatementContext ctx = new StatementContext(script, st, ddl, index, 0, false);
                Effects.Effect effect = run(ctx);
                if (ddl instanceof Ddl.DoBlock block) effect = reviewBody(script, st, block, index);
                reports.add(report(ctx, effect, script.line(st.start())));
            }
            for (MigrationRule r : rules) r.finish(script);
            List<Finding> findings = new ArrayList<>(script.findings());
            findings.sort(Comparator.comparing(Finding::line).thenComparing(Finding::column));
            FileReview review = FileReview.of(file, reports, findings);
            files.add(review);
            return review;
        }

        public Review finish() {
            return Review.of(pgVersion, pgVersionSource, files, skipped);
        }
    }

    /** Runs the rules on one statement, then applies it to the script state. */
    private Effects.Effect run(StatementContext ctx) {
        Effects.Effect effect = Effects.of(ctx);
        for (MigrationRule r : rules) r.check(ctx);
        apply(ctx);
        return effect;
    }

    /**
     * A DO block runs as one transaction; the statements of its body are reviewed like top-level ones (with
     * positions in the script), string literals given to EXECUTE too. Dynamic SQL built at run time cannot be
     * seen and is reported as not analysed.
     */
    private Effects.Effect reviewBody(ScriptContext script, SqlStatement outer, Ddl.DoBlock block, int index) {
        LockMode lock = LockMode.NONE;
        boolean rewrites = false;
        if (!block.language().equals("plpgsql")) return new Effects.Effect(LockMode.ACCESS_EXCLUSIVE, false);
        for (Nested n : nestedStatements(block.body(), block.bodyOffset())) {
            Ddl ddl = DdlParser.parse(n.statement(), n.source());
            StatementContext ctx = new StatementContext(script, n.statement(), ddl, index, n.shift(), true);
            Effects.Effect e = run(ctx);
            lock = LockMode.max(lock, e.lock());
            rewrites |= e.rewrites();
        }
        return new Effects.Effect(lock, rewrites);
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

    private StatementReport report(StatementContext ctx, Effects.Effect effect, int line) {
        Ddl ddl = ctx.ddl();
        List<String> tables = new ArrayList<>();
        Long rows = null;
        for (var q : ddl.tables()) {
            if (q == null) continue;
            TargetTable t = ctx.target(q);
            tables.add(t.name());
            if (rows == null) rows = t.rowsEstimate();
        }
        if (ddl instanceof Ddl.CreateTable) rows = 0L;
        return new StatementReport(ctx.index(), line, ddl.label(), tables,
                effect.lock() == LockMode.NONE ? null : effect.lock().sql(), effect.rewrites(), rows);
    }

    /** Updates the script state with what the statement did. */
    private static void apply(StatementContext ctx) {
        ScriptState s = ctx.state();
        Ddl ddl = ctx.ddl();
        if (ddl instanceof Ddl.CreateTable ct) {
            String key = ctx.key(ct.table());
            s.create(key, ct.columns());
            for (ConstraintDef c : ct.constraints()) {
                if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY || c.kind() == ConstraintDef.Kind.UNIQUE) {
                    s.index(key, null, c.columns());
                }
            }
            // columns of a new table need comments; so does the table
        } else if (ddl instanceof Ddl.CreateIndex ci && ci.table() != null) {
            s.index(ctx.key(ci.table()), ci.name() == null ? null : qualifyIndex(ctx, ci), ci.columns());
        } else if (ddl instanceof Ddl.AlterTable at) {
            String key = ctx.key(at.table());
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.AddColumn add) {
                    s.addColumn(key, add.column());
                    for (ConstraintDef c : add.column().constraints()) {
                        if (c.kind() == ConstraintDef.Kind.UNIQUE || c.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
                            s.index(key, null, c.columns());
                        }
                    }
                } else if (a instanceof AlterAction.AddConstraint ac) {
                    ConstraintDef c = ac.constraint();
                    if (c.notValid()) s.notValid(key, c);
                    else if (c.notNullCheckColumn() != null) s.validatedNotNullCheck(key, c.notNullCheckColumn());
                    if ((c.kind() == ConstraintDef.Kind.UNIQUE || c.kind() == ConstraintDef.Kind.PRIMARY_KEY)
                            && !c.columns().isEmpty()) {
                        s.index(key, null, c.columns());
                    }
                } else if (a instanceof AlterAction.ValidateConstraint v) {
                    ConstraintDef c = s.notValidConstraint(v.name());
                    if (c != null && c.notNullCheckColumn() != null) {
                        s.validatedNotNullCheck(key, c.notNullCheckColumn());
                    }
                } else if (a instanceof AlterAction.AlterType t && s.isCreated(key)) {
                    s.created(key).columns().put(t.column(), t.type());
                } else if (a instanceof AlterAction.RenameTable r && s.isCreated(key)) {
                    s.rename(key, key.substring(0, key.indexOf('.') + 1) + r.to());
                }
            }
        } else if (ddl instanceof Ddl.Drop d && d.objectType().equals("TABLE")) {
            for (var q : d.names()) s.drop(ctx.key(q));
        } else if (ddl instanceof Ddl.Transaction t) {
            if (t.kind() == StatementKind.BEGIN) s.begin();
            else s.end();
        } else if (ddl instanceof Ddl.Setting set) {
            if (set.name().equals("lock_timeout") || set.name().equals("all")) {
                boolean on = set.value() != null && !set.value().matches("0|'0'|default|DEFAULT|0ms|'0ms'");
                s.lockTimeout(on, set.local());
            }
        } else if (ddl instanceof Ddl.CommentOn c && c.table() != null) {
            s.comment(ctx.key(c.table()), c.column());
        }
    }

    private static String qualifyIndex(StatementContext ctx, Ddl.CreateIndex ci) {
        String tableKey = ctx.key(ci.table());
        return tableKey.substring(0, tableKey.indexOf('.') + 1) + ci.name();
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
