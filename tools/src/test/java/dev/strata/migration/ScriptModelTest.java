package dev.strata.migration;

import dev.strata.DemoKnowledge;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import dev.strata.migration.ddl.TypeName;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.migration.rules.IdentifierTooLong;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The script model and the rules built on it: what earlier statements did changes what later ones do; the session
 * settings a script makes; PostgreSQL's rewrite rules; the once-per-script and size-aware defaults.
 */
class ScriptModelTest {

    private static final MigrationReviewer OFFLINE = new MigrationReviewer(Optional.empty(), ReviewConfig.DEFAULT);

    private static MigrationReviewer live() {
        return new MigrationReviewer(Optional.of(new LiveDatabase(DemoKnowledge.get().catalog(),
                DemoKnowledge.database(), ReviewConfig.DEFAULT)), ReviewConfig.DEFAULT);
    }

    private static FileReview offline(String sql) {
        return OFFLINE.review(sql, ReviewOptions.DEFAULT).files().get(0);
    }

    private static FileReview withDemo(String sql) {
        return live().review(sql, ReviewOptions.DEFAULT).files().get(0);
    }

    private static List<String> rules(FileReview r) {
        return r.findings().stream().map(Finding::rule).toList();
    }

    // ------------------------------------------------------------------ rewrites, PostgreSQL's way

    @Test
    void typeChangesRewriteExactlyWhenPostgresDoes() {
        TypeName varchar20 = TypeName.fromCatalog("character varying(20)");
        assertThat(judge(varchar20, "varchar(40)", null, "UTC").rewrites()).isFalse();
        assertThat(judge(varchar20, "varchar(10)", null, "UTC").rewrites()).isTrue();
        assertThat(judge(varchar20, "text", null, "UTC").rewrites()).isFalse();
        assertThat(judge(TypeName.fromCatalog("text"), "varchar", null, "UTC").rewrites()).isFalse();
        assertThat(judge(TypeName.fromCatalog("text"), "varchar(100)", null, "UTC").rewrites()).isTrue();
        assertThat(judge(TypeName.fromCatalog("text"), "text", "c", "UTC").rewrites()).isFalse();
        assertThat(judge(TypeName.fromCatalog("text"), "text", "c::text", "UTC").rewrites()).isFalse();
        assertThat(judge(TypeName.fromCatalog("text"), "text", "lower(c)", "UTC").rewrites()).isTrue();
        assertThat(judge(TypeName.fromCatalog("numeric(10,2)"), "numeric(12,2)", null, "UTC").rewrites()).isFalse();
        assertThat(judge(TypeName.fromCatalog("numeric(10,2)"), "numeric(12,3)", null, "UTC").rewrites()).isTrue();
        assertThat(judge(TypeName.fromCatalog("character(3)"), "text", null, "UTC").rewrites()).isTrue();
        assertThat(judge(TypeName.fromCatalog("cidr"), "inet", null, "UTC").rewrites()).isFalse();
        assertThat(judge(TypeName.fromCatalog("text[]"), "varchar[]", null, "UTC").rewrites()).isTrue();
        assertThat(judge(TypeName.fromCatalog("timestamp(3) without time zone"), "timestamp(6)", null, "UTC")
                .rewrites()).isFalse();
        assertThat(judge(TypeName.fromCatalog("timestamp without time zone"), "timestamp(3)", null, "UTC")
                .rewrites()).isTrue();
    }

    @Test
    void timestampToTimestamptzDependsOnTheSessionTimeZoneAndVersion() {
        TypeName ts = TypeName.fromCatalog("timestamp without time zone");
        assertThat(judge(ts, "timestamptz", "c", "UTC").rewrites()).isFalse();
        assertThat(judge(ts, "timestamptz", null, "Etc/UTC").rewrites()).isFalse();
        assertThat(judge(ts, "timestamptz", null, "0").rewrites()).isFalse();
        assertThat(judge(ts, "timestamptz", null, "Europe/London").rewrites()).isTrue();
        assertThat(judge(ts, "timestamptz", "c AT TIME ZONE 'UTC'", "UTC").rewrites()).isTrue();
        assertThat(TypeChange.judge(ts, TypeName.fromCatalog("timestamptz"), null, "c", "UTC", 11, Optional.empty())
                .rewrites()).isTrue();
        TypeChange.Verdict unknown = judge(ts, "timestamptz", null, TimeZones.UNKNOWN);
        assertThat(unknown.rewrites()).isTrue();
        assertThat(unknown.reason()).contains("unless the session TimeZone is UTC");
    }

    @Test
    void setTimezoneInTheScriptReachesTheRewriteDecision() {
        String alter = "ALTER TABLE legacy.customer_master ALTER COLUMN created TYPE timestamptz USING created;";
        FileReview utc = withDemo("SET lock_timeout = '5s'; SET TIME ZONE 'UTC'; " + alter);
        FileReview newYork = withDemo("SET lock_timeout = '5s'; SET timezone TO 'America/New_York'; " + alter);
        assertThat(utc.statements().get(2).rewritesTable()).isFalse();
        assertThat(newYork.statements().get(2).rewritesTable()).isTrue();
        // RESET gives the server's setting back (the demo server runs in UTC)
        FileReview reset = withDemo("SET timezone = 'America/New_York'; RESET timezone; " + alter);
        assertThat(reset.statements().get(2).rewritesTable()).isFalse();
    }

    private static TypeChange.Verdict judge(TypeName from, String to, String using, String tz) {
        return TypeChange.judge(from, TypeName.fromCatalog(to), using, "c", tz, 17, Optional.empty());
    }

    // ------------------------------------------------------------------ the script model

    @Test
    void aViewDroppedEarlierNoLongerDependsButAnotherStillDoes() {
        String recreate = """
                SET lock_timeout = '5s';
                DROP VIEW public.active_users;
                ALTER TABLE public.users ALTER COLUMN email TYPE varchar;
                CREATE VIEW public.active_users AS SELECT id, email FROM public.users;
                """;
        assertThat(rules(withDemo(recreate))).doesNotContain("dependent-objects");
        assertThat(rules(withDemo("ALTER TABLE public.users ALTER COLUMN email TYPE varchar;")))
                .contains("dependent-objects");
    }

    @Test
    void dropCascadeRemovesWhatDependsOnTheDroppedObject() {
        // billing.invoice_totals is built on billing.invoices: dropping the view with CASCADE takes nothing else,
        // dropping a column it uses with CASCADE takes the view
        FileReview r = withDemo("""
                SET lock_timeout = '5s';
                DROP VIEW billing.invoice_totals CASCADE;
                ALTER TABLE billing.invoices ALTER COLUMN amount_cents TYPE numeric(14,2);
                """);
        assertThat(r.findings()).noneMatch(f -> f.rule().equals("dependent-objects")
                && f.severity() == Severity.ERROR);
    }

    @Test
    void aTableRebuiltInPlaceLosesNothing() {
        assertThat(rules(offline("DROP TABLE cache_totals; CREATE TABLE cache_totals AS SELECT 1 AS n;")))
                .doesNotContain("drop-table");
        assertThat(rules(offline("DROP TABLE cache_totals; CREATE TABLE cache_totals (n int); "
                + "INSERT INTO cache_totals SELECT 1;"))).doesNotContain("drop-table");
        FileReview empty = offline("DROP TABLE cache_totals; CREATE TABLE cache_totals (n int);");
        assertThat(empty.findings()).filteredOn(f -> f.rule().equals("drop-table")).extracting(Finding::message)
                .singleElement().asString().contains("starts empty");
    }

    @Test
    void tablesComeFromSelectIntoButNotFromCreateIfNotExistsOverAnExistingOne() {
        FileReview copy = withDemo("SELECT * INTO public.orders_copy FROM public.orders; "
                + "ALTER TABLE public.orders_copy ADD COLUMN x int;");
        assertThat(rules(copy)).doesNotContain("unknown-table", "missing-lock-timeout");
        FileReview existing = withDemo("CREATE TABLE IF NOT EXISTS public.orders (id bigint); "
                + "CREATE INDEX orders_state_idx ON public.orders (state);");
        assertThat(rules(existing)).contains("create-index-not-concurrently");
    }

    @Test
    void renamesAreFollowed() {
        FileReview r = withDemo("""
                SET lock_timeout = '5s';
                ALTER TABLE public.users RENAME TO people;
                ALTER TABLE public.people RENAME COLUMN full_name TO display_name;
                ALTER TABLE public.people ALTER COLUMN display_name SET DEFAULT '';
                ALTER TABLE public.users ADD COLUMN x int;
                """);
        // the renamed table and column are found under their new names; the old table name is gone
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("unknown-table") || f.rule().equals("unknown-column"))
                .extracting(Finding::rule, Finding::line).containsExactly(tuple("unknown-table", 5));
        assertThat(r.statements().get(3).tables()).containsExactly("public.people");
    }

    @Test
    void unknownNamesComeWithTheClosestRealOnes() {
        FileReview r = withDemo("SET lock_timeout = '5s'; ALTER TABLE public.ordrs ADD COLUMN x int; "
                + "ALTER TABLE public.orders ALTER COLUMN totl_cents DROP NOT NULL; "
                + "DROP TABLE IF EXISTS public.no_such_thing;");
        Finding table = r.findings().stream().filter(f -> f.rule().equals("unknown-table")).findFirst().orElseThrow();
        assertThat(table.severity()).isEqualTo(Severity.ERROR);
        assertThat(table.fix()).contains("public.orders");
        Finding column = r.findings().stream().filter(f -> f.rule().equals("unknown-column")).findFirst().orElseThrow();
        assertThat(column.fix()).contains("total_cents");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("unknown-table") && f.message().contains("no_such"))
                .extracting(Finding::severity).containsExactly(Severity.INFO);
        // a statement Strata could not follow may have created it: no longer a fact
        FileReview dynamic = withDemo("DO $$ BEGIN EXECUTE 'CREATE TABLE ' || 'ordrs (id int)'; END $$; "
                + "ALTER TABLE public.ordrs ADD COLUMN x int;");
        assertThat(dynamic.findings()).filteredOn(f -> f.rule().equals("unknown-table"))
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void aColumnAddedWithoutDefaultIsAllNulls() {
        FileReview r = withDemo("""
                SET lock_timeout = '5s';
                ALTER TABLE public.accounts ADD COLUMN tier text;
                ALTER TABLE public.accounts ALTER COLUMN tier SET NOT NULL;
                """);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("existing-rows-violate");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.line()).isEqualTo(3);
        });
        FileReview backfilled = withDemo("""
                SET lock_timeout = '5s';
                ALTER TABLE public.accounts ADD COLUMN tier text;
                UPDATE public.accounts SET tier = 'free';
                ALTER TABLE public.accounts ALTER COLUMN tier SET NOT NULL;
                """);
        assertThat(backfilled.findings()).noneMatch(f -> f.rule().equals("existing-rows-violate"));
    }

    // ------------------------------------------------------------------ quiet defaults

    @Test
    void missingLockTimeoutIsOncePerScriptAndAWarningOnlyOnBigTables() {
        FileReview big = withDemo("ALTER TABLE public.orders ADD COLUMN a int; ALTER TABLE public.orders ADD COLUMN b int;");
        assertThat(big.findings()).filteredOn(f -> f.rule().equals("missing-lock-timeout"))
                .extracting(Finding::severity, Finding::line).containsExactly(tuple(Severity.WARNING, 1));
        FileReview small = withDemo("ALTER TABLE public.regions ADD COLUMN a int;");
        assertThat(small.findings()).filteredOn(f -> f.rule().equals("missing-lock-timeout"))
                .extracting(Finding::severity).containsExactly(Severity.INFO);
        FileReview noDatabase = offline("ALTER TABLE orders ADD COLUMN a int;");
        assertThat(noDatabase.findings()).filteredOn(f -> f.rule().equals("missing-lock-timeout"))
                .extracting(Finding::severity).containsExactly(Severity.INFO);
        assertThat(rules(offline("SET lock_timeout = '5s'; ALTER TABLE orders ADD COLUMN a int;")))
                .doesNotContain("missing-lock-timeout");
        assertThat(rules(offline("SET lock_timeout = 0; ALTER TABLE orders ADD COLUMN a int;")))
                .contains("missing-lock-timeout");
    }

    @Test
    void conventionRulesAreAdviceUnlessConfiguredUp() {
        String sql = "CREATE TABLE things (id bigint PRIMARY KEY, seen timestamp);";
        assertThat(offline(sql).findings()).filteredOn(f -> f.rule().equals("bare-id-primary-key")
                || f.rule().equals("timestamp-without-time-zone")).extracting(Finding::severity)
                .containsOnly(Severity.INFO).hasSize(2);
        ReviewConfig strict = new ReviewConfig(java.util.Set.of(), java.util.Map.of("bare-id-primary-key",
                Severity.WARNING), 60, 10_000, 1_000_000, 20_000, java.time.Duration.ofSeconds(3));
        FileReview r = new MigrationReviewer(Optional.empty(), strict).review(sql, ReviewOptions.DEFAULT).files().get(0);
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("bare-id-primary-key"))
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void aNeverAnalysedTableIsSmall() {
        TargetTable t = new TargetTable("public.t", TargetTable.Status.EXISTING, DemoKnowledge.get().catalog()
                .find("public", "orders").map(r -> new dev.strata.catalog.Relation(r.oid(), r.schema(), r.name(),
                        r.kind(), r.comment(), -1, r.sizeBytes(), r.partition(), r.viewDefinition(), r.columns(),
                        r.keys(), r.foreignKeys(), r.checks(), r.indexes(), r.triggers())).orElseThrow());
        assertThat(t.isSmall(10_000)).isTrue();
        assertThat(t.describe()).contains("never analysed");
    }

    // ------------------------------------------------------------------ new rules

    @Test
    void validateInTheTransactionThatHoldsTheLock() {
        String twoSteps = """
                ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT fk;
                """;
        assertThat(rules(offline("BEGIN;\n" + twoSteps + "COMMIT;"))).contains("validate-in-same-transaction");
        assertThat(rules(OFFLINE.review(twoSteps, new ReviewOptions(null, true)).files().get(0)))
                .contains("validate-in-same-transaction");
        // autocommit: each statement is its own transaction, the add's lock is gone before the scan
        assertThat(rules(offline(twoSteps))).doesNotContain("validate-in-same-transaction");
    }

    @Test
    void identifiersAreCountedInBytes() {
        String ascii = "a".repeat(63);
        String umlauts = "ä".repeat(32);   // 64 bytes in 32 characters
        assertThat(rules(offline("CREATE TABLE " + ascii + " (x int);"))).doesNotContain("identifier-too-long");
        FileReview r = offline("CREATE TABLE \"" + umlauts + "\" (x int);");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("identifier-too-long"))
                .extracting(f -> f.evidence().get("stored_as")).containsExactly("ä".repeat(31));
        assertThat(IdentifierTooLong.truncate("x".repeat(70))).hasSize(63);
    }

    @Test
    void statementTimeoutAdviceOncePerScript() {
        FileReview r = offline("CREATE INDEX CONCURRENTLY a ON orders (status); CREATE INDEX CONCURRENTLY b ON orders (x);");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("missing-statement-timeout"))
                .extracting(Finding::severity, Finding::line).containsExactly(tuple(Severity.INFO, 1));
        assertThat(rules(offline("SET statement_timeout = '10min'; CREATE INDEX CONCURRENTLY a ON orders (status);")))
                .doesNotContain("missing-statement-timeout");
    }

    @Test
    void syntaxIsJudgedByPostgresWithoutRunningAnything() {
        FileReview r = withDemo("""
                SET lock_timeout = '5s';
                SELECT count(*) FROM public.events WHERE payload ? 'action';
                ALTER TABLE public.orders ADD COLUMN note text NOT VALID;
                DROP TABLE public.orders;
                """);
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("syntax-error"))
                .extracting(Finding::line, Finding::severity).containsExactly(tuple(3, Severity.ERROR));
        Finding e = r.findings().stream().filter(f -> f.rule().equals("syntax-error")).findFirst().orElseThrow();
        assertThat(e.message()).contains("VALID");
        assertThat(e.column()).isGreaterThan(1);
        // parsed, never executed: the table is still there
        assertThat(new dev.strata.catalog.CatalogLoader(List.of()).load(DemoKnowledge.database())
                .find("public", "orders")).isPresent();
        assertThat(rules(offline("ALTER TABLE orders ADD COLUMN note text NOT VALID;"))).doesNotContain("syntax-error");
        // psql fills :variables in before the server parses anything
        assertThat(rules(withDemo("SET lock_timeout = '5s';\nALTER TABLE public.orders ALTER COLUMN state SET DEFAULT :state;")))
                .doesNotContain("syntax-error");
    }
}
