package dev.strata.schema;

import dev.strata.text.Naming;
import dev.strata.catalog.Catalog;
import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import dev.strata.catalog.Trigger;
import dev.strata.schema.SchemaViews.SoftDeleteInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The short warnings {@code describe_table} adds for things a reader of the catalog gets wrong: names that
 * say "temporary" about live tables, comments that deprecate, logic hidden in triggers, mixed-case columns
 * that need quotes, bare {@code id} keys, soft-delete columns nobody writes.
 */
final class TableNotes {

    private static final Pattern DEPRECATED_COMMENT = Pattern.compile(
            "(?i)\\b(deprecated|obsolete|frozen|legacy|do not use|don't use|unused)\\b");

    private TableNotes() {
    }

    static List<String> of(Catalog catalog, Relation r, SoftDeleteInfo softDelete) {
        List<String> notes = new ArrayList<>();
        if (!catalog.visibleUnqualified(r)) {
            notes.add("not on the search_path (" + String.join(", ", catalog.searchPath()) + "): write "
                    + catalog.displayName(r) + " in SQL");
        }
        String lowerName = r.name().toLowerCase(Locale.ROOT);
        if (Naming.looksTemporary(lowerName)) {
            notes.add(r.comment() == null
                    ? "the name looks temporary or legacy and no comment says whether it is live"
                    : "the name looks temporary or legacy; its comment says: " + SchemaExplorer.abbreviate(r.comment()));
        }
        if (r.comment() != null && DEPRECATED_COMMENT.matcher(r.comment()).find()) {
            notes.add("the comment marks this table as deprecated or frozen: prefer the table it names");
        }
        for (Trigger t : r.triggers()) {
            notes.add("trigger " + t.name() + (t.enabled() ? "" : " (disabled)") + ": "
                    + triggerSummary(t.definition()) + " — writes have effects the columns do not show");
        }
        for (Column c : r.columns()) {
            if (!c.name().equals(c.name().toLowerCase(Locale.ROOT))) {
                notes.add("column \"" + c.name() + "\" is mixed case: write it with double quotes, "
                        + "unquoted it folds to " + c.name().toLowerCase(Locale.ROOT));
            }
        }
        if (r.singlePrimaryKeyColumn().filter("id"::equals).isPresent()) {
            notes.add("primary key is a bare id: always qualify it (" + r.name() + ".id) and join other tables "
                    + "to it only through the references listed here");
        }
        if (r.columns().size() > Naming.WIDE_TABLE_COLUMNS) {
            notes.add("wide table: " + r.columns().size() + " columns; select only the columns you need");
        }
        if (r.kind().storesRows() && r.rowsEstimate() < 0) {
            notes.add("never analysed: row estimate and statistics are unknown");
        }
        if (softDelete != null && !softDelete.used()) {
            notes.add(softDelete.column() + " exists but no row sets it (" + softDelete.source()
                    + "): filtering on it changes nothing");
        } else if (softDelete != null && softDelete.rowsMarkedFraction() != null
                && softDelete.rowsMarkedFraction() == 0) {
            notes.add("no row sets " + softDelete.column() + " yet, but the table is too small to call it unused: "
                    + "add " + softDelete.filter() + " where deleted rows must not count");
        } else if (softDelete != null) {
            notes.add("soft delete in use: add " + softDelete.filter() + " unless deleted rows are wanted");
        }
        return notes;
    }

    private static String triggerSummary(String definition) {
        // "CREATE TRIGGER x BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()" → "BEFORE UPDATE … f()"
        String d = definition.replaceFirst("(?i)^CREATE (CONSTRAINT )?TRIGGER \\S+ ", "");
        return d.length() > 140 ? d.substring(0, 139) + "…" : d;
    }
}
