package dev.strata.server.mcp;

import dev.strata.catalog.Relation;
import dev.strata.db.DatabaseUnavailableException;
import dev.strata.drift.SnapshotStore;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Validation;
import dev.strata.legibility.SchemaReport;
import dev.strata.migration.MigrationService;
import dev.strata.prompts.PromptLibrary;
import dev.strata.prompts.PromptTemplate;
import dev.strata.profile.ProfileService;
import dev.strata.profile.Profiler;
import dev.strata.query.QueryService;
import dev.strata.json.Json;
import dev.strata.schema.SchemaExplorer;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.schema.SchemaViews.TableList;
import dev.strata.schema.ToolException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Strata's MCP surface as plain SDK specifications: tools, resources, the table resource template and its
 * completions. Each handler only adapts arguments and results; the work is done by {@link SchemaExplorer} and
 * friends. The same specifications serve stdio, streamable HTTP and stateless HTTP.
 */
public final class StrataMcp {

    private static final Logger log = LoggerFactory.getLogger(StrataMcp.class);

    public static final String TABLES_URI = "strata://tables";
    public static final String TABLE_TEMPLATE = "strata://table/{schema}/{name}";
    private static final String TABLE_PREFIX = "strata://table/";

    private final Supplier<SchemaKnowledge> knowledge;
    private final SchemaExplorer explorer;
    private final McpJsonMapper json;
    private final List<StrataTool> tools;
    private final AnswerBudget budget = new AnswerBudget();
    private final AnswerPages pages = new AnswerPages();
    private final AtomicInteger clientCallsInFlight = new AtomicInteger();

    /**
     * @param queries  the query service, created on first use (the database connection may still be opening)
     * @param profiles the profile service, created on first use like the query service
     * @param migrations migration review, likewise created on first use
     * @param snapshots the named snapshots schema_diff compares (startup, live, files)
     * @param allowWrites whether run_query may write (changes its annotations)
     */
    public StrataMcp(Supplier<SchemaKnowledge> knowledge, Supplier<QueryService> queries,
                     Supplier<ProfileService> profiles, Supplier<MigrationService> migrations, SnapshotStore snapshots,
                     boolean allowWrites,
                     McpJsonMapper json) {
        this.knowledge = knowledge;
        // find_join_path checks its routes with EXPLAIN's row estimate (through the guardrail, never executed).
        this.explorer = new SchemaExplorer(knowledge, sql -> queries.get().explain(sql)
                instanceof QueryService.Explained e ? java.util.OptionalLong.of(e.plan().estimatedRows())
                : java.util.OptionalLong.empty());
        this.json = json;
        this.tools = List.of(
                tool("list_tables", a -> {
                    TableList r = explorer.listTables(a.string("schema"), a.string("query"), a.integer("limit"),
                            a.string("cursor"));
                    return new StrataTool.Result(r, TextRendering.tables(r));
                }),
                tool("search_schema", a -> {
                    var r = explorer.searchSchema(a.requiredString("query"), a.integer("limit"));
                    return new StrataTool.Result(r, TextRendering.search(r));
                }),
                tool("describe_table", a -> {
                    var r = explorer.describeTable(a.requiredString("table"));
                    // The profile summary comes from cached or pg_stats profiles only: describe_table stays fast.
                    List<ProfileService.ColumnSummary> summary = profileSummary(profiles, r.schema(), r.name());
                    Map<String, Object> value = Json.toMap(r);
                    if (!summary.isEmpty()) value.put("profile_summary", Json.MAPPER.convertValue(summary, List.class));
                    return new StrataTool.Result(value, TextRendering.table(r) + TextRendering.profileSummary(summary));
                }),
                tool("get_relationships", a -> {
                    var r = explorer.relationships(a.string("table"), a.integer("depth"), a.bool("include_inferred"),
                            a.string("cursor"), a.integer("max_tokens"));
                    return new StrataTool.Result(r, TextRendering.relationships(r));
                }),
                tool("find_join_path", a -> {
                    var r = explorer.joinPaths(a.requiredString("from"), a.requiredString("to"), a.integer("max_hops"));
                    return new StrataTool.Result(r, TextRendering.joinPaths(r));
                }),
                tool("profile_column", a -> {
                    var r = profiles.get().profileColumn(a.requiredString("table"), a.requiredString("column"),
                            a.integer("sample_rows"), a.bool("refresh"));
                    return new StrataTool.Result(r, TextRendering.profile(r));
                }),
                tool("profile_table", a -> {
                    var r = profiles.get().profileTable(a.requiredString("table"), a.integer("sample_rows"),
                            a.bool("refresh"), a.progress());
                    return StrataTool.Result.rendered(r, TextRendering::profile);
                }),
                tool("validate_sql", a -> {
                    var r = queries.get().validate(a.requiredString("sql"));
                    return StrataTool.Result.rendered(r, TextRendering::validation);
                }),
                writable(tool("run_query", a -> {
                    QueryService.Outcome outcome = queries.get().run(a.requiredString("sql"), a.integer("max_rows"));
                    if (outcome instanceof QueryService.Refused refused) {
                        throw new RefusedException(refused.reason(), refused.validation());
                    }
                    QueryService.Ran ran = (QueryService.Ran) outcome;
                    return new StrataTool.Result(new QueryAnswer(ran.result(), ran.findings()),
                            TextRendering.rows(ran.result(), ran.findings()));
                }), allowWrites),
                tool("explain_query", a -> {
                    QueryService.Outcome outcome = queries.get().explain(a.requiredString("sql"));
                    if (outcome instanceof QueryService.Refused refused) {
                        throw new RefusedException(refused.reason(), refused.validation());
                    }
                    QueryService.Explained e = (QueryService.Explained) outcome;
                    return new StrataTool.Result(new PlanAnswer(e.plan(), e.findings()), TextRendering.plan(e.plan()));
                }),
                tool("schema_report", a -> {
                    var r = new SchemaReport().run(knowledge.get(), (table, i, n) -> {
                        a.progress().step(i - 1, n, "profiling " + table.qualifiedName());
                        return java.util.Optional.of(profiles.get().cache().table(table, null, false,
                                dev.strata.profile.Profiler.Progress.NONE));
                    }, a.string("schema"), a.string("table"), a.string("cursor"), a.integer("max_tokens"));
                    return new StrataTool.Result(r, TextRendering.schemaReport(r));
                }),
                tool("review_migration", a -> {
                    var r = migrations.get().review(a.requiredString("sql"), a.integer("pg_version"));
                    return StrataTool.Result.rendered(r, TextRendering::migration);
                }),
                tool("schema_diff", a -> {
                    var r = snapshots.diff(a.requiredString("from"), a.requiredString("to"));
                    return StrataTool.Result.rendered(r, dev.strata.drift.DiffReport::text);
                }));
    }

    private List<ProfileService.ColumnSummary> profileSummary(Supplier<ProfileService> profiles, String schema,
                                                              String name) {
        try {
            Relation r = knowledge.get().catalog().find(schema, name).orElse(null);
            return r == null ? List.of() : profiles.get().summary(r);
        } catch (RuntimeException e) {
            return List.of(); // a summary is a bonus: never fail describe_table for it
        }
    }

    private StrataTool tool(String name, Function<Args, StrataTool.Result> handler) {
        return new StrataTool(ToolManifest.load(name, json), handler);
    }

    /** With --allow-writes, run_query is truthfully annotated as a tool that can write. */
    private static StrataTool writable(StrataTool tool, boolean allowWrites) {
        if (!allowWrites) return tool;
        McpSchema.Tool d = tool.definition();
        McpSchema.Tool writing = McpSchema.Tool.builder().name(d.name()).title(d.title())
                .description(d.description() + " Started with --allow-writes: one validated write statement at a "
                        + "time is executed and committed.")
                .inputSchema(d.inputSchema()).outputSchema(d.outputSchema())
                .annotations(new McpSchema.ToolAnnotations(d.title(), false, true, false, false, null)).build();
        return new StrataTool(writing, tool.handler());
    }

    /** run_query's answer: the rows and any warning findings, flat as the contract lists them. */
    record QueryAnswer(List<dev.strata.query.QueryResult.ResultColumn> columns, List<List<Object>> rows, int rowCount,
                       String truncated, Integer cutValues, long elapsedMs, List<Finding> findings) {
        QueryAnswer(dev.strata.query.QueryResult r, List<Finding> findings) {
            this(r.columns(), r.rows(), r.rowCount(), r.truncated(), r.cutValues() == 0 ? null : r.cutValues(),
                    r.elapsedMs(), findings);
        }
    }

    /** explain_query's answer: the plan figures and any warning findings of the guardrail. */
    record PlanAnswer(double totalCost, long estimatedRows, List<String> warnings,
                      dev.strata.query.ExplainResult.PlanNode plan, List<Finding> findings) {
        PlanAnswer(dev.strata.query.ExplainResult r, List<Finding> findings) {
            this(r.totalCost(), r.estimatedRows(), r.warnings(), r.plan(), findings);
        }
    }

    /** A refusal: an error result that still carries the findings as structured content. */
    static final class RefusedException extends RuntimeException {
        final Validation validation;

        RefusedException(String reason, Validation validation) {
            super(reason);
            this.validation = validation;
        }
    }

    private final List<java.util.function.Consumer<dev.strata.schema.CatalogChange>> changeSinks =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Registers where schema changes go: one notifier per running MCP server (stdio, HTTP). */
    public void onSchemaChange(java.util.function.Consumer<dev.strata.schema.CatalogChange> sink) {
        changeSinks.add(sink);
    }

    /** The schema changed: tell every connected client (see {@link ChangeNotifier}). */
    public void schemaChanged(dev.strata.schema.CatalogChange change) {
        for (var sink : changeSinks) {
            try {
                sink.accept(change);
            } catch (RuntimeException e) {
                log.warn("notifying clients of a schema change failed: {}", e.toString());
            }
        }
    }

    public List<McpSchema.Tool> toolDefinitions() {
        return tools.stream().map(StrataTool::definition).toList();
    }

    /** Runs a tool; every failure becomes a result with {@code isError} and a message the model can act on. */
    public CallToolResult call(String name, Map<String, Object> arguments) {
        StrataTool tool = tools.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
        if (tool == null) return error("unknown tool " + name);
        return call(tool, arguments);
    }

    CallToolResult call(StrataTool tool, Map<String, Object> arguments) {
        return call(tool, arguments, Profiler.Progress.NONE);
    }

    CallToolResult call(StrataTool tool, Map<String, Object> arguments, Profiler.Progress progress) {
        try {
            Args args = new Args(arguments, progress, tool.name(), tool.inputProperties());
            int offset = tool.pageable() ? args.offset() : 0;
            AnswerPages.Page page = offset > 0 ? pages.get(tool.name(), arguments) : null;
            if (page == null) {
                StrataTool.Result computed = tool.handler().apply(args);
                page = new AnswerPages.Page(computed, Json.toMap(computed.value()));
            }
            StrataTool.Result result = page.result();
            // Every answer fits the size budget, whatever the tool returned (see AnswerBudget).
            AnswerBudget.Fitted fitted = budget.fit(result.value(), page.full(), result.text(), result.render(),
                    offset, tool.pageable());
            if (fitted.structured().containsKey("next_offset")) pages.put(tool.name(), arguments, page);
            return CallToolResult.builder()
                    .structuredContent(fitted.structured())
                    .addTextContent(fitted.text())
                    .isError(false)
                    .build();
        } catch (RefusedException e) {
            Refusal refusal = new Refusal(e.validation.findings());
            AnswerBudget.Fitted fitted = budget.fit(refusal, e.getMessage() + "\n"
                    + TextRendering.findings(refusal.findings()), null, 0, false);
            return CallToolResult.builder()
                    .structuredContent(fitted.structured())
                    .addTextContent(fitted.text())
                    .isError(true).build();
        } catch (ToolException | DatabaseUnavailableException e) {
            return error(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("tool {} failed", tool.name(), e);
            // No class name or stack frame leaves the server: the detail is in its log.
            String detail = SafeErrors.message(dev.strata.db.Database.rootMessage(e), null);
            return error(tool.name() + " failed unexpectedly" + (detail == null ? "" : " (" + detail + ")")
                    + "; the server is still running, try again or report this");
        }
    }

    record Refusal(List<Finding> findings) {
    }

    private CallToolResult clientCall(Supplier<CallToolResult> call) {
        clientCallsInFlight.incrementAndGet();
        try {
            return call.get();
        } finally {
            clientCallsInFlight.decrementAndGet();
        }
    }

    /** Whether a client's tool call is running now: background warm-up gives way to it (two cores, cold code). */
    public boolean clientCallInFlight() {
        return clientCallsInFlight.get() > 0;
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    // ------------------------------------------------------------------ specifications per server flavour

    public List<McpServerFeatures.SyncToolSpecification> syncTools() {
        return tools.stream().map(t -> McpServerFeatures.SyncToolSpecification.builder().tool(t.definition())
                .callHandler((exchange, request) -> clientCall(() -> call(t, request.arguments(),
                        progress(exchange, request.progressToken())))).build()).toList();
    }

    /**
     * Progress notifications for a call whose request carried a progressToken (MCP asks servers to send none
     * otherwise). A client gone away must not fail the call, so sending errors are dropped.
     */
    static Profiler.Progress progress(McpSyncServerExchange exchange, Object token) {
        if (token == null || exchange == null) return Profiler.Progress.NONE;
        return (done, total, message) -> {
            try {
                exchange.progressNotification(new McpSchema.ProgressNotification(token, (double) done,
                        (double) total, message));
            } catch (RuntimeException e) {
                log.debug("progress notification not sent", e);
            }
        };
    }

    public List<McpStatelessServerFeatures.SyncToolSpecification> statelessTools() {
        return tools.stream().map(t -> McpStatelessServerFeatures.SyncToolSpecification.builder()
                .tool(t.definition()).callHandler((context, request) -> clientCall(() -> call(t, request.arguments())))
                .build())
                .toList();
    }

    public McpSchema.Resource tablesResource() {
        return McpSchema.Resource.builder(TABLES_URI, "tables").title("All tables")
                .description("Every table and view with kind, row estimate, column count and comment")
                .mimeType("application/json").build();
    }

    public McpSchema.ResourceTemplate tableTemplate() {
        return McpSchema.ResourceTemplate.builder(TABLE_TEMPLATE, "table").title("Table description")
                .description("describe_table for one table").mimeType("application/json").build();
    }

    public List<McpServerFeatures.SyncResourceSpecification> syncResources() {
        return List.of(new McpServerFeatures.SyncResourceSpecification(tablesResource(),
                (exchange, request) -> readTables(request.uri())));
    }

    public List<McpStatelessServerFeatures.SyncResourceSpecification> statelessResources() {
        return List.of(new McpStatelessServerFeatures.SyncResourceSpecification(tablesResource(),
                (context, request) -> readTables(request.uri())));
    }

    public List<McpServerFeatures.SyncResourceTemplateSpecification> syncTemplates() {
        return List.of(new McpServerFeatures.SyncResourceTemplateSpecification(tableTemplate(),
                (exchange, request) -> readTable(request.uri())));
    }

    public List<McpStatelessServerFeatures.SyncResourceTemplateSpecification> statelessTemplates() {
        return List.of(new McpStatelessServerFeatures.SyncResourceTemplateSpecification(tableTemplate(),
                (context, request) -> readTable(request.uri())));
    }

    public List<McpServerFeatures.SyncCompletionSpecification> syncCompletions() {
        List<McpServerFeatures.SyncCompletionSpecification> out = new ArrayList<>();
        out.add(new McpServerFeatures.SyncCompletionSpecification(
                new McpSchema.ResourceReference(TABLE_TEMPLATE), (exchange, request) -> complete(request)));
        for (PromptTemplate p : PromptLibrary.all()) {
            out.add(new McpServerFeatures.SyncCompletionSpecification(new McpSchema.PromptReference(p.name()),
                    (exchange, request) -> completePrompt(request)));
        }
        return out;
    }

    public List<McpStatelessServerFeatures.SyncCompletionSpecification> statelessCompletions() {
        List<McpStatelessServerFeatures.SyncCompletionSpecification> out = new ArrayList<>();
        out.add(new McpStatelessServerFeatures.SyncCompletionSpecification(
                new McpSchema.ResourceReference(TABLE_TEMPLATE), (context, request) -> complete(request)));
        for (PromptTemplate p : PromptLibrary.all()) {
            out.add(new McpStatelessServerFeatures.SyncCompletionSpecification(new McpSchema.PromptReference(p.name()),
                    (context, request) -> completePrompt(request)));
        }
        return out;
    }

    /** The prompts of {@link PromptLibrary}, rendered as one user message each. */
    public List<McpServerFeatures.SyncPromptSpecification> syncPrompts() {
        return PromptLibrary.all().stream().map(p -> new McpServerFeatures.SyncPromptSpecification(prompt(p),
                (exchange, request) -> render(p, request))).toList();
    }

    public List<McpStatelessServerFeatures.SyncPromptSpecification> statelessPrompts() {
        return PromptLibrary.all().stream().map(p -> new McpStatelessServerFeatures.SyncPromptSpecification(prompt(p),
                (context, request) -> render(p, request))).toList();
    }

    private static McpSchema.Prompt prompt(PromptTemplate p) {
        return new McpSchema.Prompt(p.name(), p.title(), p.description(), p.arguments().stream()
                .map(a -> new McpSchema.PromptArgument(a.name(), a.description(), a.required())).toList());
    }

    private static McpSchema.GetPromptResult render(PromptTemplate p, McpSchema.GetPromptRequest request) {
        Map<String, String> values = new java.util.HashMap<>();
        if (request.arguments() != null) request.arguments().forEach((k, v) -> values.put(k, String.valueOf(v)));
        try {
            return new McpSchema.GetPromptResult(p.description(), List.of(new McpSchema.PromptMessage(
                    McpSchema.Role.USER, new McpSchema.TextContent(p.render(values)))));
        } catch (IllegalArgumentException e) {
            throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS,
                    e.getMessage(), null));
        }
    }

    /** Table names for the prompts' table argument: by name or schema prefix, or substring (TableNameCompletion). */
    McpSchema.CompleteResult completePrompt(McpSchema.CompleteRequest request) {
        if (!request.argument().name().equals("table")) {
            return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(List.of(), 0, false));
        }
        var result = dev.strata.prompts.TableNameCompletion.complete(knowledge.get().catalog().relations().stream()
                .map(r -> new dev.strata.prompts.TableNameCompletion.Table(r.schema(), r.name())).toList(),
                request.argument().value(), 100);
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(result.values(),
                result.total(), result.hasMore()));
    }

    McpSchema.ReadResourceResult readTables(String uri) {
        TableList all = explorer.listTables(null, null, 1000, null);
        List<Map<String, Object>> tables = new ArrayList<>();
        String cursor = all.nextCursor();
        all.tables().forEach(t -> tables.add(Json.toMap(t)));
        while (cursor != null) {
            TableList page = explorer.listTables(null, null, 1000, cursor);
            page.tables().forEach(t -> tables.add(Json.toMap(t)));
            cursor = page.nextCursor();
        }
        return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, "application/json",
                Json.write(Map.of("tables", tables)))));
    }

    McpSchema.ReadResourceResult readTable(String uri) {
        String[] parts = uri.startsWith(TABLE_PREFIX) ? uri.substring(TABLE_PREFIX.length()).split("/", 2)
                : new String[0];
        if (parts.length != 2) throw notFound(uri + " does not match " + TABLE_TEMPLATE);
        String schema = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        String name = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
        Relation r = knowledge.get().catalog().find(schema, name).orElseThrow(() ->
                notFound("no table " + schema + "." + name + "; read " + TABLES_URI + " for the list"));
        return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, "application/json",
                Json.write(explorer.describeTable('"' + r.schema() + "\".\"" + r.name() + '"')))));
    }

    /** Resource-not-found is a protocol error with its own code (-32002), as the MCP specification asks. */
    private static McpError notFound(String message) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND).message(message).build();
    }

    McpSchema.CompleteResult complete(McpSchema.CompleteRequest request) {
        String argument = request.argument().name();
        String prefix = request.argument().value() == null ? "" : request.argument().value().toLowerCase(Locale.ROOT);
        String schemaContext = request.context() != null && request.context().arguments() != null
                ? request.context().arguments().get("schema") : null;
        // names that begin with what was typed first, then names that contain it (case does not matter)
        List<String> values = knowledge.get().catalog().relations().stream()
                .filter(r -> schemaContext == null || r.schema().equals(schemaContext))
                .map(r -> argument.equals("schema") ? r.schema() : r.name())
                .filter(v -> v.toLowerCase(Locale.ROOT).contains(prefix)).distinct()
                .sorted(java.util.Comparator.comparing((String v) -> !v.toLowerCase(Locale.ROOT).startsWith(prefix))
                        .thenComparing(String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<String> page = values.size() > 100 ? values.subList(0, 100) : values;
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(page, values.size(),
                values.size() > page.size()));
    }
}
