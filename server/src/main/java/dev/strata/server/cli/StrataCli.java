package dev.strata.server.cli;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.db.DatabaseUnavailableException;
import dev.strata.guardrail.Severity;
import dev.strata.migration.ReviewConfig;
import dev.strata.migration.ReviewConfigFile;
import dev.strata.migration.ReviewOptions;
import dev.strata.server.Launcher;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code strata [--url URL] [--http …]} serves a database over MCP; {@code strata VERB …} runs another verb.
 * Every failure ends as one line on stderr and exit code 2: usage mistakes, unreachable databases, anything else.
 */
public final class StrataCli {

    /** Printed as is after the options: each command's synopsis on its own line, so nothing wraps mid-phrase. */
    static final String COMMANDS = """

            Commands:
              (none)    serve the database over MCP (stdio, or --http)
              demo      embedded PostgreSQL with the demo database, served
              validate  "SQL" [--url URL] [--format text|json]
                        one query through the guardrail
              check     FILE... [--url URL] [--format text|json|sarif] [--pg-version N]
                        migration review for CI
              snapshot  [--url URL] [--schemas a,b] [--out FILE]
                        the catalog as canonical JSON, to commit
              diff      OLD NEW [--url URL] [--format text|json]
                        OLD/NEW: snapshot files or live; exit 1 on breaking drift
            """;

    private StrataCli() {
    }

    public static void main(String[] args) {
        dev.strata.server.StartupTrace.mark("main");
        System.exit(run(System.getenv(), args));
    }

    public static int run(Map<String, String> env, String... args) {
        Launcher.openStdioEarly(args);
        try {
            if (args.length > 0 && !args[0].startsWith("-")) {
                String[] rest = Arrays.copyOfRange(args, 1, args.length);
                return switch (args[0]) {
                    case "demo" -> {
                        CommandLine cli = parse(CliOptions.demo(), rest, "strata demo [options]");
                        yield cli == null ? 0 : new DemoCommand(CliOptions.http(cli, env), CliOptions.limits(cli, env),
                                CliOptions.allowWrites(cli), CliOptions.profiles(cli, env),
                                CliOptions.pollInterval(cli, env)).call();
                    }
                    case "validate" -> {
                        CommandLine cli = parse(CliOptions.validate(), rest, "strata validate \"SQL\" [options]", true);
                        if (cli == null) yield 0;
                        if (cli.getArgList().size() != 1) {
                            throw new UsageException("validate takes one SQL statement in quotes, e.g. strata validate "
                                    + "\"SELECT 1\" (got " + cli.getArgList().size() + " arguments)");
                        }
                        yield new ValidateCommand(cli.getArgList().get(0), CliOptions.optionalConnection(cli, env),
                                CliOptions.schemas(cli, env), CliOptions.format(cli)).call();
                    }
                    case "check" -> {
                        CommandLine cli = parse(CliOptions.check(), rest, "strata check FILE... [options]", true);
                        if (cli == null) yield 0;
                        if (cli.getArgList().isEmpty()) {
                            throw new UsageException("check takes one or more migration files (or - for stdin), "
                                    + "e.g. strata check db/migrations/*.sql");
                        }
                        yield checkCommand(cli, env).call();
                    }
                    case "snapshot" -> {
                        CommandLine cli = parse(CliOptions.snapshot(), rest, "strata snapshot [options]");
                        yield cli == null ? 0 : new SnapshotCommand(CliOptions.connection(cli, env),
                                CliOptions.schemas(cli, env), cli.getOptionValue(CliOptions.OUT)).call();
                    }
                    case "diff" -> {
                        CommandLine cli = parse(CliOptions.diff(), rest, "strata diff OLD NEW [options]", true);
                        if (cli == null) yield 0;
                        if (cli.getArgList().size() != 2) {
                            throw new UsageException("diff takes two snapshots, each a file or live, e.g. strata diff "
                                    + "schema.json live --url $DATABASE_URL (got " + cli.getArgList().size() + ")");
                        }
                        yield new DiffCommand(cli.getArgList().get(0), cli.getArgList().get(1),
                                CliOptions.optionalConnection(cli, env), CliOptions.schemas(cli, env),
                                CliOptions.format(cli)).call();
                    }
                    case "cds-training" -> new CdsTrainingCommand().call();
                    default -> throw new UsageException("unknown command '" + args[0] + "'; commands: demo, "
                            + "validate, check, snapshot, diff (run strata --help)");
                };
            }
            CommandLine cli = parse(CliOptions.serve(), args, "strata [options] [command]");
            if (cli == null) return 0;
            return new ServeCommand(CliOptions.connection(cli, env), CliOptions.schemas(cli, env),
                    CliOptions.http(cli, env), CliOptions.limits(cli, env), CliOptions.allowWrites(cli),
                    CliOptions.profiles(cli, env), CliOptions.pollInterval(cli, env), CliOptions.snapshotDir(cli, env)).call();
        } catch (ParseException e) {
            return fail(e.getMessage() + " (run strata --help)");
        } catch (UsageException | DatabaseUnavailableException | IllegalArgumentException e) {
            return fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        } catch (Exception e) {
            return fail(e.getClass().getSimpleName() + ": " + Database.rootMessage(e));
        }
    }

    private static CheckCommand checkCommand(CommandLine cli, Map<String, String> env) {
        String configFile = cli.getOptionValue(CliOptions.CONFIG);
        java.nio.file.Path path = configFile != null ? java.nio.file.Path.of(configFile)
                : java.nio.file.Path.of(".strata.yml");
        if (configFile != null && !java.nio.file.Files.isRegularFile(path)) {
            throw new UsageException("--config " + configFile + ": no such file");
        }
        ReviewConfigFile.Loaded loaded = java.nio.file.Files.isRegularFile(path) ? ReviewConfigFile.load(path)
                : new ReviewConfigFile.Loaded(ReviewConfig.DEFAULT, null);
        String failOnText = cli.getOptionValue(CliOptions.FAIL_ON);
        Severity failOn = failOnText == null ? (loaded.failOn() != null ? loaded.failOn() : Severity.WARNING)
                : failOnText.equals("never") ? null : ReviewConfigFile.severity("--fail-on", failOnText);
        return new CheckCommand(cli.getArgList(), CliOptions.optionalConnection(cli, env), CliOptions.schemas(cli, env),
                CliOptions.checkFormat(cli), new ReviewOptions(CliOptions.pgVersion(cli),
                cli.hasOption(CliOptions.ASSUME_IN_TRANSACTION), cli.hasOption(CliOptions.INDEPENDENT)),
                loaded.config(), failOn,
                cli.hasOption(CliOptions.VERBOSE));
    }

    /** Parses options; prints help or version and returns null when asked for them. */
    private static CommandLine parse(Options options, String[] args, String usage) throws ParseException {
        return parse(options, args, usage, false);
    }

    private static CommandLine parse(Options options, String[] args, String usage, boolean positional)
            throws ParseException {
        CommandLine cli = DefaultParser.builder().get().parse(options, args);
        if (cli.hasOption(CliOptions.HELP)) {
            PrintWriter out = new PrintWriter(System.out, true);
            HelpFormatter help = HelpFormatter.builder().setPrintWriter(out).get();
            help.setWidth(helpWidth(System.getenv("COLUMNS")));
            help.printHelp(usage, "MCP server that tells AI assistants what a PostgreSQL catalog does not.", options,
                    "", false);
            if (usage.contains("[command]")) out.print(COMMANDS);
            out.flush();
            return null;
        }
        if (cli.hasOption(CliOptions.VERSION)) {
            System.out.println(Launcher.NAME + " " + Launcher.VERSION);
            return null;
        }
        if (!positional && !cli.getArgList().isEmpty()) {
            throw new UsageException("unexpected argument '" + cli.getArgList().get(0) + "' (run strata --help)");
        }
        return cli;
    }

    /** The terminal's width when it says (COLUMNS), kept between 80 and 100 columns so help stays readable. */
    static int helpWidth(String columns) {
        try {
            return columns == null ? 80 : Math.max(80, Math.min(100, Integer.parseInt(columns.trim())));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    static int fail(String message) {
        System.err.println("strata: " + ConnectionSettings.redactUrl(message));
        return 2;
    }
}
