package dev.strata.server.cli;

import dev.strata.db.ConnectionSettings;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;

/** Options every command that reaches a database shares. */
public class ConnectionOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "postgres://user:pass@host:port/db or jdbc:postgresql://…; default DATABASE_URL or PG* variables")
    String url;

    @Option(names = "--schemas", paramLabel = "a,b", split = ",",
            description = "Only these schemas (default: every non-system schema) [STRATA_SCHEMAS]")
    List<String> schemas;

    /** The settings to connect with, or a usage error naming every way to give them. */
    public ConnectionSettings settings() {
        ConnectionSettings s = ConnectionSettings.resolve(url, System.getenv());
        if (s == null) {
            throw new UsageException("no database given: pass --url postgres://user@host:5432/db, set DATABASE_URL "
                    + "or PGHOST/PGDATABASE, or try `demo`");
        }
        return s;
    }

    public List<String> schemas() {
        if (schemas != null) return schemas.stream().map(String::trim).filter(x -> !x.isEmpty()).toList();
        String env = System.getenv("STRATA_SCHEMAS");
        if (env == null || env.isBlank()) return List.of();
        return Arrays.stream(env.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
