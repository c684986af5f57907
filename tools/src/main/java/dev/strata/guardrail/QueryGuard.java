package dev.strata.guardrail;

import dev.strata.guardrail.model.ColumnSource;
import dev.strata.guardrail.model.QueryModel;
import dev.strata.guardrail.model.QueryModelBuilder;
import dev.strata.guardrail.model.TableRef;
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
import java.util.function.Supplier;

/**
 * The query guardrail: splits and classifies with Strata's lexer, parses with JSqlParser (asking PostgreSQL when
 * JSqlParser cannot), resolves names against the catalog, and runs every rule of {@link GuardRules}. Never throws
 * for bad input: every problem is a finding.
 */
public final class QueryGuard {

    /** Longer input is refused unanalysed: no assistant query is this long, and parsers have worst cases. */
    public static final int MAX_SQL_CHARS = 200_000;

    private final Supplier<SchemaKnowledge> knowledge;
    private final ParseCheck parseCheck;
    private final dev.strata.profile.ProfileSource profiles;
    private List<GuardRule> rules = GuardRules.ALL;
    private Object cachedCatalog;
    private Map<Long, Map<String, ColumnSource>> viewCache;

    /**
     * @param knowledge  the catalog; a supplier returning null means "no database": token rules only
     * @param parseCheck PostgreSQL's parser for statements JSqlParser cannot read, or null
     */
    public QueryGuard(Supplier<SchemaKnowledge> knowledge, ParseCheck parseCheck) {
        this(knowledge, parseCheck, null);
    }

    /** @param profiles data profiles for the data-aware rules, or null: those rules stay silent */
    public QueryGuard(Supplier<SchemaKnowledge> knowledge, ParseCheck parseCheck,
                      dev.strata.profile.ProfileSource profiles) {
        this.knowledge = knowledge;
        this.parseCheck = parseCheck;
        this.profiles = profiles;
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
        SqlStatement first = statements.get(0);
        StatementClassifier.Classification classification = StatementClassifier.classify(first);

        if (!first.psqlMeta() && !first.hasErrors()) {
            Statement tree = parse(first, context);
            context.tree(tree);
            if (tree != null && k != null) {
                try {
                    context.model(new QueryModelBuilder(k.catalog(), first.text(), first.start(), viewCache(k))
                            .build(tree));
                } catch (RuntimeException | StackOverflowError e) {
                    context.parseOutcome(ParseOutcome.unparsed("the statement's structure could not be resolved ("
                            + e.getClass().getSimpleName() + ")", ParseOutcome.Postgres.NOT_ASKABLE, first.start()));
                }
            }
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
        boolean readOnly = statements.size() == 1 && classification.readOnly()
                && findings.stream().noneMatch(f -> f.rule().equals("not-read-only"));
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

    /** JSqlParser first (fast, gives the tree); PostgreSQL when it fails, to tell bad SQL from exotic SQL. */
    private Statement parse(SqlStatement statement, GuardContext context) {
        String body = statement.text();
        try {
            Statement tree;
            try {
                // Without JSqlParser's backtracking ("complex parsing") parses are ~3x faster and the corpus
                // parses the same; the rare statement that needs it gets a second, full attempt.
                tree = CCJSqlParserUtil.newParser(body).withAllowComplexParsing(false).withComplexParsing(false)
                        .Statement();
            } catch (ParseException | RuntimeException simple) {
                try {
                    tree = CCJSqlParserUtil.newParser(body).Statement();
                } catch (ParseException | RuntimeException first) {
                    String quoted = quoteParserKeywords(statement);
                    if (quoted.equals(body)) throw first;
                    tree = CCJSqlParserUtil.newParser(quoted).Statement();
                }
            }
            context.parseOutcome(ParseOutcome.PARSED);
            return tree;
        } catch (ParseException | RuntimeException | StackOverflowError e) {
            int offset = statement.start() + offsetOf(e, body);
            String message = firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            ParseOutcome.Postgres postgres = ParseOutcome.Postgres.UNAVAILABLE;
            if (parseCheck != null) {
                try {
                    Optional<ParseCheck.Verdict> pg = parseCheck.check(body);
                    if (pg.isPresent() && !pg.get().accepted()) {
                        ParseCheck.Verdict v = pg.get();
                        int pgOffset = v.position() > 0 ? statement.start() + v.position() - 1 : offset;
                        context.parseOutcome(new ParseOutcome(message, ParseOutcome.Postgres.REJECTED, v.message()
                                + (v.sqlState() == null ? "" : " (SQLSTATE " + v.sqlState() + ")"), v.sqlState(),
                                pgOffset));
                        return null;
                    }
                    postgres = pg.isPresent() ? ParseOutcome.Postgres.ACCEPTED : ParseOutcome.Postgres.NOT_ASKABLE;
                } catch (RuntimeException unavailable) {
                    // No database right now: judge on Strata's parser alone.
                }
            }
            context.parseOutcome(ParseOutcome.unparsed(message, postgres, offset));
            return null;
        }
    }

    /**
     * JSqlParser reserves a few words PostgreSQL does not ({@code number}, {@code uuid}): as column names they make
     * it fail on valid SQL. Quoting them where they are not a function call or a type after {@code ::} means the
     * same to PostgreSQL and lets the parser through.
     */
    static String quoteParserKeywords(SqlStatement statement) {
        List<dev.strata.sql.SqlLexer.Token> tokens = statement.tokens();
        StringBuilder out = new StringBuilder(statement.text());
        int shift = 0;
        for (int i = 0; i < tokens.size(); i++) {
            dev.strata.sql.SqlLexer.Token t = tokens.get(i);
            if (!t.isAnyWord("number", "uuid")) continue;
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            boolean type = i > 0 && (tokens.get(i - 1).isSymbol("::") || tokens.get(i - 1).isWord("as")
                    && t.isWord("uuid"));
            if (call || type) continue;
            int at = t.start() - statement.start() + shift;
            out.replace(at, at + t.text().length(), '"' + t.text().toLowerCase(Locale.ROOT) + '"');
            shift += 2;
        }
        return out.toString();
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

    private static List<String> tables(QueryModel model) {
        if (model == null) return List.of();
        return model.tables().stream().filter(TableRef::isBase).map(t -> t.relation().qualifiedName()).distinct()
                .sorted().toList();
    }

    private static Validation refuse(String sql, String rule, String message, String fix) {
        Finding f = new Finding(rule, Severity.ERROR, message, 1, 1, null, null, fix, null);
        return new Validation(false, "unknown", false, List.of(), List.of(f));
    }
}
