package dev.strata.migration.locks;

import dev.strata.migration.LockMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@link DdlForm} as the markdown page {@code docs/migration-locks.md}, so the documented table and the one
 * review uses are the same. {@code LockTableDocTest} fails when the page is out of date; regenerate with
 * {@code mvn -q -pl tools test-compile exec:java -Pbench -Dbench.main=dev.strata.migration.locks.LockTableDoc}
 * (or run this class's main with the page's path).
 */
public final class LockTableDoc {

    private LockTableDoc() {
    }

    public static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# What each migration statement locks and rewrites\n\n");
        md.append("Generated from `tools/src/main/java/dev/strata/migration/locks/DdlForm.java`, the table Strata's "
                + "migration review reads (`check`, `review_migration`): do not edit by hand. `DdlFormTest` runs "
                + "every row on the embedded PostgreSQL 17 and compares the claim with `pg_locks` and "
                + "`pg_class.relfilenode`; the `form` of each lock in a statement report names its row.\n\n");
        md.append("Lock modes, weakest first: ACCESS SHARE (plain reads), ROW SHARE, ROW EXCLUSIVE (writes), "
                + "SHARE UPDATE EXCLUSIVE (blocks other schema changes and VACUUM, not reads or writes), SHARE and "
                + "SHARE ROW EXCLUSIVE and EXCLUSIVE (block writes), ACCESS EXCLUSIVE (blocks reads too). A lock that "
                + "waits also holds up every later conflicting query: hence `SET lock_timeout`.\n\n");
        md.append("| form | statement | locks | rewrites the table | notes |\n");
        md.append("|---|---|---|---|---|\n");
        for (DdlForm f : DdlForm.values()) {
            md.append("| `").append(f.id()).append("` | `").append(escape(f.syntax())).append("` | ")
                    .append(locks(f)).append(" | ").append(f.rewrite().label()).append(" | ")
                    .append(f.note() == null ? "" : escape(f.note())).append(" |\n");
        }
        md.append("\n`depends`: see the note and `TypeChange` / `Effects.addColumnRewrite`; without a database "
                + "Strata cannot read the current column type, the server's TimeZone or a domain's constraints, and "
                + "says \"rewrites unless …\". With `--pg-version N` the locks of older versions apply "
                + "(the `before N` entries).\n");
        return md.toString();
    }

    private static String locks(DdlForm f) {
        if (f.locks().isEmpty()) return "none that blocks";
        List<String> parts = new ArrayList<>();
        for (DdlForm.Lock l : f.locks()) {
            String s = l.mode().sql() + " on " + l.target().description();
            if (l.before() != null) s += " (" + l.before().sql() + " before " + l.since() + ")";
            parts.add(s);
        }
        return String.join("; ", parts);
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }

    /** Writes the page: {@code LockTableDoc docs/migration-locks.md}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/migration-locks.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out + " (" + DdlForm.values().length + " forms, "
                + LockMode.values().length + " lock modes)");
    }
}
