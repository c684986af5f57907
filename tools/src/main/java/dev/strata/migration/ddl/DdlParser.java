package dev.strata.migration.ddl;

import dev.strata.catalog.QualifiedName;
import dev.strata.migration.LockMode;
import dev.strata.migration.locks.DdlForm;
import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlLexer.TokenKind;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.StatementClassifier;
import dev.strata.sql.StatementKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recognises what a migration statement does from its tokens. Migration review does not use JSqlParser: the
 * statements that matter most ({@code ADD CONSTRAINT … NOT VALID}, {@code DROP INDEX CONCURRENTLY IF EXISTS},
 * {@code REINDEX … CONCURRENTLY}, {@code LOCK TABLE}, {@code VACUUM (FULL)}, {@code DO $$}) are exactly the
 * ones it cannot parse, and one recogniser for every form is easier to trust than two code paths. The
 * recogniser reads only the parts that decide locks, rewrites and data loss; a form it does not know becomes
 * {@link Ddl.Unrecognised} (reported, never passed silently) or, inside ALTER TABLE, an action that takes
 * ACCESS EXCLUSIVE.
 */
public final class DdlParser {

    private static final String[] COLUMN_CONSTRAINT_WORDS = {"constraint", "not", "null", "default", "check",
            "unique", "primary", "references", "generated", "collate", "deferrable", "initially"};

    private DdlParser() {
    }

    public static Ddl parse(SqlStatement statement, String source) {
        if (statement.psqlMeta()) return new Ddl.PsqlMeta(statement.text().trim());
        if (statement.hasErrors()) {
            return new Ddl.Unrecognised("?", statement.firstError().map(Token::error).orElse("lexical error"));
        }
        StatementClassifier.Classification classification = StatementClassifier.classify(statement);
        StatementKind kind = classification.kind();
        TokenCursor c = new TokenCursor(statement.tokens(), source);
        try {
            if (kind == StatementKind.SELECT && classification.has(StatementClassifier.Flag.SELECT_INTO)) {
                return complete(selectInto(c));
            }
            return complete(recognise(c, kind));
        } catch (RuntimeException e) {
            // A recogniser bug must not pass a statement silently (nor hang the run: see TokenCursor's budget of
            // looks): it becomes an unanalysed statement.
            String why = e instanceof TokenCursor.StalledException ? "the recogniser did not advance"
                    : e.getClass().getSimpleName();
            return new Ddl.Unrecognised(firstWords(new TokenCursor(statement.tokens(), source)),
                    "the statement could not be analysed (" + why + ")");
        }
    }

    /** A statement cut short (no object name where one is required) cannot be judged: it is unanalysed. */
    private static Ddl complete(Ddl ddl) {
        boolean missing = ddl instanceof Ddl.AlterIndex a && a.index() == null
                || ddl instanceof Ddl.AlterType t && t.type() == null
                || ddl instanceof Ddl.AlterSequence q && q.sequence() == null
                || ddl instanceof Ddl.AlterView av && av.view() == null
                || ddl instanceof Ddl.CreateView v && v.view() == null
                || ddl instanceof Ddl.OnTable o && o.table() == null
                || ddl instanceof Ddl.CreateIndex ci && ci.table() == null
                || ddl instanceof Ddl.Modify m && m.table() == null
                || ddl instanceof Ddl.DropIndex di && di.indexes().isEmpty()
                || ddl instanceof Ddl.Drop d && d.names().isEmpty()
                || ddl instanceof Ddl.Truncate tr && tr.tables().isEmpty()
                || ddl instanceof Ddl.LockTable l && l.tables().isEmpty();
        return missing ? new Ddl.Unrecognised(ddl.label(), "incomplete statement: no object name") : ddl;
    }

    private static Ddl recognise(TokenCursor c, StatementKind kind) {
        {
            return switch (kind) {
                case CREATE -> create(c);
                case ALTER -> alter(c);
                case DROP -> drop(c);
                case TRUNCATE -> truncate(c);
                case UPDATE, DELETE -> modify(c, kind);
                case VACUUM -> vacuum(c);
                case ANALYZE -> analyze(c);
                case CLUSTER -> cluster(c);
                case REINDEX -> reindex(c);
                case REFRESH -> refresh(c);
                case LOCK -> lock(c);
                case SET, RESET -> setting(c);
                case SELECT -> selectSetConfig(c);
                case BEGIN, COMMIT, ROLLBACK -> new Ddl.Transaction(kind);
                case COMMENT -> comment(c);
                case DO -> doBlock(c);
                case INSERT, MERGE, COPY -> insert(c, kind);
                case UNKNOWN -> new Ddl.Unrecognised(firstWords(c), "not a statement Strata knows");
                default -> new Ddl.Other(kind.name().replace('_', ' '), otherForm(kind), List.of());
            };
        }
    }

    /** Statements that lock no table a migration needs to think about (GRANT, SHOW, SAVEPOINT, DISCARD…). */
    private static DdlForm otherForm(StatementKind kind) {
        return switch (kind) {
            case SELECT, VALUES, TABLE, WITH, EXPLAIN, SHOW -> DdlForm.SELECT;
            default -> DdlForm.OBJECT_DDL;
        };
    }

    private static String firstWords(TokenCursor c) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 3 && c.peek(k) != null && c.peek(k).kind() == TokenKind.IDENTIFIER; k++) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(c.peek(k).text().toUpperCase(Locale.ROOT));
        }
        return sb.length() == 0 ? "?" : sb.toString();
    }

    // ---------------------------------------------------------------- CREATE

    private static Ddl create(TokenCursor c) {
        c.accept("create");
        boolean orReplace = c.accept("or", "replace");
        boolean temporary = false;
        while (c.is("global") || c.is("local") || c.is("temp") || c.is("temporary") || c.is("unlogged")) {
            if (!c.is("unlogged") && !c.is("global") && !c.is("local")) temporary = true;
            c.next();
        }
        if (c.accept("table")) return createTable(c, temporary);
        if (c.is("unique") || c.is("index")) return createIndex(c);
        boolean materialized = c.accept("materialized");
        c.accept("recursive");
        if (c.accept("view")) {
            c.accept("if", "not", "exists");
            return new Ddl.CreateView(c.qualifiedName(), orReplace, materialized);
        }
        if (c.is("trigger") || c.is("constraint") && c.peek(1) != null && c.peek(1).isWord("trigger")) {
            c.accept("constraint");
            c.accept("trigger");
            String name = c.name();
            // events and timing come before ON: "BEFORE UPDATE OF a, b ON t"
            return new Ddl.OnTable("CREATE TRIGGER", DdlForm.CREATE_TRIGGER, afterWord(c, "on"), name);
        }
        if (c.accept("policy")) {
            String name = c.name();
            return new Ddl.OnTable("CREATE POLICY", DdlForm.POLICY, afterWord(c, "on"), name);
        }
        if (c.accept("rule")) {
            String name = c.name();
            return new Ddl.OnTable("CREATE RULE", DdlForm.RULE, afterWord(c, "to"), name);
        }
        if (c.accept("statistics")) {
            c.accept("if", "not", "exists");
            String name = c.isName() && !c.is("on") ? c.name() : null;
            return new Ddl.OnTable("CREATE STATISTICS", DdlForm.STATISTICS, afterWord(c, "from"), name);
        }
        String what = firstWords(c);
        // CREATE FUNCTION / TYPE / DOMAIN / SCHEMA / SEQUENCE / EXTENSION…: no table lock
        return new Ddl.Other("CREATE " + what.split(" ")[0], DdlForm.OBJECT_DDL, List.of());
    }

    /** The qualified name after the first {@code word} at parenthesis depth 0 (null when there is none). */
    private static QualifiedName afterWord(TokenCursor c, String word) {
        while (!c.atEnd() && !c.is(word)) {
            if (c.isSymbol("(") || c.isSymbol("[")) c.group();
            else c.next();
        }
        if (!c.accept(word)) return null;
        c.accept("only");
        return c.qualifiedName();
    }

    private static Ddl createTable(TokenCursor c, boolean temporary) {
        boolean ifNotExists = c.accept("if", "not", "exists");
        QualifiedName table = c.qualifiedName();
        if (table == null) return new Ddl.Unrecognised("CREATE TABLE", "no table name");
        if (c.accept("partition", "of")) {
            QualifiedName parent = c.qualifiedName();
            return new Ddl.CreateTable(table, List.of(), List.of(), temporary, false, parent, false, ifNotExists);
        }
        if (c.accept("of")) {
            return new Ddl.CreateTable(table, List.of(), List.of(), temporary, true, null, false, ifNotExists);
        }
        if (!c.isSymbol("(")) {
            // CREATE TABLE … AS SELECT: the new table is filled by the query
            return new Ddl.CreateTable(table, List.of(), List.of(), temporary, true, null, false, ifNotExists);
        }
        c.next();
        List<ColumnDef> columns = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        boolean like = false;
        while (!c.atEnd() && !c.isSymbol(")")) {
            if (c.is("constraint") || c.is("check") || c.is("unique") || c.is("primary") || c.is("foreign")
                    || c.is("exclude")) {
                constraints.add(tableConstraint(c));
            } else if (c.is("like")) {
                like = true;
                c.until();
            } else {
                ColumnDef col = columnDef(c);
                if (col != null) {
                    columns.add(col);
                    for (ConstraintDef k : col.constraints()) {
                        if (k.kind() != ConstraintDef.Kind.NOT_NULL) constraints.add(k);
                    }
                } else {
                    c.until();
                }
            }
            if (!c.acceptSymbol(",")) break;
        }
        c.acceptSymbol(")");
        boolean inherits = c.aheadAtDepthZero("inherits") || c.aheadAtDepthZero("as");
        c.skipToEnd();
        return new Ddl.CreateTable(table, columns, constraints, temporary, false, null, !like && !inherits,
                ifNotExists);
    }

    private static Ddl createIndex(TokenCursor c) {
        boolean unique = c.accept("unique");
        c.accept("index");
        boolean concurrently = c.accept("concurrently");
        c.accept("if", "not", "exists");
        String name = c.is("on") ? null : c.name();
        if (!c.accept("on")) return new Ddl.Unrecognised("CREATE INDEX", "no ON clause");
        c.accept("only");
        QualifiedName table = c.qualifiedName();
        if (c.accept("using")) c.name();
        List<String> columns = c.nameList();
        c.skipToEnd();
        return new Ddl.CreateIndex(name, table, unique, concurrently, columns == null ? List.of() : columns);
    }

    /** A column definition: name, type, then constraints until a comma or the closing parenthesis. */
    private static ColumnDef columnDef(TokenCursor c) {
        Token at = c.peek();
        if (!c.isName()) return null;
        boolean quoted = at.kind() == TokenKind.QUOTED_IDENTIFIER;
        String name = c.name();
        TypeName type = typeName(c);
        boolean notNull = false;
        String defaultExpr = null;
        String generated = null;
        List<ConstraintDef> constraints = new ArrayList<>();
        String constraintName = null;
        while (!c.atEnd() && !c.isSymbol(",") && !c.isSymbol(")")) {
            Token kAt = c.peek();
            if (c.accept("constraint")) {
                constraintName = c.name();
            } else if (c.accept("not", "null")) {
                notNull = true;
            } else if (c.accept("null")) {
                notNull = false;
            } else if (c.accept("default")) {
                defaultExpr = c.until(COLUMN_CONSTRAINT_WORDS);
            } else if (c.accept("generated")) {
                if (c.accept("always", "as") || c.accept("by", "default", "as")) {
                    if (c.accept("identity")) {
                        generated = "identity";
                        c.group();
                    } else {
                        c.group();
                        generated = c.accept("stored") ? "stored" : "virtual";
                    }
                }
            } else if (c.accept("check")) {
                String expr = c.group();
                c.accept("no", "inherit");
                constraints.add(new ConstraintDef(constraintName, ConstraintDef.Kind.CHECK, List.of(name), expr,
                        null, List.of(), false, null, kAt));
                constraintName = null;
            } else if (c.accept("unique")) {
                skipIndexOptions(c);
                constraints.add(new ConstraintDef(constraintName, ConstraintDef.Kind.UNIQUE, List.of(name), null,
                        null, List.of(), false, null, kAt));
                constraintName = null;
            } else if (c.accept("primary", "key")) {
                skipIndexOptions(c);
                constraints.add(new ConstraintDef(constraintName, ConstraintDef.Kind.PRIMARY_KEY, List.of(name),
                        null, null, List.of(), false, null, kAt));
                notNull = true;
                constraintName = null;
            } else if (c.accept("references")) {
                QualifiedName ref = c.qualifiedName();
                List<String> refCols = c.nameList();
                skipReferenceOptions(c);
                constraints.add(new ConstraintDef(constraintName, ConstraintDef.Kind.FOREIGN_KEY, List.of(name),
                        null, ref, refCols == null ? List.of() : refCols, false, null, kAt));
                constraintName = null;
            } else if (c.accept("collate")) {
                c.qualifiedName();
            } else {
                c.next();
            }
        }
        return new ColumnDef(name, quoted, type, notNull, defaultExpr, generated, constraints, at);
    }

    private static void skipIndexOptions(TokenCursor c) {
        while (true) {
            if (c.accept("nulls", "not", "distinct") || c.accept("nulls", "distinct")) continue;
            if (c.accept("include") || c.accept("with")) {
                c.group();
                continue;
            }
            if (c.accept("using", "index", "tablespace")) {
                c.name();
                continue;
            }
            if (c.accept("deferrable") || c.accept("not", "deferrable") || c.accept("initially", "deferred")
                    || c.accept("initially", "immediate")) continue;
            return;
        }
    }

    private static void skipReferenceOptions(TokenCursor c) {
        while (true) {
            if (c.accept("match")) {
                c.next();
            } else if (c.accept("on")) {
                c.next();
                if (c.accept("set")) {
                    c.next();
                    c.nameList();
                } else if (!c.accept("cascade") && !c.accept("restrict")) {
                    c.accept("no", "action");
                }
            } else if (!(c.accept("deferrable") || c.accept("not", "deferrable") || c.accept("initially", "deferred")
                    || c.accept("initially", "immediate"))) {
                return;
            }
        }
    }

    /** Reads a type name up to the first constraint keyword, comma, closing parenthesis or USING. */
    static TypeName typeName(TokenCursor c) {
        int start = c.position();
        StringBuilder words = new StringBuilder();
        List<Integer> mods = new ArrayList<>();
        boolean array = false;
        while (!c.atEnd()) {
            Token t = c.peek();
            if (t.isSymbol("(")) {
                String inner = c.group();
                for (String part : inner.split(",")) {
                    try {
                        mods.add(Integer.parseInt(part.trim()));
                    } catch (NumberFormatException e) {
                        // a non-numeric modifier (e.g. interval fields); keep the words
                    }
                }
                continue;
            }
            if (t.isSymbol("[")) {
                // text[], int[4], int[][]: the bracket group is consumed whole (group() reads [ as well as ()
                c.group();
                array = true;
                continue;
            }
            if (t.isSymbol(".")) {
                words.append('.');
                c.next();
                continue;
            }
            boolean name = t.kind() == TokenKind.IDENTIFIER || t.kind() == TokenKind.QUOTED_IDENTIFIER;
            if (!name || t.isAnyWord(COLUMN_CONSTRAINT_WORDS) || t.isWord("using")) break;
            if (words.length() > 0 && !words.toString().endsWith(".")) {
                // only known multi-word types continue: character varying, double precision, with time zone…
                if (!t.isAnyWord("varying", "precision", "with", "without", "time", "zone", "array")) break;
            }
            if (t.isWord("array")) {
                array = true;
                c.next();
                continue;
            }
            words.append(words.length() == 0 || words.toString().endsWith(".") ? "" : " ").append(t.value());
            c.next();
        }
        if (words.length() == 0) return null;
        String text = c.textOf(start, c.position());
        return TypeName.of(words.toString(), mods, array, text);
    }

    private static ConstraintDef tableConstraint(TokenCursor c) {
        Token at = c.peek();
        String name = null;
        if (c.accept("constraint")) name = c.name();
        ConstraintDef.Kind kind;
        List<String> columns = List.of();
        String expr = null;
        QualifiedName ref = null;
        List<String> refCols = List.of();
        String usingIndex = null;
        if (c.accept("check")) {
            kind = ConstraintDef.Kind.CHECK;
            expr = c.group();
        } else if (c.is("unique") || c.is("primary")) {
            kind = c.accept("unique") ? ConstraintDef.Kind.UNIQUE : ConstraintDef.Kind.PRIMARY_KEY;
            c.accept("primary", "key");
            c.accept("nulls", "not", "distinct");
            c.accept("nulls", "distinct");
            if (c.accept("using", "index")) {
                usingIndex = c.name();
            } else {
                List<String> cols = c.nameList();
                columns = cols == null ? List.of() : cols;
            }
        } else if (c.accept("foreign", "key")) {
            kind = ConstraintDef.Kind.FOREIGN_KEY;
            List<String> cols = c.nameList();
            columns = cols == null ? List.of() : cols;
            if (c.accept("references")) {
                ref = c.qualifiedName();
                List<String> rc = c.nameList();
                refCols = rc == null ? List.of() : rc;
            }
        } else if (c.accept("exclude")) {
            kind = ConstraintDef.Kind.EXCLUDE;
        } else {
            kind = ConstraintDef.Kind.CHECK;
        }
        boolean notValid = false;
        while (!c.atEnd() && !c.isSymbol(",") && !c.isSymbol(")")) {
            if (c.accept("not", "valid")) {
                notValid = true;
            } else if (!c.isSymbol("(")) {
                c.next();
            } else {
                c.group();
            }
        }
        return new ConstraintDef(name, kind, columns, expr, ref, refCols, notValid, usingIndex, at);
    }

    // ---------------------------------------------------------------- ALTER

    private static Ddl alter(TokenCursor c) {
        c.accept("alter");
        if (c.accept("table")) return alterTable(c);
        if (c.accept("index")) {
            if (c.accept("all", "in", "tablespace")) {
                return new Ddl.Maintenance("ALTER INDEX ALL IN TABLESPACE", DdlForm.ALTER_INDEX_SET_TABLESPACE,
                        List.of(), List.of(), false);
            }
            c.accept("if", "exists");
            QualifiedName index = c.qualifiedName();
            if (c.accept("rename", "to")) {
                return new Ddl.AlterIndex(index, DdlForm.ALTER_INDEX_RENAME, "ALTER INDEX RENAME", c.name());
            }
            if (c.accept("set", "tablespace")) {
                return new Ddl.AlterIndex(index, DdlForm.ALTER_INDEX_SET_TABLESPACE, "ALTER INDEX SET TABLESPACE",
                        null);
            }
            if (c.is("set") || c.is("reset")) {
                return new Ddl.AlterIndex(index, DdlForm.ALTER_INDEX_SET, "ALTER INDEX SET", null);
            }
            return new Ddl.AlterIndex(index, DdlForm.ALTER_INDEX_OTHER, "ALTER INDEX", null);
        }
        boolean materialized = c.accept("materialized");
        if (c.accept("view")) {
            c.accept("if", "exists");
            QualifiedName view = c.qualifiedName();
            String newName = c.accept("rename", "to") ? c.name() : null;
            return new Ddl.AlterView(view, materialized, newName);
        }
        if (c.accept("type")) {
            QualifiedName type = c.qualifiedName();
            if (c.is("add") && c.peek(1) != null && c.peek(1).isWord("value")
                    || c.is("rename") && c.peek(1) != null && c.peek(1).isWord("value")) {
                return new Ddl.AlterType(type, DdlForm.ALTER_TYPE_ENUM_VALUE, c.is("add") ? "ALTER TYPE ADD VALUE"
                        : "ALTER TYPE RENAME VALUE");
            }
            return new Ddl.AlterType(type, DdlForm.OBJECT_DDL, "ALTER TYPE");
        }
        if (c.accept("sequence")) {
            c.accept("if", "exists");
            QualifiedName sequence = c.qualifiedName();
            DdlForm form = c.is("rename") || c.is("owner") || c.is("set") && c.peek(1) != null
                    && c.peek(1).isWord("schema") ? DdlForm.ALTER_SEQUENCE_RENAME : DdlForm.ALTER_SEQUENCE;
            QualifiedName ownedBy = null;
            while (!c.atEnd()) {
                if (c.accept("owned", "by")) {
                    List<String> parts = nameParts(c);
                    if (parts.size() >= 2) {
                        ownedBy = new QualifiedName(parts.size() > 2 ? parts.get(parts.size() - 3) : null,
                                parts.get(parts.size() - 2));
                    }
                } else {
                    c.next();
                }
            }
            return new Ddl.AlterSequence(sequence, ownedBy, form);
        }
        if (c.accept("trigger")) {
            String name = c.name();
            return new Ddl.OnTable("ALTER TRIGGER", DdlForm.DROP_TRIGGER, afterWord(c, "on"), name);
        }
        if (c.accept("policy")) {
            String name = c.name();
            return new Ddl.OnTable("ALTER POLICY", DdlForm.POLICY, afterWord(c, "on"), name);
        }
        if (c.accept("statistics")) {
            return new Ddl.Other("ALTER STATISTICS", DdlForm.OBJECT_DDL, List.of());
        }
        String what = firstWords(c);
        // ALTER FUNCTION / SCHEMA / DOMAIN / ROLE / DATABASE / EXTENSION…: no table lock
        return new Ddl.Other("ALTER " + what.split(" ")[0], DdlForm.OBJECT_DDL, List.of());
    }

    private static Ddl alterTable(TokenCursor c) {
        if (c.accept("all", "in", "tablespace")) {
            return new Ddl.Maintenance("ALTER TABLE ALL IN TABLESPACE", DdlForm.SET_TABLESPACE, List.of(), List.of(),
                    false);
        }
        boolean ifExists = c.accept("if", "exists");
        c.accept("only");
        QualifiedName table = c.qualifiedName();
        if (table == null) return new Ddl.Unrecognised("ALTER TABLE", "no table name");
        if (c.peek() != null && c.peek().text().equals("*")) c.next();
        List<AlterAction> actions = new ArrayList<>();
        do {
            if (c.atEnd()) break;
            actions.add(alterAction(c));
        } while (c.acceptSymbol(","));
        return new Ddl.AlterTable(table, actions, ifExists);
    }

    private static AlterAction alterAction(TokenCursor c) {
        Token at = c.peek();
        if (c.accept("add")) {
            if (c.is("constraint") || c.is("check") || c.is("unique") || c.is("primary") || c.is("foreign")
                    || c.is("exclude")) {
                return new AlterAction.AddConstraint(tableConstraint(c), at);
            }
            c.accept("column");
            boolean ifNotExists = c.accept("if", "not", "exists");
            ColumnDef col = columnDef(c);
            if (col == null) return other(c, at, DdlForm.ALTER_TABLE_OTHER);
            return new AlterAction.AddColumn(col, ifNotExists, at);
        }
        if (c.accept("drop")) {
            if (c.accept("constraint")) {
                boolean ifExists = c.accept("if", "exists");
                String name = c.name();
                boolean cascade = c.accept("cascade");
                c.accept("restrict");
                return new AlterAction.DropConstraint(name, cascade, ifExists, at);
            }
            if (c.is("expression") || c.is("identity")) return other(c, at, DdlForm.COLUMN_IDENTITY);
            c.accept("column");
            boolean ifExists = c.accept("if", "exists");
            String column = c.name();
            boolean cascade = c.accept("cascade");
            c.accept("restrict");
            return new AlterAction.DropColumn(column, cascade, ifExists, at);
        }
        if (c.is("alter") && c.peek(1) != null && c.peek(1).isWord("constraint")) {
            return other(c, at, DdlForm.ALTER_CONSTRAINT);
        }
        if (c.accept("alter")) {
            c.accept("column");
            String column = c.name();
            if (c.accept("set", "data", "type") || c.accept("type")) {
                TypeName type = typeName(c);
                if (c.accept("collate")) c.qualifiedName();
                String using = c.accept("using") ? c.until() : null;
                return new AlterAction.AlterType(column, type, using, at);
            }
            if (c.accept("set", "not", "null")) return new AlterAction.SetNotNull(column, at);
            if (c.accept("drop", "not", "null")) return new AlterAction.DropNotNull(column, at);
            if (c.accept("set", "default")) return new AlterAction.SetDefault(column, c.until(), at);
            if (c.accept("drop", "default")) return new AlterAction.DropDefault(column, at);
            if (c.accept("set", "statistics") || c.is("set") && c.peek(1) != null && c.peek(1).isSymbol("(")
                    || c.is("reset")) {
                c.until();
                return new AlterAction.Other("ALTER COLUMN " + column + " SET …", DdlForm.SET_STATISTICS, at);
            }
            if (c.accept("set", "storage") || c.accept("set", "compression")) {
                c.until();
                return new AlterAction.Other("ALTER COLUMN " + column + " SET STORAGE", DdlForm.SET_STORAGE, at);
            }
            boolean identity = c.aheadAtDepthZero("identity") || c.aheadAtDepthZero("expression")
                    || c.aheadAtDepthZero("generated") || c.aheadAtDepthZero("restart")
                    || c.aheadAtDepthZero("increment");
            c.until();
            return new AlterAction.Other("ALTER COLUMN " + column, identity ? DdlForm.COLUMN_IDENTITY
                    : DdlForm.ALTER_TABLE_OTHER, at);
        }
        if (c.accept("validate", "constraint")) return new AlterAction.ValidateConstraint(c.name(), at);
        if (c.accept("rename")) {
            if (c.accept("to")) {
                boolean quoted = c.peek() != null && c.peek().kind() == TokenKind.QUOTED_IDENTIFIER;
                return new AlterAction.RenameTable(c.name(), quoted, at);
            }
            if (c.accept("constraint")) {
                String from = c.name();
                c.accept("to");
                return new AlterAction.RenameConstraint(from, c.name(), at);
            }
            c.accept("column");
            String from = c.name();
            c.accept("to");
            return new AlterAction.RenameColumn(from, c.name(), at);
        }
        if (c.accept("set", "tablespace")) {
            return new AlterAction.Rewrite("SET TABLESPACE", DdlForm.SET_TABLESPACE, c.name(), at);
        }
        if (c.accept("set", "logged")) return new AlterAction.Rewrite("SET LOGGED", DdlForm.SET_LOGGED, "logged", at);
        if (c.accept("set", "unlogged")) {
            return new AlterAction.Rewrite("SET UNLOGGED", DdlForm.SET_LOGGED, "unlogged", at);
        }
        if (c.accept("set", "access", "method")) {
            return new AlterAction.Rewrite("SET ACCESS METHOD", DdlForm.SET_ACCESS_METHOD, c.name(), at);
        }
        if (c.is("set") && c.peek(1) != null && c.peek(1).isWord("schema")) return other(c, at, DdlForm.SET_SCHEMA);
        if (c.is("owner")) return other(c, at, DdlForm.OWNER_TO);
        if (c.is("cluster") || c.is("set") && c.peek(1) != null && c.peek(1).isWord("without")
                && c.peek(2) != null && c.peek(2).isWord("cluster")) {
            return other(c, at, DdlForm.CLUSTER_ON);
        }
        if ((c.is("set") || c.is("reset")) && c.peek(1) != null && c.peek(1).isSymbol("(")) {
            int p = c.position();
            c.next();
            String options = c.group();
            c.reset(p);
            return other(c, at, storageParametersForm(options));
        }
        if (c.is("attach") || c.is("detach")) {
            boolean attach = c.is("attach");
            int p = c.position();
            c.next();
            c.accept("partition");
            QualifiedName partition = c.qualifiedName();
            c.reset(p);
            c.until();
            String text = c.textOf(p, c.position()).toLowerCase(Locale.ROOT);
            return new AlterAction.Partition(attach, partition, !attach && text.matches("(?s).*\\bconcurrently\\b.*"),
                    at);
        }
        if (c.is("enable") || c.is("disable") || c.is("force") || c.is("no") && c.peek(1) != null
                && c.peek(1).isWord("force")) {
            int p = c.position();
            boolean trigger = false;
            boolean rule = false;
            for (int k = 0; k < 3 && c.peek(k) != null; k++) {
                trigger |= c.peek(k).isWord("trigger");
                rule |= c.peek(k).isWord("rule");
            }
            c.reset(p);
            return other(c, at, trigger ? DdlForm.TRIGGER_ENABLE : rule ? DdlForm.RULE_ENABLE : DdlForm.ROW_SECURITY);
        }
        if (c.is("set") || c.is("replica") || c.is("inherit") || c.is("no") || c.is("of") || c.is("not")) {
            return other(c, at, DdlForm.SET_OTHER_PARAMETERS);
        }
        if (c.is("alter") || c.is("validate")) return other(c, at, DdlForm.ALTER_CONSTRAINT);
        return other(c, at, DdlForm.ALTER_TABLE_OTHER);
    }

    /** Storage parameters PostgreSQL changes under SHARE UPDATE EXCLUSIVE; any other takes ACCESS EXCLUSIVE. */
    private static DdlForm storageParametersForm(String options) {
        if (options == null || options.isBlank()) return DdlForm.SET_OTHER_PARAMETERS;
        for (String option : options.split(",")) {
            String name = option.split("=")[0].trim().toLowerCase(Locale.ROOT);
            boolean light = name.startsWith("autovacuum_") || name.startsWith("toast.") || name.startsWith("vacuum_")
                    || name.equals("fillfactor") || name.equals("parallel_workers") || name.equals("toast_tuple_target")
                    || name.equals("log_autovacuum_min_duration");
            if (!light) return DdlForm.SET_OTHER_PARAMETERS;
        }
        return DdlForm.SET_STORAGE_PARAMETERS;
    }

    private static AlterAction other(TokenCursor c, Token at, DdlForm form) {
        int p = c.position();
        c.until();
        return new AlterAction.Other(c.textOf(p, c.position()), form, at);
    }

    // ---------------------------------------------------------------- DROP, TRUNCATE, UPDATE, DELETE

    private static Ddl drop(TokenCursor c) {
        c.accept("drop");
        if (c.accept("index")) {
            boolean concurrently = c.accept("concurrently");
            boolean ifExists = c.accept("if", "exists");
            List<QualifiedName> names = c.qualifiedNames();
            return new Ddl.DropIndex(names, concurrently, ifExists);
        }
        for (String[] onTable : new String[][]{{"trigger", "DROP TRIGGER"}, {"policy", "DROP POLICY"},
                {"rule", "DROP RULE"}}) {
            if (c.accept(onTable[0])) {
                c.accept("if", "exists");
                String name = c.name();
                DdlForm form = onTable[0].equals("trigger") ? DdlForm.DROP_TRIGGER
                        : onTable[0].equals("policy") ? DdlForm.POLICY : DdlForm.RULE;
                return new Ddl.OnTable(onTable[1], form, afterWord(c, "on"), name);
            }
        }
        String type;
        if (c.accept("table")) type = "TABLE";
        else if (c.accept("schema")) type = "SCHEMA";
        else if (c.accept("materialized", "view")) type = "MATERIALIZED VIEW";
        else if (c.accept("view")) type = "VIEW";
        else if (c.accept("foreign", "table")) type = "FOREIGN TABLE";
        else if (c.accept("statistics")) type = "STATISTICS";
        else if (c.isName()) {
            // TYPE, DOMAIN, FUNCTION, SEQUENCE, EXTENSION, … (two words for e.g. "text search")
            type = c.next().value().toUpperCase(Locale.ROOT);
            if (type.equals("TEXT") || type.equals("FOREIGN") || type.equals("EVENT") || type.equals("ACCESS")
                    || type.equals("USER") && c.is("mapping") || type.equals("OPERATOR") && (c.is("class")
                    || c.is("family"))) {
                while (c.isName() && !c.is("if")) type += " " + c.next().value().toUpperCase(Locale.ROOT);
            }
        } else {
            return new Ddl.Unrecognised("DROP", "no object type");
        }
        boolean ifExists = c.accept("if", "exists");
        List<QualifiedName> names = new ArrayList<>();
        do {
            QualifiedName q = c.qualifiedName();
            if (q == null) break;
            names.add(q);
            if (c.isSymbol("(")) c.group();   // a function's argument types
        } while (c.acceptSymbol(","));
        boolean cascade = c.aheadAtDepthZero("cascade");
        c.skipToEnd();
        return new Ddl.Drop(type, names, cascade, ifExists);
    }

    private static Ddl truncate(TokenCursor c) {
        c.accept("truncate");
        c.accept("table");
        List<QualifiedName> tables = c.qualifiedNames();
        boolean cascade = c.aheadAtDepthZero("cascade");
        return new Ddl.Truncate(tables, cascade);
    }

    private static Ddl modify(TokenCursor c, StatementKind kind) {
        // WITH … UPDATE/DELETE: skip to the main statement's keyword at depth 0
        if (c.is("with")) {
            while (!c.atEnd() && !(c.is(kind == StatementKind.UPDATE ? "update" : "delete"))) {
                if (c.isSymbol("(")) c.group();
                else c.next();
            }
        }
        c.next();
        c.accept("from");
        c.accept("only");
        QualifiedName table = c.qualifiedName();
        boolean where = c.aheadAtDepthZero("where");
        List<String> set = new ArrayList<>();
        List<String> isNull = new ArrayList<>();
        // UPDATE t [AS] x SET a = …, (b, c) = … [FROM …] [WHERE …]
        while (!c.atEnd() && !c.is("set") && !c.is("where")) c.next();
        if (kind == StatementKind.UPDATE && c.accept("set")) {
            do {
                if (c.isSymbol("(")) {
                    List<String> names = c.nameList();
                    if (names != null) set.addAll(names);
                } else {
                    List<String> parts = nameParts(c);
                    if (!parts.isEmpty()) set.add(parts.get(0));
                }
                c.until("from", "where", "returning");
            } while (c.acceptSymbol(","));
        }
        while (!c.atEnd() && !c.is("where")) {
            if (c.isSymbol("(") || c.isSymbol("[")) c.group();
            else c.next();
        }
        if (c.accept("where")) {
            // exactly "WHERE c IS NULL" (parenthesised or qualified): every row a NOT NULL constraint cares about
            while (c.acceptSymbol("(")) {
                // parentheses around the condition
            }
            List<String> parts = nameParts(c);
            if (!parts.isEmpty() && c.accept("is", "null")) {
                while (c.acceptSymbol(")")) {
                    // closing parentheses
                }
                if (c.atEnd() || c.is("returning")) isNull.add(parts.get(parts.size() - 1));
            }
        }
        c.skipToEnd();
        return new Ddl.Modify(kind, table, where, set, isNull);
    }

    private static Ddl insert(TokenCursor c, StatementKind kind) {
        if (c.is("with")) {
            while (!c.atEnd() && !c.is("insert") && !c.is("merge")) {
                if (c.isSymbol("(")) c.group();
                else c.next();
            }
        }
        QualifiedName table = null;
        if (c.accept("insert", "into") || c.accept("merge", "into")) {
            table = c.qualifiedName();
        } else if (c.accept("copy")) {
            table = c.isName() ? c.qualifiedName() : null;
            // COPY t TO … reads; only COPY … FROM writes
            if (!c.aheadAtDepthZero("from")) return new Ddl.Other("COPY", DdlForm.SELECT, table == null ? List.of()
                    : List.of(table));
        }
        c.skipToEnd();
        return new Ddl.Insert(kind.name(), table);
    }

    // ---------------------------------------------------------------- maintenance

    private static Ddl vacuum(TokenCursor c) {
        c.accept("vacuum");
        boolean full = false;
        if (c.isSymbol("(")) {
            String options = c.group().toLowerCase(Locale.ROOT);
            for (String option : options.split(",")) {
                String[] words = option.trim().split("\\s+");
                if (words[0].equals("full")) {
                    full = words.length == 1 || !words[1].matches("false|off|0");
                }
            }
        } else {
            while (c.is("full") || c.is("freeze") || c.is("verbose") || c.is("analyze") || c.is("analyse")) {
                if (c.next().isWord("full")) full = true;
            }
        }
        List<QualifiedName> tables = tableList(c);
        return new Ddl.Maintenance(full ? "VACUUM FULL" : "VACUUM", full ? DdlForm.VACUUM_FULL : DdlForm.VACUUM,
                tables, List.of(), false);
    }

    private static Ddl analyze(TokenCursor c) {
        c.next();
        if (c.isSymbol("(")) c.group();
        c.accept("verbose");
        return new Ddl.Maintenance("ANALYZE", DdlForm.VACUUM, tableList(c), List.of(), false);
    }

    private static List<QualifiedName> tableList(TokenCursor c) {
        List<QualifiedName> tables = new ArrayList<>();
        while (c.isName()) {
            tables.add(c.qualifiedName());
            c.nameList();
            if (!c.acceptSymbol(",")) break;
        }
        return tables;
    }

    private static Ddl cluster(TokenCursor c) {
        c.accept("cluster");
        if (c.isSymbol("(")) c.group();
        c.accept("verbose");
        List<QualifiedName> tables = new ArrayList<>();
        if (c.isName()) tables.add(c.qualifiedName());
        return new Ddl.Maintenance("CLUSTER", DdlForm.CLUSTER, tables, List.of(), false);
    }

    private static Ddl reindex(TokenCursor c) {
        c.accept("reindex");
        if (c.isSymbol("(")) c.group();
        String target = c.isName() ? c.next().value().toUpperCase(Locale.ROOT) : "?";
        boolean concurrently = c.accept("concurrently");
        QualifiedName name = c.qualifiedName();
        List<QualifiedName> tables = target.equals("TABLE") && name != null ? List.of(name) : List.of();
        List<QualifiedName> indexes = target.equals("INDEX") && name != null ? List.of(name) : List.of();
        return new Ddl.Maintenance("REINDEX " + target + (concurrently ? " CONCURRENTLY" : ""),
                concurrently ? DdlForm.REINDEX_CONCURRENTLY : DdlForm.REINDEX, tables, indexes, concurrently);
    }

    private static Ddl refresh(TokenCursor c) {
        c.accept("refresh", "materialized", "view");
        boolean concurrently = c.accept("concurrently");
        QualifiedName view = c.qualifiedName();
        return new Ddl.Maintenance("REFRESH MATERIALIZED VIEW" + (concurrently ? " CONCURRENTLY" : ""),
                concurrently ? DdlForm.REFRESH_MATERIALIZED_VIEW_CONCURRENTLY : DdlForm.REFRESH_MATERIALIZED_VIEW,
                view == null ? List.of() : List.of(view), List.of(), concurrently);
    }

    private static Ddl lock(TokenCursor c) {
        c.accept("lock");
        c.accept("table");
        List<QualifiedName> tables = c.qualifiedNames();
        LockMode mode = LockMode.ACCESS_EXCLUSIVE;
        if (c.accept("in")) {
            StringBuilder words = new StringBuilder();
            while (!c.atEnd() && !c.is("mode")) words.append(c.next().text()).append(' ');
            mode = LockMode.parse(words.toString());
        }
        return new Ddl.LockTable(tables, mode);
    }

    // ---------------------------------------------------------------- settings, comments, DO

    private static Ddl setting(TokenCursor c) {
        if (c.accept("reset")) {
            String name = c.accept("all") ? "all" : String.join(".", nameParts(c));
            return new Ddl.Setting(name, null, false);
        }
        c.accept("set");
        boolean local = c.accept("local");
        c.accept("session");
        if (c.accept("time", "zone")) {
            // SET TIME ZONE 'UTC' | LOCAL | DEFAULT | INTERVAL '+00:00' HOUR TO MINUTE | 0
            String value = c.rest().trim();
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1);
            }
            return new Ddl.Setting("timezone", value, local);
        }
        String name = String.join(".", nameParts(c));
        if (!c.acceptSymbol("=")) c.accept("to");
        String value = c.rest().trim();
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            value = value.substring(1, value.length() - 1);
        }
        return new Ddl.Setting(name, value, local);
    }

    private static List<String> nameParts(TokenCursor c) {
        List<String> parts = new ArrayList<>();
        do {
            String n = c.name();
            if (n == null) break;
            parts.add(n);
        } while (c.acceptSymbol("."));
        return parts;
    }

    /** {@code SELECT … INTO [TEMP | UNLOGGED] [TABLE] t FROM …} creates a table filled by the query. */
    private static Ddl selectInto(TokenCursor c) {
        while (!c.atEnd() && !c.is("into")) {
            if (c.isSymbol("(") || c.isSymbol("[")) c.group();
            else c.next();
        }
        c.accept("into");
        boolean temporary = false;
        while (c.is("temp") || c.is("temporary") || c.is("unlogged") || c.is("local") || c.is("global")) {
            if (c.is("temp") || c.is("temporary")) temporary = true;
            c.next();
        }
        c.accept("table");
        QualifiedName table = c.qualifiedName();
        c.skipToEnd();
        if (table == null) return new Ddl.Unrecognised("SELECT INTO", "no table name");
        return new Ddl.CreateTable(table, List.of(), List.of(), temporary, true, null, false, false);
    }

    /** {@code SELECT set_config('lock_timeout', '5s', false)} is how some tools set a timeout. */
    private static Ddl selectSetConfig(TokenCursor c) {
        for (int k = 0; c.peek(k) != null; k++) {
            Token t = c.peek(k);
            Token open = c.peek(k + 1);
            Token name = c.peek(k + 2);
            Token comma = c.peek(k + 3);
            Token value = c.peek(k + 4);
            Token comma2 = c.peek(k + 5);
            Token local = c.peek(k + 6);
            if (t.isWord("set_config") && open != null && open.isSymbol("(") && name != null
                    && name.kind().isString() && comma != null && comma.isSymbol(",") && value != null
                    && value.kind().isString()) {
                boolean isLocal = comma2 != null && comma2.isSymbol(",") && local != null && local.isWord("true");
                return new Ddl.Setting(name.value().toLowerCase(Locale.ROOT), value.value(), isLocal);
            }
        }
        return new Ddl.Other("SELECT", DdlForm.SELECT, List.of());
    }

    private static Ddl comment(TokenCursor c) {
        c.accept("comment", "on");
        if (c.accept("table")) return new Ddl.CommentOn(c.qualifiedName(), null);
        if (c.accept("column")) {
            // t.c or s.t.c: the last part is the column
            List<String> parts = nameParts(c);
            if (parts.size() < 2) return new Ddl.Other("COMMENT", DdlForm.OBJECT_DDL, List.of());
            QualifiedName table = new QualifiedName(parts.size() > 2 ? parts.get(parts.size() - 3) : null,
                    parts.get(parts.size() - 2));
            return new Ddl.CommentOn(table, parts.get(parts.size() - 1));
        }
        return new Ddl.Other("COMMENT", DdlForm.OBJECT_DDL, List.of());
    }

    private static Ddl doBlock(TokenCursor c) {
        c.accept("do");
        String language = "plpgsql";
        if (c.accept("language")) language = c.name();
        Token body = c.peek();
        if (body == null || !body.kind().isString()) return new Ddl.Unrecognised("DO", "no body");
        c.next();
        if (c.accept("language")) language = c.name();
        int offset = body.kind() == TokenKind.DOLLAR_STRING ? body.start() + body.text().indexOf('$', 1) + 1
                : body.start() + 1;
        return new Ddl.DoBlock(body.value(), offset, language);
    }
}
