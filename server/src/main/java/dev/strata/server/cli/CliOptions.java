package dev.strata.server.cli;

import dev.strata.db.ConnectionSettings;
import dev.strata.profile.ProfileOptions;
import dev.strata.profile.ProfileService;
import dev.strata.query.QueryLimits;
import dev.strata.server.Launcher;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The options the commands share, with their environment-variable fallbacks. */
final class CliOptions {

    static final Option HELP = Option.builder("h").longOpt("help").desc("Show this help and exit").get();
    static final Option VERSION = Option.builder("V").longOpt("version").desc("Print the version and exit").get();
    static final Option URL = Option.builder().longOpt("url").hasArg().argName("URL")
            .desc("postgres://user:pass@host:port/db, jdbc:postgresql://… or 'host=… dbname=…' (libpq's forms; "
                    + "percent-encode @ / : in passwords); default DATABASE_URL, then PGHOST, PGSERVICE… with "
                    + "~/.pgpass")
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

    static final Option STATEMENT_TIMEOUT = Option.builder().longOpt("statement-timeout").hasArg().argName("10s")
            .desc("Server-side timeout of run_query (default 10s) [STRATA_STATEMENT_TIMEOUT]").get();
    static final Option MAX_ROWS = Option.builder().longOpt("max-rows").hasArg().argName("N")
            .desc("Most rows run_query returns (default 500) [STRATA_MAX_ROWS]").get();
    static final Option MAX_RESULT_BYTES = Option.builder().longOpt("max-result-bytes").hasArg().argName("1MB")
            .desc("Most bytes of rows run_query returns (default 1MB)").get();
    static final Option POLL_INTERVAL = Option.builder().longOpt("poll-interval").hasArg().argName("30s")
            .desc("How often to check the catalog for schema changes and notify clients; 0 turns it off (default 30s) "
                    + "[STRATA_POLL_INTERVAL]").get();
    static final Option ALLOW_WRITES = Option.builder().longOpt("allow-writes")
            .desc("Let run_query execute single validated write statements (off by default)").get();

    static final Option SAMPLE_ROWS = Option.builder().longOpt("sample-rows").hasArg().argName("N")
            .desc("Rows a profile samples per table at most; smaller tables are read whole (default 20000) "
                    + "[STRATA_SAMPLE_ROWS]").get();
    static final Option NO_MASK = Option.builder().longOpt("no-mask")
            .desc("Show values of columns that look personal in profiles (masked by default)").get();

    private CliOptions() {
    }

    static Options serve() {
        return query(transport(new Options().addOption(URL).addOption(SCHEMAS).addOption(SNAPSHOT_DIR)));
    }

    static final Option FORMAT = Option.builder().longOpt("format").hasArg().argName("text|json")
            .desc("Output format (default text)").get();

    static Options validate() {
        return new Options().addOption(URL).addOption(SCHEMAS).addOption(FORMAT).addOption(HELP);
    }

    static String format(CommandLine cli) {
        String f = cli.getOptionValue(FORMAT, "text");
        if (f.equals("sarif")) {
            throw new UsageException("--format sarif is for `check` (migration review); this command prints text or json");
        }
        if (!f.equals("text") && !f.equals("json")) throw new UsageException("--format must be text or json");
        return f;
    }

    static final Option CHECK_FORMAT = Option.builder().longOpt("format").hasArg().argName("text|json|sarif")
            .desc("Output format (default text)").get();
    static final Option PG_VERSION = Option.builder().longOpt("pg-version").hasArg().argName("N")
            .desc("PostgreSQL major version to judge for (default: the server's, else 17)").get();
    static final Option FAIL_ON = Option.builder().longOpt("fail-on").hasArg().argName("error|warning|info|never")
            .desc("Exit 1 when a finding reaches this severity (default warning)").get();
    static final Option ASSUME_IN_TRANSACTION = Option.builder().longOpt("assume-in-transaction")
            .desc("Each file runs inside a transaction the migration tool opens (Flyway, Rails, Alembic)").get();
    static final Option INDEPENDENT = Option.builder().longOpt("independent")
            .desc("Review each file on its own (default: files are migrations applied in order)").get();
    static final Option CONFIG = Option.builder().longOpt("config").hasArg().argName("FILE")
            .desc("Config file: excluded rules, severities, thresholds (default .strata.yml if present)").get();
    static final Option VERBOSE = Option.builder("v").longOpt("verbose")
            .desc("Text output also lists each statement's lock, rewrite and row estimate").get();

    static Options check() {
        return new Options().addOption(URL).addOption(SCHEMAS).addOption(CHECK_FORMAT).addOption(PG_VERSION)
                .addOption(FAIL_ON).addOption(ASSUME_IN_TRANSACTION).addOption(INDEPENDENT).addOption(CONFIG).addOption(VERBOSE)
                .addOption(HELP).addOption(VERSION);
    }

    static String checkFormat(CommandLine cli) {
        String f = cli.getOptionValue(CHECK_FORMAT, "text");
        if (!f.equals("text") && !f.equals("json") && !f.equals("sarif")) {
            throw new UsageException("--format must be text, json or sarif, got '" + f + "'");
        }
        return f;
    }

    static Integer pgVersion(CommandLine cli) {
        String v = cli.getOptionValue(PG_VERSION);
        if (v == null) return null;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 9 || n > 30) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--pg-version must be a major version such as 15, got '" + v + "'");
        }
    }

    /** Connection settings if given (--url, DATABASE_URL, PG*), else null: catalog-free mode. */
    static ConnectionSettings optionalConnection(CommandLine cli, Map<String, String> env) {
        return withWarnings(ConnectionSettings.resolve(cli.getOptionValue(URL), env));
    }

    /** Says once what resolving the settings noticed: a password file others can read, options ignored. */
    private static ConnectionSettings withWarnings(ConnectionSettings settings) {
        if (settings != null) settings.notes().forEach(n -> System.err.println("strata: warning: " + n));
        return settings;
    }

    static final Option OUT = Option.builder("o").longOpt("out").hasArg().argName("FILE")
            .desc("Write the snapshot to FILE (default standard output)").get();
    static final Option SNAPSHOT_DIR = Option.builder().longOpt("snapshot-dir").hasArg().argName("DIR")
            .desc("Snapshot files (NAME.json) that schema_diff can compare by NAME [STRATA_SNAPSHOT_DIR]").get();

    static Options snapshot() {
        return new Options().addOption(URL).addOption(SCHEMAS).addOption(OUT).addOption(HELP).addOption(VERSION);
    }

    static Options diff() {
        return new Options().addOption(URL).addOption(SCHEMAS).addOption(FORMAT).addOption(HELP).addOption(VERSION);
    }

    /** The snapshot directory of the server, or null. */
    static java.nio.file.Path snapshotDir(CommandLine cli, Map<String, String> env) {
        String dir = cli.getOptionValue(SNAPSHOT_DIR, env.get("STRATA_SNAPSHOT_DIR"));
        if (dir == null || dir.isBlank()) return null;
        java.nio.file.Path path = java.nio.file.Path.of(dir);
        if (!java.nio.file.Files.isDirectory(path)) throw new UsageException("--snapshot-dir " + dir + ": no such directory");
        return path;
    }

    static Options demo() {
        return query(transport(new Options()));
    }

    private static Options query(Options options) {
        return options.addOption(POLL_INTERVAL).addOption(STATEMENT_TIMEOUT).addOption(MAX_ROWS).addOption(MAX_RESULT_BYTES)
                .addOption(ALLOW_WRITES).addOption(SAMPLE_ROWS).addOption(NO_MASK);
    }

    static QueryLimits limits(CommandLine cli, Map<String, String> env) {
        QueryLimits d = QueryLimits.defaults();
        Duration timeout = duration(cli.getOptionValue(STATEMENT_TIMEOUT, env.get("STRATA_STATEMENT_TIMEOUT")),
                d.statementTimeout(), "--statement-timeout");
        int rows = (int) number(cli.getOptionValue(MAX_ROWS, env.get("STRATA_MAX_ROWS")), d.maxRows(), "--max-rows");
        long bytes = bytes(cli.getOptionValue(MAX_RESULT_BYTES), d.maxResultBytes());
        return new QueryLimits(timeout, d.lockTimeout(), rows, bytes, d.maxValueChars());
    }

    static Duration pollInterval(CommandLine cli, Map<String, String> env) {
        Duration d = duration(cli.getOptionValue(POLL_INTERVAL, env.get("STRATA_POLL_INTERVAL")), Duration.ofSeconds(30),
                "--poll-interval");
        if (!d.isZero() && d.toMillis() < 100) throw new UsageException("--poll-interval must be 0 (off) or at least 100ms");
        return d;
    }

    /** Profile settings: --sample-rows and --no-mask; profiling queries share run_query's statement timeout. */
    static ProfileOptions profiles(CommandLine cli, Map<String, String> env) {
        ProfileOptions d = ProfileOptions.defaults();
        long rows = number(cli.getOptionValue(SAMPLE_ROWS, env.get("STRATA_SAMPLE_ROWS")), d.sampleRows(),
                "--sample-rows");
        if (rows < 100 || rows > ProfileService.MAX_SAMPLE_ROWS) {
            throw new UsageException("--sample-rows must be between 100 and " + ProfileService.MAX_SAMPLE_ROWS);
        }
        Duration timeout = duration(cli.getOptionValue(STATEMENT_TIMEOUT, env.get("STRATA_STATEMENT_TIMEOUT")),
                d.statementTimeout(), "--statement-timeout");
        return d.withSampleRows((int) rows).withMask(!cli.hasOption(NO_MASK)).withStatementTimeout(timeout);
    }

    static boolean allowWrites(CommandLine cli) {
        return cli.hasOption(ALLOW_WRITES);
    }

    /** {@code 10s}, {@code 500ms}, {@code 2m}, or plain seconds. */
    static Duration duration(String value, Duration fallback, String name) {
        if (value == null || value.isBlank()) return fallback;
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            if (v.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            if (v.endsWith("m")) return Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
            return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a duration such as 10s or 500ms, got '" + value + "'");
        }
    }

    private static long number(String value, long fallback, String name) {
        if (value == null || value.isBlank()) return fallback;
        try {
            long n = Long.parseLong(value.trim());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a positive number, got '" + value + "'");
        }
    }

    /** {@code 1MB}, {@code 512KB}, {@code 2000000}. */
    static long bytes(String value, long fallback) {
        if (value == null || value.isBlank()) return fallback;
        String v = value.trim().toUpperCase(java.util.Locale.ROOT).replace("IB", "B");
        long unit = v.endsWith("GB") ? 1L << 30 : v.endsWith("MB") ? 1L << 20 : v.endsWith("KB") ? 1L << 10 : 1;
        String digits = v.replaceAll("[KMG]?B$", "");
        try {
            return Math.round(Double.parseDouble(digits) * unit);
        } catch (NumberFormatException e) {
            throw new UsageException("--max-result-bytes must be a size such as 1MB or 512KB, got '" + value + "'");
        }
    }

    private static Options transport(Options options) {
        return options.addOption(HTTP).addOption(PORT).addOption(BIND).addOption(STATELESS).addOption(AUTH_TOKEN)
                .addOption(HELP).addOption(VERSION);
    }

    static ConnectionSettings connection(CommandLine cli, Map<String, String> env) {
        ConnectionSettings s = ConnectionSettings.resolve(cli.getOptionValue(URL), env);
        if (s == null) {
            throw new UsageException("no database given: pass --url postgres://user@host:5432/db, set DATABASE_URL "
                    + "or PGHOST/PGDATABASE/PGSERVICE, or try `demo`");
        }
        return withWarnings(s);
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
