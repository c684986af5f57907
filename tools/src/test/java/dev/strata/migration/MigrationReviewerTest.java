package dev.strata.migration;

import dev.strata.DemoKnowledge;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import dev.strata.migration.live.LiveDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour of the review engine beyond the corpus: state across statements and files, options, positions. */
class MigrationReviewerTest {

    private static final MigrationReviewer OFFLINE = new MigrationReviewer(Optional.empty(), ReviewConfig.DEFAULT);

    private static FileReview review(String sql) {
        return OFFLINE.review(sql, ReviewOptions.DEFAULT).files().get(0);
    }

    private static List<String> rules(FileReview r) {
        return r.findings().stream().map(Finding::rule).toList();
    }

    private static MigrationReviewer live(ReviewConfig config) {
        return new MigrationReviewer(Optional.of(new LiveDatabase(DemoKnowledge.get().catalog(),
                DemoKnowledge.database(), config)), config);
    }

    @Test
    void strataIgnoreSilencesOneStatement() {
        FileReview r = review("""
                -- strata-ignore create-index-not-concurrently, missing-lock-timeout
                CREATE INDEX a_idx ON orders (status);
                CREATE INDEX b_idx ON orders (user_id);
                DROP INDEX c_idx; -- strata-ignore drop-index-not-concurrently
                """);
        assertThat(r.findings()).extracting(Finding::rule, Finding::line).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("missing-statement-timeout", 2),
                org.assertj.core.groups.Tuple.tuple("create-index-not-concurrently", 3),
                // once per script, at the first blocking lock whose statement does not silence it
                org.assertj.core.groups.Tuple.tuple("missing-lock-timeout", 3));
    }

    @Test
    void assumeInTransactionMakesConcurrentlyFail() {
        String sql = "CREATE INDEX CONCURRENTLY a_idx ON orders (status);";
        assertThat(rules(review(sql))).doesNotContain("concurrent-index-in-transaction");
        FileReview wrapped = OFFLINE.review(sql, new ReviewOptions(null, true)).files().get(0);
        assertThat(wrapped.findings()).extracting(Finding::rule, Finding::severity)
                .contains(org.assertj.core.groups.Tuple.tuple("concurrent-index-in-transaction", Severity.ERROR));
    }

    @Test
    void theVersionDecidesWhatRewrites() {
        String sql = "SET lock_timeout = '5s'; ALTER TABLE orders ADD COLUMN channel text DEFAULT 'web';";
        assertThat(rules(review(sql))).doesNotContain("add-column-volatile-default");
        Review old = OFFLINE.review(sql, new ReviewOptions(10, false));
        assertThat(old.pgVersion()).isEqualTo(10);
        assertThat(rules(old.files().get(0))).contains("add-column-volatile-default");
        assertThat(old.files().get(0).statements().get(1).rewritesTable()).isTrue();
    }

    @Test
    void tablesCreatedByAnEarlierFileAreNew() {
        MigrationReviewer.Session s = OFFLINE.session(ReviewOptions.DEFAULT);
        s.review("V1.sql", "CREATE TABLE shipments (shipment_id bigint PRIMARY KEY, order_id bigint, carrier varchar(20));");
        FileReview second = s.review("V2.sql", """
                CREATE INDEX shipments_order_idx ON shipments (order_id);
                ALTER TABLE shipments ALTER COLUMN carrier TYPE varchar(80);
                ALTER TABLE shipments ALTER COLUMN order_id TYPE integer;
                """);
        // the table is new, so neither the index nor the rewrite blocks anyone
        assertThat(rules(second)).doesNotContain("create-index-not-concurrently", "change-column-type",
                "missing-lock-timeout");
        assertThat(second.statements().get(1).rewritesTable()).isFalse();   // varchar widening
        assertThat(second.statements().get(2).rewritesTable()).isTrue();    // bigint → integer
        assertThat(second.statements().get(0).rowsEstimate()).isZero();
    }

    @Test
    void findingsPointAtTheSubcommand() {
        FileReview r = review("SET lock_timeout = '1s';\nALTER TABLE orders\n  ADD COLUMN a text,\n  ADD COLUMN b uuid DEFAULT gen_random_uuid();");
        Finding f = r.findings().stream().filter(x -> x.rule().equals("add-column-volatile-default")).findFirst()
                .orElseThrow();
        assertThat(f.line()).isEqualTo(4);
        assertThat(f.column()).isEqualTo(3);
        assertThat(f.message()).contains("gen_random_uuid()");
    }

    @Test
    void statementsReportLocksAndRewrites() {
        FileReview r = review("""
                CREATE INDEX CONCURRENTLY a ON orders (status);
                VACUUM (FULL, ANALYZE) orders;
                REINDEX TABLE CONCURRENTLY orders;
                LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE;
                ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT fk;
                """);
        assertThat(r.statements()).extracting(StatementReport::kind, StatementReport::lock, StatementReport::rewritesTable)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CREATE INDEX", "SHARE UPDATE EXCLUSIVE", false),
                        org.assertj.core.groups.Tuple.tuple("VACUUM FULL", "ACCESS EXCLUSIVE", true),
                        org.assertj.core.groups.Tuple.tuple("REINDEX TABLE CONCURRENTLY", "SHARE UPDATE EXCLUSIVE", false),
                        org.assertj.core.groups.Tuple.tuple("LOCK TABLE", "SHARE ROW EXCLUSIVE", false),
                        org.assertj.core.groups.Tuple.tuple("ALTER TABLE", "SHARE ROW EXCLUSIVE", false),
                        org.assertj.core.groups.Tuple.tuple("ALTER TABLE", "SHARE UPDATE EXCLUSIVE", false));
    }

    @Test
    void verboseTextNamesEachLockAndRewrite() {
        Review review = OFFLINE.review("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users;\n"
                + "VACUUM FULL orders;", ReviewOptions.DEFAULT);
        String text = dev.strata.migration.report.TextReport.render(review, true);
        assertThat(text).contains("input:1: ALTER TABLE public.orders, public.users — SHARE ROW EXCLUSIVE on "
                + "public.orders, SHARE ROW EXCLUSIVE on public.users")
                .contains("input:2: VACUUM FULL public.orders — ACCESS EXCLUSIVE on public.orders, rewrites public.orders");
    }

    @Test
    void setLocalLockTimeoutEndsWithTheTransaction() {
        FileReview r = review("""
                BEGIN;
                SET LOCAL lock_timeout = '3s';
                ALTER TABLE orders DROP COLUMN note;
                COMMIT;
                ALTER TABLE users DROP COLUMN nickname;
                """);
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("missing-lock-timeout"))
                .extracting(Finding::line).containsExactly(5);
    }

    @Test
    void doBlocksAreReviewedAsOneTransactionAndDynamicSqlIsReported() {
        FileReview r = review("""
                DO $$
                BEGIN
                  EXECUTE 'CREATE INDEX CONCURRENTLY x_idx ON orders (status)';
                  IF NOT EXISTS (SELECT 1) THEN
                    ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
                  END IF;
                  EXECUTE format('DROP TABLE %I', 'x');
                END $$;
                """);
        assertThat(rules(r)).contains("concurrent-index-in-transaction", "set-not-null", "unanalysed-statement");
        Finding notNull = r.findings().stream().filter(f -> f.rule().equals("set-not-null")).findFirst().orElseThrow();
        assertThat(notNull.line()).isEqualTo(5);
    }

    @Test
    void nothingCrashesAndNothingPassesSilently() {
        String[] seeds = {"ALTER TABLE orders ADD CONSTRAINT c CHECK (a > 0) NOT VALID",
                "DROP INDEX CONCURRENTLY IF EXISTS public.i", "CREATE TABLE t (a int REFERENCES u, CHECK (a > 1))",
                "DO $$ BEGIN ALTER TABLE t ADD COLUMN b int; END $$", "VACUUM (FULL) t", "COMMENT ON COLUMN a.b.c IS 'x'"};
        String noise = "();,.'\"$$ ALTER TABLE ADD DROP COLUMN INDEX CONCURRENTLY NOT VALID DEFAULT -- /* */ \\";
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int e = 0; e < 1 + random.nextInt(5); e++) {
                int at = random.nextInt(sb.length() + 1);
                if (random.nextBoolean()) sb.insert(at, noise.charAt(random.nextInt(noise.length())));
                else if (at < sb.length()) sb.deleteCharAt(at);
            }
            FileReview r = review(sb.toString());
            assertThat(r.statements()).as("%s", sb).isNotNull();
        }
        FileReview garbage = review("FROBNICATE the database; ALTER TABLE");
        assertThat(rules(garbage)).contains("unanalysed-statement");
    }

    @Test
    void psqlMetaCommandsAreSkippedWithAnInfoFinding() {
        FileReview r = review("\\set ON_ERROR_STOP on\nSET lock_timeout = '1s';\n\\i more.sql\nCREATE INDEX CONCURRENTLY a ON orders (status);");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("psql-meta-command"))
                .extracting(Finding::line, Finding::severity).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, Severity.INFO),
                        org.assertj.core.groups.Tuple.tuple(3, Severity.INFO));
        assertThat(r.findings()).filteredOn(f -> f.line() == 3).extracting(Finding::fix)
                .containsExactly("Review the included file with strata check too.");
        assertThat(rules(review("SET lock_timeout = '1s'; CREATE INDEX CONCURRENTLY a ON orders (status);")))
                .doesNotContain("psql-meta-command");
    }

    @Test
    void largeTablesAreSampledAndSaySo() {
        ReviewConfig sampling = new ReviewConfig(Set.of(), Map.of(), 60, 10_000, 1_000, 5_000, Duration.ofSeconds(5));
        FileReview r = live(sampling).review("ALTER TABLE orders ADD CONSTRAINT orders_total_positive "
                + "CHECK (total_cents > 1000000000);", ReviewOptions.DEFAULT).files().get(0);
        Finding f = r.findings().stream().filter(x -> x.rule().equals("existing-rows-violate")).findFirst().orElseThrow();
        assertThat(f.evidence()).containsEntry("source", "sample");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void aCheckThatHitsTheTimeoutIsReportedAsUnchecked() {
        ReviewConfig impatient = new ReviewConfig(Set.of(), Map.of(), 60, 10_000, 10_000_000, 5_000,
                Duration.ofMillis(1));
        FileReview r = live(impatient).review("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) "
                + "REFERENCES users (id);", ReviewOptions.DEFAULT).files().get(0);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("existing-rows-violate");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("not checked");
        });
    }

    @Test
    void configExcludesAndOverrides() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("strata", ".yml");
        java.nio.file.Files.writeString(file, """
                exclude: [missing-lock-timeout]
                severity: {create-index-not-concurrently: error}
                fail_on: error
                """);
        ReviewConfigFile.Loaded loaded = ReviewConfigFile.load(file);
        assertThat(loaded.failOn()).isEqualTo(Severity.ERROR);
        FileReview r = new MigrationReviewer(Optional.empty(), loaded.config())
                .review("CREATE INDEX a ON orders (status); DROP INDEX b;", ReviewOptions.DEFAULT).files().get(0);
        assertThat(rules(r)).doesNotContain("missing-lock-timeout");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("create-index-not-concurrently"))
                .extracting(Finding::severity).containsExactly(Severity.ERROR);
        java.nio.file.Files.writeString(file, "exclude: [no-such-rule]\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReviewConfigFile.load(file))
                .hasMessageContaining("unknown rule id 'no-such-rule'");
        java.nio.file.Files.writeString(file, "exclud: [missing-comment]\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReviewConfigFile.load(file))
                .hasMessageContaining("exclud");
    }
}
