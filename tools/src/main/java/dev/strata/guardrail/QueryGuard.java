package dev.strata.guardrail;

import dev.strata.catalog.Catalog;
import dev.strata.db.Database;
import dev.strata.guardrail.model.ColumnSource;
import dev.strata.guardrail.model.QueryModel;
import dev.strata.guardrail.model.QueryModelBuilder;
import dev.strata.guardrail.model.ServerObjects;
import dev.strata.guardrail.model.TableRef;
import dev.strata.profile.ProfileSource;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.StatementClassifier;
import dev.strata.sql.StatementSplitter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The query guardrail: splits and classifies with Strata's lexer, asks PostgreSQL to parse and analyse the
 * statement (never to run it), parses it with JSqlParser for the tree the semantic rules need, resolves names
 * against the catalog and the server's own objects, and runs every rule of {@link GuardRules}. Never throws for bad
 * input: every problem is a finding.
 *
 * <p>What PostgreSQL says is a fact: a statement it rejects gets its error; a statement it accepts has valid names,
 * so Strata's own name checks stand down (their findings would only repeat a gap in Strata's model). Where
 * JSqlParser cannot follow, the rules that need no tree (read-only classification, dangerous functions, restricted
 * objects, function volatility) still judge the statement.
 */
public final class QueryGuard {

    /** Longer input is refused unanalysed: no assistant query is this long, and parsers have worst cases. */
    public static final int MAX_SQL_CHARS = 200_000;
    /** After a failed read of the server's objects, how long the guardrail works without them before retrying. */
    private static final long SERVER_OBJECTS_RETRY_NANOS = 30_000_000_000L;
    /** How long a validation waits for PostgreSQL's verdict (its round trip is about a millisecond). */
    private static final long POSTGRES_WAIT_MILLIS = 2_000;

    private final Supplier<SchemaKnowledge> knowledge;
    private final ParseCheck parseCheck;
    private final ProfileSource profiles;
    private final Database database;
    private List<GuardRule> rules = GuardRules.ALL;
    private Object cachedCatalog;
    private Map<Long, Map<String, ColumnSource>> viewCache;
    private ServerObjects serverObjects = ServerObjects.NONE;
    private long serverObjectsReadAt;

    /**
     * @param knowledge  the catalog; a supplier returning null means "no database": token rules only
     * @param parseCheck PostgreSQL's parser, or null (then Strata's parser alone decides what parses)
     */
    public QueryGuard(Supplier<SchemaKnowledge> knowledge, ParseCheck parseCheck) {
        this(knowledge, parseCheck, null);
    }

    /** @param profiles data profiles for the data-aware rules, or null: those rules stay silent */
    public QueryGuard(Supplier<SchemaKnowledge> knowledge, ParseCheck parseCheck, ProfileSource profiles) {
        this.knowledge = knowledge;
        this.parseCheck = parseCheck;
        this.profiles = profiles;
        this.database = parseCheck instanceof PgParseCheck pg ? pg.database() : null;
    }

    /** The guardrail against a live database: PostgreSQL's parser, the server's objects, and the profiles. */
    public QueryGuard(Supplier<SchemaKnowledge> knowledge, Database database, ProfileSource profiles) {
        this(knowledge, new PgParseCheck(database), profiles);
    }

    /** The same guardrail with another rule list (benchmarks compare with and without a family of rules). */
    public QueryGuard withRules(List<GuardRule> rules) {
        QueryGuard copy = new QueryGuard(knowledge, parseCheck, profiles);
        copy.rules = List.copyOf(rules);
        return copy;
    }

    public Validation validate(String sql) {
        try {
            return validateOrThrow(sql);
        } catch (RuntimeException | StackOverflowError e) {
            // Fail closed: a statement Strata cannot fully analyse is never "ok".
            return refuse(sql == null ? "" : sql, "unsupported-syntax", "Strata could not analyse this statement ("
                    + e.getClass().getSimpleName() + "), so it cannot vouch for it", "rewrite it in plainer SQL");
        }
    }

    private Validation validateOrThrow(String sql) {
        String text = sql == null ? "" : sql;
        if (text.isBlank()) {
            return refuse(text, "syntax-error", "the statement is empty", "send one SQL statement");
        }
        if (text.length() > MAX_SQL_CHARS) {
            return refuse(text, "syntax-error", "the statement is " + text.length() + " characters long; Strata "
                    + "analyses at most " + MAX_SQL_CHARS, "send a shorter statement");
        }
        List<SqlStatement> statements = StatementSplitter.split(text);
        if (statements.isEmpty()) {
            return refuse(text, "syntax-error", "there is no statement, only comments", "send one SQL statement");
        }
        SchemaKnowledge k = knowledge.get();
        GuardContext context = new GuardContext(text, statements, k, null);
        context.profiles(profiles);
        if (k != null) context.server(serverObjects(k.catalog()));
        SqlStatement first = statements.get(0);
        StatementClassifier.Classification classification = StatementClassifier.classify(first);

        if (!first.psqlMeta() && !first.hasErrors()) {
            // PostgreSQL's round trip runs while Strata parses and resolves the statement on this thread.
            CompletableFuture<Optional<ParseCheck.Verdict>> verdict = askPostgres(first);
            Parsed parsed = parse(first);
            context.tree(parsed.tree);
            String modelError = null;
            if (parsed.tree != null && k != null) {
                try {
                    context.model(new QueryModelBuilder(k.catalog(), context.server(), first.text(), first.start(),
                            viewCache(k)).build(parsed.tree));
                } catch (RuntimeException | StackOverflowError e) {
                    // The tree could not be resolved: judged like a statement Strata cannot parse.
                    modelError = "the statement's structure could not be resolved (" + e.getClass().getSimpleName()
                            + ")";
                }
            }
            if (modelError != null) parsed = new Parsed(null, modelError, "its structure", first.start());
            context.parseOutcome(outcome(first, parsed, verdict));
        }
        for (GuardRule rule : rules) {
            if (rule.needsModel() && context.model() == null) continue;
            try {
                rule.check(context);
            } catch (RuntimeException e) {
                // A rule must never take the server down; its silence is reported instead.
                context.reportAt(rule, "rule " + rule.id() + " could not check this statement ("
                        + e.getClass().getSimpleName() + ")", first.start(), "report this to the Strata team");
            }
        }
        List<Finding> findings = new ArrayList<>(context.findings());
        findings.sort(Comparator.comparing(Finding::line).thenComparing(Finding::column)
                .thenComparing(Finding::rule));
        boolean ok = findings.stream().noneMatch(Finding::isError);
        // Read-only is syntactic (fail closed) and also needs every function called to be unable to write.
        boolean readOnly = statements.size() == 1 && classification.readOnly()
                && findings.stream().noneMatch(f -> f.rule().equals("not-read-only")
                || f.rule().equals("volatile-function"));
        return new Validation(ok, classification.kind().name().toLowerCase(Locale.ROOT), readOnly,
                tables(context.model()), findings);
    }

    /** View definitions are traced once per catalog; a reloaded catalog starts a fresh cache. */
    private synchronized Map<Long, Map<String, ColumnSource>> viewCache(SchemaKnowledge k) {
        if (cachedCatalog != k.catalog()) {
            cachedCatalog = k.catalog();
            viewCache = QueryModelBuilder.newViewCache();
        }
        return viewCache;
    }

    /**
     * The server's objects, read once per catalog (a few milliseconds); after a failed read, the guardrail works
     * leniently without them and tries again later.
     */
    private synchronized ServerObjects serverObjects(Catalog catalog) {
        if (database == null) return ServerObjects.NONE;
        boolean stale = cachedServerCatalog != catalog
                || (!serverObjects.loaded() && System.nanoTime() - serverObjectsReadAt > SERVER_OBJECTS_RETRY_NANOS);
        if (stale) {
            serverObjects = ServerObjectsLoader.load(database);
            serverObjectsReadAt = System.nanoTime();
            cachedServerCatalog = catalog;
        }
        return serverObjects;
    }

    private Object cachedServerCatalog;

    /** JSqlParser's tree, or why it has none. */
    private record Parsed(Statement tree, String error, String construct, int offset) {
    }

    /** JSqlParser first as written, then in a form it reads that means the same ({@link ParseRepairs}). */
    private static Parsed parse(SqlStatement statement) {
        String body = statement.text();
        try {
            Statement tree;
            try {
                // Without JSqlParser's backtracking ("complex parsing") parses are ~3x faster and most statements
                // parse the same; the rare statement that needs it gets a second, full attempt.
                tree = CCJSqlParserUtil.newParser(body).withAllowComplexParsing(false).withComplexParsing(false)
                        .Statement();
            } catch (ParseException | RuntimeException simple) {
                try {
                    tree = CCJSqlParserUtil.newParser(body).Statement();
                } catch (ParseException | RuntimeException first) {
                    String repaired = ParseRepairs.repair(statement);
                    if (repaired.equals(body)) throw first;
                    try {
                        tree = CCJSqlParserUtil.newParser(repaired).Statement();
                    } catch (ParseException | RuntimeException second) {
                        throw first;
                    }
                }
            }
            return new Parsed(tree, null, null, statement.start());
        } catch (ParseException | RuntimeException | StackOverflowError e) {
            int offset = statement.start() + offsetOf(e, body);
            String message = firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return new Parsed(null, message, UnsupportedConstructs.name(statement, offset), offset);
        }
    }

    /** Asks PostgreSQL (parse and analysis, nothing runs) on another thread; null when there is no PostgreSQL. */
    private CompletableFuture<Optional<ParseCheck.Verdict>> askPostgres(SqlStatement statement) {
        if (parseCheck == null) return null;
        try {
            return CompletableFuture.supplyAsync(() -> parseCheck.check(statement.text()), ASKING);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Threads that wait for PostgreSQL's answers: daemon, created as needed, gone when idle. */
    private static final ExecutorService ASKING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "strata-parse-check");
        t.setDaemon(true);
        return t;
    });

    /** PostgreSQL's verdict joined with Strata's parse: rejected, accepted, not askable, or unavailable. */
    private static ParseOutcome outcome(SqlStatement statement, Parsed parsed,
                                        CompletableFuture<Optional<ParseCheck.Verdict>> verdict) {
        ParseOutcome.Postgres postgres = ParseOutcome.Postgres.UNAVAILABLE;
        if (verdict != null) {
            try {
                // A pool busy with long queries must not hold validation up: past the wait, judge without it.
                Optional<ParseCheck.Verdict> pg = verdict.get(POSTGRES_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (pg.isPresent() && !pg.get().accepted()) {
                    ParseCheck.Verdict v = pg.get();
                    int pgOffset = v.position() > 0 ? statement.start() + v.position() - 1 : parsed.offset;
                    return new ParseOutcome(parsed.error, parsed.construct, ParseOutcome.Postgres.REJECTED,
                            v.message(), v.sqlState(), pgOffset);
                }
                postgres = pg.isPresent() ? ParseOutcome.Postgres.ACCEPTED : ParseOutcome.Postgres.NOT_ASKABLE;
            } catch (RuntimeException | ExecutionException | TimeoutException unavailable) {
                // No database right now: judge on Strata's parser alone.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new ParseOutcome(parsed.error, parsed.construct, postgres, null, null, parsed.offset);
    }

    private static int offsetOf(Throwable e, String body) {
        if (e instanceof ParseException pe && pe.currentToken != null) {
            Token t = pe.currentToken.next != null ? pe.currentToken.next : pe.currentToken;
            int line = t.beginLine;
            int column = t.beginColumn;
            int offset = 0;
            for (int l = 1; l < line && offset < body.length(); l++) {
                int nl = body.indexOf('\n', offset);
                if (nl < 0) break;
                offset = nl + 1;
            }
            return Math.min(body.length(), offset + Math.max(0, column - 1));
        }
        return 0;
    }

    private static String firstLine(String s) {
        String line = s.lines().findFirst().orElse(s).strip();
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }

    /** The relations the statement reads: catalog relations, system relations and sequences, schema-qualified. */
    private static List<String> tables(QueryModel model) {
        if (model == null) return List.of();
        return model.tables().stream().map(TableRef::qualifiedName).filter(n -> n != null).distinct().sorted()
                .toList();
    }

    private static Validation refuse(String sql, String rule, String message, String fix) {
        Finding f = new Finding(rule, Severity.ERROR, message, 1, 1, null, null, fix, null);
        return new Validation(false, "unknown", false, List.of(), List.of(f));
    }
}
