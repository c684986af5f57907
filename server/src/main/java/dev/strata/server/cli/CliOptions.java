package dev.strata.server.cli;

import dev.strata.db.ConnectionSettings;
import dev.strata.server.Launcher;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The options the commands share, with their environment-variable fallbacks. */
final class CliOptions {

    static final Option HELP = Option.builder("h").longOpt("help").desc("Show this help and exit").get();
    static final Option VERSION = Option.builder("V").longOpt("version").desc("Print the version and exit").get();
    static final Option URL = Option.builder().longOpt("url").hasArg().argName("URL")
            .desc("postgres://user:pass@host:port/db or jdbc:postgresql://…; default DATABASE_URL or PG* variables")
            .get();
    static final Option SCHEMAS = Option.builder().longOpt("schemas").hasArg().argName("a,b")
            .desc("Only these schemas (default: every non-system schema) [STRATA_SCHEMAS]").get();
    static final Option HTTP = Option.builder().longOpt("http").desc("Serve MCP streamable HTTP on /mcp instead of stdio")
            .get();
    static final Option PORT = Option.builder().longOpt("port").hasArg().argName("N").desc("HTTP port (default 8808)")
            .get();
    static final Option BIND = Option.builder().longOpt("bind").hasArg().argName("ADDR")
            .desc("HTTP bind address (default 127.0.0.1; 0.0.0.0 exposes it to the network)").get();
    static final Option STATELESS = Option.builder().longOpt("stateless")
            .desc("Stateless HTTP: no sessions, so replicas can sit behind any load balancer").get();
    static final Option AUTH_TOKEN = Option.builder().longOpt("auth-token").hasArg().argName("T")
            .desc("Require 'Authorization: Bearer T' on HTTP [STRATA_AUTH_TOKEN]").get();

    private CliOptions() {
    }

    static Options serve() {
        return transport(new Options().addOption(URL).addOption(SCHEMAS));
    }

    static Options demo() {
        return transport(new Options());
    }

    private static Options transport(Options options) {
        return options.addOption(HTTP).addOption(PORT).addOption(BIND).addOption(STATELESS).addOption(AUTH_TOKEN)
                .addOption(HELP).addOption(VERSION);
    }

    static ConnectionSettings connection(CommandLine cli, Map<String, String> env) {
        ConnectionSettings s = ConnectionSettings.resolve(cli.getOptionValue(URL), env);
        if (s == null) {
            throw new UsageException("no database given: pass --url postgres://user@host:5432/db, set DATABASE_URL "
                    + "or PGHOST/PGDATABASE, or try `demo`");
        }
        return s;
    }

    static List<String> schemas(CommandLine cli, Map<String, String> env) {
        String value = cli.getOptionValue(SCHEMAS, env.get("STRATA_SCHEMAS"));
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /** HTTP settings, or null for stdio. */
    static Launcher.HttpSettings http(CommandLine cli, Map<String, String> env) {
        if (!cli.hasOption(HTTP)) {
            for (Option o : List.of(PORT, BIND, STATELESS, AUTH_TOKEN)) {
                if (cli.hasOption(o)) throw new UsageException("--" + o.getLongOpt() + " only applies with --http");
            }
            return null;
        }
        int port;
        try {
            port = Integer.parseInt(cli.getOptionValue(PORT, "8808"));
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number, got '" + cli.getOptionValue(PORT) + "'");
        }
        if (port < 0 || port > 65535) throw new UsageException("--port must be between 0 and 65535");
        String token = cli.getOptionValue(AUTH_TOKEN, env.get("STRATA_AUTH_TOKEN"));
        if (token != null && token.isBlank()) token = null;
        return new Launcher.HttpSettings(port, cli.getOptionValue(BIND, "127.0.0.1"), cli.hasOption(STATELESS), token);
    }
}
