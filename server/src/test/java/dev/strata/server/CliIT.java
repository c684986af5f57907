package dev.strata.server;

import dev.strata.demo.DemoDatabase;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI verbs as a CI script runs them: output and exit codes. */
class CliIT {

    record Run(int exit, String out) {
    }

    static Run run(String... args) throws Exception {
        Process p = new ProcessBuilder(StrataProcess.command(args)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void validateWithoutADatabaseRunsTheStatementRules() throws Exception {
        Run r = run("validate", "SELECT 1; DROP TABLE regions");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("[multiple-statements]").contains("[not-read-only]").contains("no database");
        assertThat(run("validate", "SELECT 1").exit()).isZero();
    }

    @Test
    void validateAgainstTheCatalog() throws Exception {
        String url = DemoDatabase.shared().url();
        Run bad = run("validate", "SELECT o.id FROM orders o JOIN accounts a ON a.id = o.user_id", "--url", url);
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("[fk-target-mismatch]").contains("public.users.id");
        Run good = run("validate", "SELECT o.id FROM orders o JOIN accounts a ON a.id = o.account_id", "--url", url,
                "--format", "json");
        assertThat(good.exit()).isZero();
        assertThat(good.out()).contains("\"ok\" : true");
    }

    private static final String CORPUS = "../tools/src/test/resources/dev/strata/migration/corpus/";

    @Test
    void checkWithoutADatabaseRunsTheCatalogFreeRules() throws Exception {
        Run r = run("check", CORPUS + "hazardous/001-index-orders-status.sql");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("001-index-orders-status.sql:5:1: warning create-index-not-concurrently:")
                .contains("fix: CREATE INDEX CONCURRENTLY")
                .contains("no database (--url): skipped dependent-objects, existing-rows-violate");
        assertThat(run("check", CORPUS + "safe/001-create-index-concurrently.sql").exit()).isZero();
        assertThat(run("check", CORPUS + "hazardous/001-index-orders-status.sql", "--fail-on", "error").exit())
                .isZero();
    }

    @Test
    void checkAgainstTheCatalogAsJsonAndSarif() throws Exception {
        String url = DemoDatabase.shared().url();
        Run json = run("check", CORPUS + "hazardous/013-orders-total-to-numeric-view.sql", "--url", url,
                "--format", "json");
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.out()).contains("\"rule\" : \"dependent-objects\"").contains("\"pg_version\" : 17")
                .contains("\"lock\" : \"ACCESS EXCLUSIVE\"").doesNotContain("skipped_rules");
        Run sarif = run("check", CORPUS + "hazardous/001-index-orders-status.sql", "--format", "sarif");
        assertThat(sarif.exit()).isEqualTo(1);
        assertThat(sarif.out()).contains("\"version\" : \"2.1.0\"").contains("\"ruleId\" : \"create-index-not-concurrently\"");
    }

    @Test
    void checkEndsOnArrayTypes() throws Exception {
        // used to spin forever in the type-name reader: now reviewed like any other column
        java.nio.file.Path file = java.nio.file.Files.createTempFile("strata-arrays", ".sql");
        java.nio.file.Files.writeString(file, "CREATE TABLE t (tags text[], grid int[][]);\n"
                + "ALTER TABLE t ADD COLUMN labels varchar(20)[];\n");
        Run r = run("check", file.toString(), "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"kind\" : \"CREATE TABLE\"").doesNotContain("unanalysed-statement");
    }

    @Test
    void usageMistakesExitTwo() throws Exception {
        assertThat(run("check").exit()).isEqualTo(2);
        assertThat(run("check", "no/such/file.sql").exit()).isEqualTo(2);
        java.nio.file.Path binary = java.nio.file.Files.createTempFile("strata", ".sql");
        java.nio.file.Files.write(binary, new byte[]{(byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF});
        Run notText = run("check", binary.toString());
        assertThat(notText.exit()).isEqualTo(2);
        assertThat(notText.out()).contains("not UTF-8 text");
        assertThat(run("check", CORPUS + "safe/001-create-index-concurrently.sql", "--format", "xml").exit())
                .isEqualTo(2);
        assertThat(run("validate").exit()).isEqualTo(2);
        assertThat(run("validate", "SELECT 1", "--format", "yaml").exit()).isEqualTo(2);
        assertThat(run("frobnicate").exit()).isEqualTo(2);
        Run rows = run("--url", "postgres://nobody@localhost:1/none", "--sample-rows", "5");
        assertThat(rows.exit()).isEqualTo(2);
        assertThat(rows.out()).contains("--sample-rows must be between 100");
    }

    @Test
    void validateWithDataAwareRules() throws Exception {
        String url = DemoDatabase.shared().url();
        Run r = run("validate", "SELECT count(*) FROM accounts WHERE plan = 'Pro'", "--url", url, "--format", "json");
        assertThat(r.out()).contains("literal-not-in-values").contains("'pro'");
    }

    @Test
    void snapshotAndDiffGateBreakingDrift() throws Exception {
        DemoDatabase demo = DemoDatabase.shared();
        demo.execute("postgres", "DROP DATABASE IF EXISTS strata_cli_drift WITH (FORCE)");
        demo.execute("postgres", "CREATE DATABASE strata_cli_drift");
        demo.execute("strata_cli_drift", "CREATE TABLE users (user_id bigint PRIMARY KEY, nickname text, "
                + "email varchar(40))");
        String url = "postgres://postgres@localhost:" + demo.port() + "/strata_cli_drift";
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("strata-drift");
        String committed = dir.resolve("schema.json").toString();

        Run snap = run("snapshot", "--url", url, "--out", committed);
        assertThat(snap.exit()).as("%s", snap.out()).isZero();
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of(committed)))
                .contains("\"name\": \"users\"").contains("{\"name\":\"nickname\"");
        Run stdout = run("snapshot", "--url", url);
        assertThat(stdout.out()).isEqualTo(java.nio.file.Files.readString(java.nio.file.Path.of(committed)));

        Run clean = run("diff", committed, "live", "--url", url);
        assertThat(clean.exit()).as("%s", clean.out()).isZero();
        assertThat(clean.out()).contains("no changes from");

        demo.execute("strata_cli_drift", "ALTER TABLE users ALTER COLUMN email TYPE varchar(80)");
        Run widened = run("diff", committed, "live", "--url", url);
        assertThat(widened.exit()).as("%s", widened.out()).isZero();
        assertThat(widened.out()).contains("additive column_type_changed public.users.email: character varying(40) "
                + "→ character varying(80)").contains("0 breaking, 1 additive");

        demo.execute("strata_cli_drift", "ALTER TABLE users DROP COLUMN nickname");
        Run broken = run("diff", committed, "live", "--url", url);
        assertThat(broken.exit()).as("%s", broken.out()).isEqualTo(1);
        assertThat(broken.out()).contains("BREAKING column_dropped public.users.nickname: text → (gone)")
                .contains("1 breaking, 1 additive");
        Run json = run("diff", committed, "live", "--url", url, "--format", "json");
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.out()).contains("\"kind\" : \"column_dropped\"").contains("\"breaking\" : true");
        // file against file needs no database; backwards, email narrows to varchar(40) again: breaking
        Run later = run("snapshot", "--url", url, "--out", dir.resolve("now.json").toString());
        assertThat(later.exit()).isZero();
        Run backwards = run("diff", dir.resolve("now.json").toString(), committed);
        assertThat(backwards.exit()).as("%s", backwards.out()).isEqualTo(1);
        assertThat(backwards.out()).contains("additive column_added public.users.nickname")
                .contains("BREAKING column_type_changed public.users.email");
    }

    @Test
    void snapshotAndDiffUsageMistakesExitTwo() throws Exception {
        assertThat(run("diff").exit()).isEqualTo(2);
        assertThat(run("diff", "only-one.json").exit()).isEqualTo(2);
        assertThat(run("diff", "no/such/old.json", "no/such/new.json").exit()).isEqualTo(2);
        java.nio.file.Path notASnapshot = java.nio.file.Files.createTempFile("strata", ".json");
        java.nio.file.Files.writeString(notASnapshot, "{\"hello\": 1}");
        Run bad = run("diff", notASnapshot.toString(), notASnapshot.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).contains("not a Strata snapshot");
        Run noUrl = run("diff", notASnapshot.toString(), "live");
        assertThat(noUrl.exit()).isEqualTo(2);
        assertThat(run("snapshot", "--url", "postgres://nobody@127.0.0.1:1/none").exit()).isEqualTo(2);
        assertThat(run("diff", "a.json", "b.json", "--format", "xml").exit()).isEqualTo(2);
    }
}
