package dev.strata.legibility.checks;

import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import dev.strata.guardrail.Severity;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.ReportContext;
import dev.strata.text.Naming;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * <b>temporary-name</b>: tables whose names say temporary or legacy ({@code tmp_}, {@code old_}, {@code _bak},
 * {@code _v2}) — and especially those whose comment says they are live, or deprecated while the name says
 * nothing — and numbered placeholder columns ({@code flag1}, {@code misc2}) that name nothing.
 */
public final class CrypticNames implements LegibilityCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("^(flag|misc|extra|field|col|custom|attr|data|val)_?\\d+$");
    private static final Pattern SAYS_TEMPORARY = Pattern.compile("(?i)\\b(temp|temporary|scratch|backup|old|legacy|"
            + "deprecated|obsolete|do not use|unused|frozen)\\b");
    private static final Pattern SAYS_LIVE = Pattern.compile("(?i)\\b(live|source of truth|current|authoritative|"
            + "in use|active)\\b");

    @Override
    public String id() {
        return "temporary-name";
    }

    @Override
    public void check(ReportContext ctx) {
        for (Relation r : ctx.scope()) {
            String name = r.name().toLowerCase(Locale.ROOT);
            String comment = r.comment();
            if (Naming.looksTemporary(name)) {
                // "Despite the tmp_ prefix this is the live table" is exactly the contradiction to report
                boolean contradicts = comment != null && SAYS_LIVE.matcher(comment).find();
                ctx.report(this, Severity.WARNING, contradicts
                                ? r.qualifiedName() + " is named like a temporary or legacy table, but its comment says "
                                + "it is live: \"" + abbreviate(comment) + "\""
                                : r.qualifiedName() + " is named like a temporary or legacy table"
                                + (comment == null ? " and no comment says whether it is live" : ""),
                        r.qualifiedName(), null, contradicts ? "Rename it to what it holds (ALTER TABLE … RENAME with a "
                                + "view under the old name while readers move)." : "Comment whether it is live, and "
                                + "what replaces it if it is not.", Map.of("rows_estimate", r.rowsEstimate()));
            } else if (comment != null && SAYS_TEMPORARY.matcher(comment).find()
                    && comment.toLowerCase(Locale.ROOT).matches("(?s).*\\b(deprecated|obsolete|do not use|frozen)\\b.*")) {
                ctx.report(this, Severity.INFO, r.qualifiedName() + " reads like a live table, but its comment says "
                                + "\"" + abbreviate(comment) + "\"", r.qualifiedName(), null,
                        "Say in the comment which table replaces it, or rename it (e.g. legacy_…).", null);
            }
            List<String> placeholders = r.columns().stream().map(Column::name)
                    .filter(c -> PLACEHOLDER.matcher(c.toLowerCase(Locale.ROOT)).matches()).toList();
            List<String> undocumented = placeholders.stream()
                    .filter(c -> r.column(c).map(x -> x.comment() == null).orElse(true)).toList();
            if (!undocumented.isEmpty()) {
                ctx.report(this, Severity.WARNING, r.qualifiedName() + " has numbered placeholder columns with no "
                                + "comment: " + String.join(", ", undocumented), r.qualifiedName(), undocumented.get(0),
                        "Comment what each holds (profile_column shows the values), or rename them.",
                        Map.of("columns", undocumented));
            }
        }
    }

    static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 99) + "…" : s;
    }
}
