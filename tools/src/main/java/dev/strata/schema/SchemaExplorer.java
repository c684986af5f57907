package dev.strata.schema;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.CheckConstraint;
import dev.strata.catalog.Column;
import dev.strata.catalog.Index;
import dev.strata.catalog.QualifiedName;
import dev.strata.catalog.Relation;
import dev.strata.relationships.Edge;
import dev.strata.relationships.EdgeKind;
import dev.strata.relationships.JoinPath;
import dev.strata.relationships.JoinPathFinder;
import dev.strata.relationships.PolymorphicDetector;
import dev.strata.schema.SchemaViews.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The schema tools in plain Java: list, search, describe, relationships and join paths, all answered from the
 * loaded {@link SchemaKnowledge} without touching the database. The MCP layer and the tests call this directly.
 */
public final class SchemaExplorer {

    static final int LIST_COMMENT_CHARS = 160;

    private final Supplier<SchemaKnowledge> knowledge;
    private final Function<String, OptionalLong> explainRows;

    public SchemaExplorer(Supplier<SchemaKnowledge> knowledge) {
        this(knowledge, null);
    }

    /**
     * @param explainRows EXPLAIN's row estimate for a read-only query (empty when it cannot say); used to check
     *                    proposed join paths, may be null
     */
    public SchemaExplorer(Supplier<SchemaKnowledge> knowledge, Function<String, OptionalLong> explainRows) {
        this.knowledge = knowledge;
        this.explainRows = explainRows;
    }

    // ---------------------------------------------------------------- list_tables

    public TableList listTables(String schema, String query, Integer limit, String cursor) {
        Catalog catalog = knowledge.get().catalog();
        int max = clamp(limit, 100, 1, 1000, "limit");
        int offset = decodeCursor(cursor);
        String q = query == null ? null : query.trim().toLowerCase(Locale.ROOT);
        List<Relation> matching = catalog.relations().stream()
                .filter(r -> schema == null || schema.isBlank() || r.schema().equals(schema.trim()))
                .filter(r -> q == null || q.isEmpty() || r.qualifiedName().toLowerCase(Locale.ROOT).contains(q)
                        || (r.comment() != null && r.comment().toLowerCase(Locale.ROOT).contains(q)))
                .toList();
        if (schema != null && !schema.isBlank() && matching.isEmpty()
                && catalog.relations().stream().noneMatch(r -> r.schema().equals(schema.trim()))) {
            List<String> schemas = catalog.relations().stream().map(Relation::schema).distinct().toList();
            throw new ToolException("schema '" + schema + "' does not exist or holds no tables; schemas: "
                    + String.join(", ", schemas));
        }
        List<TableSummary> page = matching.stream().skip(offset).limit(max)
                .map(r -> new TableSummary(r.schema(), r.name(), r.kind().label(), abbreviate(r.comment()),
                        rows(r), r.columns().size()))
                .toList();
        String next = offset + max < matching.size() ? encodeCursor(offset + max) : null;
        return new TableList(page, next, matching.size());
    }

    private static String encodeCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) return 0;
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (s.startsWith("o:")) {
                int offset = Integer.parseInt(s.substring(2));
                if (offset >= 0) return offset;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw new ToolException("cursor '" + cursor + "' is not one this server issued; pass the next_cursor "
                + "value of the previous list_tables answer, or omit it to start from the beginning");
    }

    // ---------------------------------------------------------------- search_schema

    public SearchResult searchSchema(String query, Integer limit) {
        if (query == null || query.isBlank()) {
            throw new ToolException("query is required: a table or column name, a word from a comment, or "
                    + "schema.table");
        }
        int max = clamp(limit, 20, 1, 200, "limit");
        SchemaSearch search = new SchemaSearch(query);
        List<Match> matches = new ArrayList<>();
        for (Relation r : knowledge.get().catalog().relations()) {
            SchemaSearch.Scored scored = search.score(r);
            if (scored.table() > 0) {
                matches.add(new Match("table", r.schema(), r.name(), null, r.kind().label(),
                        abbreviate(r.comment()), round(scored.table())));
            }
            for (Column c : r.columns()) {
                Double cs = scored.columns().get(c.name());
                if (cs != null && cs > 0) {
                    matches.add(new Match("column", r.schema(), r.name(), c.name(), c.type(),
                            abbreviate(c.comment()), round(cs)));
                }
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed()
                .thenComparing(Match::kind, Comparator.reverseOrder())
                .thenComparing(m -> m.schema() + "." + m.table() + "." + (m.column() == null ? "" : m.column())));
        return new SearchResult(matches.size() > max ? matches.subList(0, max) : matches);
    }

    // ---------------------------------------------------------------- describe_table

    public Relation resolveTable(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new ToolException("table is required: name or schema.name");
        }
        Catalog catalog = knowledge.get().catalog();
        return catalog.resolveLeniently(reference).orElseThrow(() -> unknownTable(catalog, reference));
    }

    static ToolException unknownTable(Catalog catalog, String reference) {
        List<String> closest = catalog.closestRelations(reference, 5);
        String hint = closest.isEmpty() ? "use list_tables or search_schema to find the right name"
                : "closest: " + String.join(", ", closest);
        return new ToolException("table '" + reference + "' does not exist (search_path: "
                + String.join(", ", catalog.searchPath()) + "); " + hint);
    }

    public TableDescription describeTable(String reference) {
        SchemaKnowledge k = knowledge.get();
        Relation r = resolveTable(reference);
        Catalog catalog = k.catalog();
        String self = r.qualifiedName();

        List<ColumnInfo> columns = new ArrayList<>(r.columns().size());
        Set<String> pk = new HashSet<>(r.primaryKey().map(key -> key.columns()).orElse(List.of()));
        for (Column c : r.columns()) {
            String references = r.foreignKeys().stream()
                    .filter(fk -> fk.columns().size() == 1 && fk.columns().get(0).equals(c.name()))
                    .map(fk -> fk.targetQualifiedName() + "." + fk.targetColumns().get(0))
                    .findFirst().orElse(null);
            columns.add(new ColumnInfo(c.name(), c.type(), c.nullable(), c.defaultExpression(), c.comment(),
                    pk.contains(c.name()) ? Boolean.TRUE : null, references, generated(c)));
        }
        List<IndexInfo> indexes = r.indexes().stream().map(SchemaExplorer::index).toList();
        List<CheckInfo> checks = r.checks().stream().map(SchemaExplorer::check).toList();
        List<ForeignKeyInfo> references = r.foreignKeys().stream()
                .map(fk -> new ForeignKeyInfo(fk.name(), fk.columns(), fk.targetQualifiedName(), fk.targetColumns(),
                        fk.onDelete().equals("no action") ? null : fk.onDelete(), fk.validated() ? null : true))
                .toList();
        List<ForeignKeyInfo> referencedBy = new ArrayList<>();
        List<InferredReference> inferred = new ArrayList<>();
        List<PolymorphicInfo> polymorphic = new ArrayList<>();
        for (Edge e : k.graph().edgesOf(self)) {
            if (e.kind() == EdgeKind.DECLARED && e.toTable().equals(self) && !e.fromTable().equals(self)) {
                catalog.find(schemaOf(e.fromTable()), nameOf(e.fromTable())).flatMap(from -> from.foreignKeyOn(
                        e.fromColumns())).ifPresent(fk -> referencedBy.add(new ForeignKeyInfo(fk.name(),
                        e.fromColumns(), e.fromTable(), e.toColumns(),
                        fk.onDelete().equals("no action") ? null : fk.onDelete(), fk.validated() ? null : true)));
            } else if (e.kind() == EdgeKind.INFERRED) {
                boolean outgoing = e.fromTable().equals(self);
                inferred.add(new InferredReference(outgoing ? e.fromColumns() : e.toColumns(),
                        outgoing ? e.toTable() : e.fromTable(), outgoing ? e.toColumns() : e.fromColumns(),
                        outgoing ? "outgoing" : "incoming", e.confidence(), e.evidence()));
            }
        }
        for (PolymorphicDetector.Pair p : k.graph().polymorphicPairs()) {
            if (p.table().equals(self)) {
                polymorphic.add(new PolymorphicInfo(null, p.typeColumn(), p.idColumn(),
                        p.targets().stream().map(SchemaExplorer::target).toList(), p.unmappedValues(), p.source()));
            } else {
                List<PolymorphicTarget> mine = p.targets().stream().filter(t -> t.table().equals(self))
                        .map(SchemaExplorer::target).toList();
                if (!mine.isEmpty()) {
                    polymorphic.add(new PolymorphicInfo(p.table(), p.typeColumn(), p.idColumn(), mine, null,
                            p.source()));
                }
            }
        }
        SoftDeleteInfo softDelete = k.softDelete().of(self)
                .map(u -> new SoftDeleteInfo(u.column(), u.style(), u.filter(), u.markedFraction(), u.used(),
                        u.source()))
                .orElse(null);
        List<String> notes = TableNotes.of(catalog, r, softDelete);
        return new TableDescription(r.schema(), r.name(), r.kind().label(), r.comment(), rows(r),
                r.sizeBytes() >= 0 ? r.sizeBytes() : null, columns, indexes, checks, references, referencedBy,
                inferred, polymorphic, softDelete, notes, r.viewDefinition() == null ? null
                        : r.viewDefinition().strip());
    }

    private static PolymorphicTarget target(PolymorphicDetector.Target t) {
        return new PolymorphicTarget(t.value(), t.table(), t.column(), round(t.fraction()),
                t.typeMismatch() ? true : null);
    }

    private static String generated(Column c) {
        if (c.isIdentity()) return "a".equals(c.identity()) ? "identity always" : "identity by default";
        if (c.isGenerated()) return "stored: " + c.generationExpression();
        return null;
    }

    private static IndexInfo index(Index i) {
        return new IndexInfo(i.name(), i.columns(), i.unique() ? true : null, i.primary() ? true : null,
                "btree".equals(i.method()) ? null : i.method(), i.predicate(), i.valid() ? null : true);
    }

    private static CheckInfo check(CheckConstraint c) {
        return new CheckInfo(c.name(), c.definition(), c.validated() ? null : true);
    }

    // ---------------------------------------------------------------- get_relationships

    public RelationshipList relationships(String table, Integer depth, Boolean includeInferred) {
        return relationships(table, depth, includeInferred, null, null);
    }

    /**
     * The edges around a table (or of the whole graph), bounded by an answer budget (default 25,000 tokens) with
     * a cursor for the rest and the total count; declared edges first, then inferred by confidence, then
     * polymorphic.
     */
    public RelationshipList relationships(String table, Integer depth, Boolean includeInferred, String cursor,
                                          Integer maxTokens) {
        SchemaKnowledge k = knowledge.get();
        int maxDepth = clamp(depth, 1, 1, 5, "depth");
        boolean inferred = includeInferred == null || includeInferred;
        AnswerBudget budget = AnswerBudget.of(maxTokens);
        int first = AnswerBudget.positions(cursor, "edges", 1)[0];
        List<Edge> selected = new ArrayList<>();
        if (table == null || table.isBlank()) {
            for (Edge e : k.graph().edges()) {
                if (inferred || e.kind() == EdgeKind.DECLARED) selected.add(e);
            }
        } else {
            String start = resolveTable(table).qualifiedName();
            Set<Edge> seen = new LinkedHashSet<>();
            Set<String> visited = new HashSet<>(Set.of(start));
            Deque<String> frontier = new ArrayDeque<>(List.of(start));
            for (int d = 0; d < maxDepth && !frontier.isEmpty(); d++) {
                Deque<String> next = new ArrayDeque<>();
                for (String t : frontier) {
                    for (Edge e : k.graph().edgesOf(t)) {
                        if (!inferred && e.kind() != EdgeKind.DECLARED) continue;
                        seen.add(e);
                        String other = e.otherEnd(t);
                        if (visited.add(other)) next.add(other);
                    }
                }
                frontier = next;
            }
            selected.addAll(seen);
        }
        selected.sort(Comparator.comparingInt((Edge e) -> e.kind().ordinal())
                .thenComparing(e -> -e.confidence())
                .thenComparing(Edge::fromTable).thenComparing(e -> String.join(",", e.fromColumns()))
                .thenComparing(Edge::toTable).thenComparing(e -> e.typeValue() == null ? "" : e.typeValue()));
        if (first > selected.size()) {
            throw new ToolException("the cursor points past the end of these relationships; it was issued for other "
                    + "arguments or the schema changed: start again without a cursor");
        }
        budget.spend(60);
        List<EdgeInfo> page = new ArrayList<>();
        int i = first;
        while (i < selected.size()) {
            EdgeInfo info = edge(selected.get(i));
            if (!budget.take(info, page.isEmpty())) break;
            page.add(info);
            i++;
        }
        boolean more = i < selected.size();
        return new RelationshipList(selected.size(), page, more || first > 0 ? true : null,
                more ? AnswerBudget.cursor("edges", i) : null);
    }

    private static EdgeInfo edge(Edge e) {
        String filter = e.typeColumn() == null ? null
                : QualifiedName.quoteIfNeeded(e.typeColumn()) + " = '" + e.typeValue().replace("'", "''") + "'";
        return new EdgeInfo(e.fromTable(), e.fromColumns(), e.toTable(), e.toColumns(), e.kind().label(),
                e.confidence(), e.evidence(), filter, e.dataCheck(), e.oneToOne() ? true : null);
    }

    // ---------------------------------------------------------------- find_join_path

    public JoinPaths joinPaths(String from, String to, Integer maxHops) {
        SchemaKnowledge k = knowledge.get();
        int hops = clamp(maxHops, 4, 1, 8, "max_hops");
        Relation a = resolveTable(from);
        Relation b = resolveTable(to);
        List<JoinPath> paths = new JoinPathFinder(k.graph()).find(a.qualifiedName(), b.qualifiedName(), hops, 3, true);
        JoinSql sql = new JoinSql(k.catalog());
        List<PathInfo> out = new ArrayList<>();
        for (JoinPath p : paths) out.add(pathInfo(k, p, sql.render(p)));
        String note = out.isEmpty() ? "no route of at most " + hops + " joins between " + a.qualifiedName()
                + " and " + b.qualifiedName() + " through declared, inferred or polymorphic references; "
                + "raise max_hops or check get_relationships for either table" : null;
        return new JoinPaths(out, note);
    }

    /** A path with what an expert checks before using it: fan-out, guessed edges, row estimates. */
    private PathInfo pathInfo(SchemaKnowledge k, JoinPath p, String sql) {
        List<String> notes = new ArrayList<>();
        List<JoinPathFinder.Step> steps = p.steps();
        double perRow = 1;
        for (int i = 0; i < p.edges().size(); i++) {
            Edge e = p.edges().get(i);
            if (steps.get(i) == JoinPathFinder.Step.ONE_TO_MANY) {
                long parent = rowsOf(k, p.tables().get(i));
                long child = rowsOf(k, p.tables().get(i + 1));
                double factor = parent > 0 && child >= 0 ? Math.max(1.0, (double) child / parent) : Double.NaN;
                if (!Double.isNaN(factor)) perRow *= factor;
                notes.add(String.format(Locale.ROOT, "fans out at %s → %s: each %s row matches %s %s rows",
                        p.tables().get(i), p.tables().get(i + 1), nameOf(p.tables().get(i)),
                        Double.isNaN(factor) ? "several" : "about " + Math.round(factor), nameOf(p.tables().get(i + 1))));
            }
            if (e.kind() == EdgeKind.INFERRED) {
                notes.add(String.format(Locale.ROOT, "inferred, not declared: %s(%s) → %s(%s), confidence %.2f%s",
                        e.fromTable(), String.join(", ", e.fromColumns()), e.toTable(), String.join(", ", e.toColumns()),
                        e.confidence(), e.dataCheck() == null ? "" : " (rows: " + e.dataCheck() + ")"));
            } else if (e.kind() == EdgeKind.POLYMORPHIC) {
                notes.add(String.format(Locale.ROOT, "polymorphic: %s.%s holds ids of several tables; the ON clause "
                        + "keeps %s = '%s'", e.fromTable(), e.fromColumns().get(0), e.typeColumn(), e.typeValue()));
            }
        }
        Long estimated = null;
        if (explainRows != null && !p.edges().isEmpty()) {
            try {
                OptionalLong rows = explainRows.apply("SELECT 1\n" + sql);
                if (rows.isPresent()) {
                    estimated = rows.getAsLong();
                    long start = rowsOf(k, p.tables().get(0));
                    if (estimated <= 1 && start > 100) {
                        notes.add("EXPLAIN expects at most one row for the whole join although " + p.tables().get(0)
                                + " has about " + start + " rows: check that these columns really match");
                    } else if (start > 0 && !p.fansOut() && estimated > start * 2) {
                        notes.add("EXPLAIN expects " + estimated + " rows from " + start + " rows of "
                                + p.tables().get(0) + ": the join multiplies rows");
                    }
                }
            } catch (RuntimeException e) {
                // an estimate is a check, never a requirement
            }
        }
        List<String> kinds = p.edges().stream().map(e -> e.kind().label()).toList();
        return new PathInfo(p.hops(), p.tables(), sql, kinds, steps.stream().map(JoinPathFinder.Step::label).toList(),
                p.fansOut() ? true : null, p.passesInferred() ? true : null,
                p.passesInferred() ? p.confidence() : null,
                p.fansOut() && perRow > 1 ? Math.round(perRow) : null, estimated, notes.isEmpty() ? null : notes);
    }

    private static long rowsOf(SchemaKnowledge k, String qualified) {
        return k.catalog().find(schemaOf(qualified), nameOf(qualified)).map(Relation::rowsEstimate).orElse(-1L);
    }

    // ---------------------------------------------------------------- helpers

    static Long rows(Relation r) {
        return r.kind().storesRows() && r.rowsEstimate() >= 0 ? r.rowsEstimate() : null;
    }

    static String abbreviate(String s) {
        if (s == null) return null;
        String oneLine = s.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= LIST_COMMENT_CHARS ? oneLine : oneLine.substring(0, LIST_COMMENT_CHARS - 1) + "…";
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static int clamp(Integer value, int defaultValue, int min, int max, String name) {
        if (value == null) return defaultValue;
        if (value < min || value > max) {
            throw new ToolException(name + " must be between " + min + " and " + max + " (got " + value + ")");
        }
        return value;
    }

    static String schemaOf(String qualified) {
        return qualified.substring(0, qualified.indexOf('.'));
    }

    static String nameOf(String qualified) {
        return qualified.substring(qualified.indexOf('.') + 1);
    }
}
