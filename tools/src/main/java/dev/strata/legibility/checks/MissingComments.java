package dev.strata.legibility.checks;

import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.ReportContext;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * <b>missing-comment</b> on existing objects: tables without a comment, and cryptic columns without one —
 * abbreviations ({@code cust_nm}, {@code amt}), single letters, numbered names, status/state/type/flag codes
 * whose values a reader cannot guess. Ordinary self-explanatory names ({@code created_at}, {@code email}) are
 * not asked for comments: noise teaches people to ignore the report.
 */
public final class MissingComments implements LegibilityCheck {

    private static final Pattern CRYPTIC = Pattern.compile(
            "^[a-z]{1,3}$|.*\\d$|.*_(nm|cd|amt|qty|dt|ts|ind|flg|typ|no|num|ref|val|desc)$|^(nm|cd|amt|qty|dt|flg|typ)_.*"
                    + "|^(status|state|type|kind|flag|flags|mode|level|tier|category|class|code)$|.*_(status|state|flag|code|kind|mode)$");

    @Override
    public String id() {
        return "missing-comment";
    }

    @Override
    public void check(ReportContext ctx) {
        for (Relation r : ctx.scope()) {
            if (r.comment() == null || r.comment().isBlank()) {
                ctx.report(this, Severity.INFO, r.qualifiedName() + " has no comment", r.qualifiedName(), null,
                        "COMMENT ON TABLE " + r.qualifiedName() + " IS '…';  -- what one row is", null);
            }
            List<String> cryptic = r.columns().stream()
                    .filter(c -> c.comment() == null || c.comment().isBlank())
                    .map(Column::name).filter(n -> CRYPTIC.matcher(n).matches() && !n.equals("id")).toList();
            if (!cryptic.isEmpty()) {
                ctx.report(this, Severity.INFO, r.qualifiedName() + ": cryptic or coded columns without a comment: "
                                + String.join(", ", cryptic), r.qualifiedName(), cryptic.get(0),
                        "Comment each (drafts below where the data tells what they hold).", Map.of("columns", cryptic));
            }
        }
    }
}
