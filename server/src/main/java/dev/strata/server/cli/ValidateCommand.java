package dev.strata.server.cli;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.QueryGuard;
import dev.strata.guardrail.Validation;
import dev.strata.json.Json;
import dev.strata.schema.SchemaKnowledge;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code strata validate "SQL" [--url URL] [--format text|json]}: one statement through the query guardrail.
 * Without a database only the statement-level rules run (and the output says so). Exit 0 when no finding is an
 * error, 1 when one is, 2 for usage or connection errors.
 */
final class ValidateCommand implements Callable<Integer> {

    private final String sql;
    private final ConnectionSettings settings;
    private final List<String> schemas;
    private final String format;

    ValidateCommand(String sql, ConnectionSettings settings, List<String> schemas, String format) {
        this.sql = sql;
        this.settings = settings;
        this.schemas = schemas;
        this.format = format;
    }

    @Override
    public Integer call() {
        Validation v;
        if (settings == null) {
            v = new QueryGuard(() -> null, null).validate(sql);
        } else {
            try (Database db = Database.connect(settings)) {
                SchemaKnowledge knowledge = SchemaKnowledge.load(db, schemas);
                // One statement from a script: the data-aware rules read pg_stats profiles (no sample is taken).
                v = new QueryGuard(() -> knowledge, db, new dev.strata.profile.ProfileCache(db,
                        dev.strata.profile.ProfileOptions.defaults(), knowledge::graph)).validate(sql);
            }
        }
        if (format.equals("json")) {
            System.out.println(Json.pretty(v));
        } else {
            for (Finding f : v.findings()) {
                System.out.println(f.line() + ":" + f.column() + ": " + f.severity().label() + " [" + f.rule() + "] "
                        + f.message());
                if (f.fix() != null) System.out.println("    fix: " + f.fix());
            }
            System.out.println((v.ok() ? "ok" : "not ok") + ": " + v.statementKind()
                    + (v.readOnly() ? ", read-only" : ", not read-only") + ", " + v.findings().size() + " finding(s)"
                    + (settings == null ? " (no database: only statement-level rules ran; pass --url for names, "
                    + "joins and filters)" : ""));
        }
        return v.ok() ? 0 : 1;
    }
}
