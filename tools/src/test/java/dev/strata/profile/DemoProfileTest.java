package dev.strata.profile;

import dev.strata.DemoKnowledge;
import dev.strata.catalog.Relation;
import dev.strata.json.Json;
import dev.strata.profile.detectors.CodeDetector;
import dev.strata.profile.detectors.DateTextDetector;
import dev.strata.profile.detectors.JsonShapeDetector;
import dev.strata.profile.detectors.SentinelDetector;
import dev.strata.profile.detectors.VariantClusterDetector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every pathology planted in the demo database (demo/README.md) is reported by the right detector. */
class DemoProfileTest {

    static TableProfile table(String name) {
        Relation r = DemoKnowledge.get().catalog().resolve(name).orElseThrow();
        return DemoKnowledge.profiles().table(r, null, false, Profiler.Progress.NONE);
    }

    static ColumnProfile column(String table, String column) {
        return table(table).column(column).orElseThrow();
    }

    static List<String> findings(String table, String kind) {
        return table(table).findings().stream().filter(f -> f.kind().equals(kind)).map(TableFinding::column).toList();
    }

    @Test
    void sentinelsAndTestRows() {
        var created = column("public.users", "created_at").detector("sentinels", SentinelDetector.Sentinels.class)
                .orElseThrow();
        assertThat(created.sentinels()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo("epoch_zero");
            assertThat(s.fraction()).isEqualTo(0.02); // users is read whole: exact
        });
        var total = column("public.orders", "total_cents").detector("sentinels", SentinelDetector.Sentinels.class)
                .orElseThrow();
        assertThat(total.dominatingSum()).hasValueSatisfying(s -> assertThat(s.value()).isEqualTo("99999999"));
        assertThat(column("billing.invoices", "id").detector("sentinels", SentinelDetector.Sentinels.class))
                .hasValueSatisfying(s -> assertThat(s.sentinels().get(0).kind()).isEqualTo("zero_id"));
        assertThat(column("public.attachments", "owner_id").detector("sentinels", SentinelDetector.Sentinels.class))
                .isPresent();
        assertThat(column("legacy.order_archive", "order_date").detector("sentinels", SentinelDetector.Sentinels.class))
                .hasValueSatisfying(s -> assertThat(s.sentinels().get(0).fraction()).isEqualTo(0.0049));
        assertThat(findings("public.accounts", "test_rows")).contains("name", "is_test");
        assertThat(findings("public.users", "test_rows")).contains("email");
    }

    @Test
    void datesAsTextWithEachFormatAndItsShare() {
        var uploaded = column("public.attachments", "uploaded_at").detector("date_text", DateTextDetector.DateText.class)
                .orElseThrow();
        assertThat(uploaded.formats().get("YYYY-MM-DD")).isEqualTo(0.5);
        assertThat(uploaded.formats().get("DD-Mon-YYYY")).isEqualTo(0.1);
        // 25 % US + 15 % EU, of which 792 of 5,000 rows are ambiguous (README)
        assertThat(uploaded.formats().get(DateFormats.SLASH_AMBIGUOUS)).isEqualTo(0.1584);
        assertThat(uploaded.unsafeToCompare()).isTrue();
        var issued = column("billing.invoices", "issued_on").detector("date_text", DateTextDetector.DateText.class)
                .orElseThrow();
        assertThat(issued.formats()).hasSize(5);
        assertThat(issued.formats().get("YYYY-MM-DD")).isCloseTo(0.40, within(0.04));
        assertThat(findings("billing.invoices", "dates_as_text")).containsExactly("issued_on");
        // One sortable format: not a comparison hazard, but the zero dates are sentinels
        assertThat(column("legacy.order_archive", "order_date").detector("date_text", DateTextDetector.DateText.class)
                .orElseThrow().unsafeToCompare()).isFalse();
    }

    @Test
    void caseAndWhitespaceVariantClusters() {
        var names = column("public.accounts", "name").detector("variants", VariantClusterDetector.Variants.class)
                .orElseThrow();
        assertThat(names.clusters()).extracting(VariantClusterDetector.Cluster::normalised)
                .containsExactlyInAnyOrder("acme corp", "globex gmbh");
        assertThat(names.clusters().get(0).spellings()).hasSize(5);
        var plan = column("public.accounts", "plan").detector("variants", VariantClusterDetector.Variants.class)
                .orElseThrow();
        assertThat(plan.clusters()).extracting(VariantClusterDetector.Cluster::normalised)
                .containsExactly("pro", "enterprise");
        assertThat(plan.clusters().get(0).fraction()).isEqualTo(0.3);
        assertThat(column("billing.invoices", "status").detector("variants", VariantClusterDetector.Variants.class)
                .orElseThrow().clusters().get(0).spellings()).extracting(v -> v.value())
                .containsExactly("paid", "PAID", "Paid ");
    }

    @Test
    void jsonPathsGenerationsAndTextThatIsNotJson() {
        var payload = column("public.events", "payload").detector("json", JsonShapeDetector.JsonShape.class)
                .orElseThrow();
        assertThat(payload.share("action")).isCloseTo(0.5, within(0.07));
        assertThat(payload.share("event.type")).isCloseTo(0.5, within(0.07));
        assertThat(payload.share("metadata.source")).isCloseTo(0.2, within(0.05));
        assertThat(payload.uncovered(List.of("action", "event.type"))).isEqualTo(0.0);
        assertThat(payload.uncovered(List.of("action"))).isCloseTo(0.5, within(0.07));
        assertThat(payload.uncovered(List.of("plan", "event.plan"))).isEqualTo(0.0);
        assertThat(payload.generations().size()).isGreaterThanOrEqualTo(4);
        var body = column("public.webhook_deliveries", "response_body")
                .detector("json", JsonShapeDetector.JsonShape.class).orElseThrow();
        assertThat(body.notJsonFraction()).isEqualTo(0.3);
        assertThat(body.paths()).containsKeys("ok", "id");
        assertThat(findings("public.events", "json_generations")).containsExactly("payload");
    }

    @Test
    void booleanLikeSmallIntsAndDocumentedCodes() {
        var status = column("public.orders", "status").detector("codes", CodeDetector.Codes.class).orElseThrow();
        assertThat(status.booleanLike()).isTrue();
        var state = column("public.orders", "state").detector("codes", CodeDetector.Codes.class).orElseThrow();
        assertThat(state.documented()).containsEntry("0", "pending").containsEntry("4", "cancelled");
        assertThat(state.undocumented()).isEmpty();
    }

    @Test
    void softDeleteCoverageAndNeverWrittenColumns() {
        var users = table("public.users").findings().stream().filter(f -> f.kind().equals("soft_delete")).findFirst()
                .orElseThrow();
        assertThat(users.evidence()).containsEntry("rows_marked_fraction", 0.08);
        var orders = table("public.orders").findings().stream().filter(f -> f.kind().equals("soft_delete"))
                .findFirst().orElseThrow();
        assertThat(orders.message()).contains("never written");
        var payments = table("billing.payments").findings().stream().filter(f -> f.kind().equals("soft_delete"))
                .findFirst().orElseThrow();
        assertThat((Double) payments.evidence().get("rows_marked_fraction")).isCloseTo(0.0307, within(0.01));
    }

    @Test
    void polymorphicTargetsWithTheirShares() {
        var comments = table("public.comments").findings().stream()
                .filter(f -> f.kind().equals("polymorphic_targets")).findFirst().orElseThrow();
        assertThat(Json.write(comments.evidence())).contains("\"value\":\"order\"").contains("\"fraction\":0.6")
                .contains("billing.invoices");
        assertThat(findings("public.attachments", "polymorphic_targets")).containsExactly("owner_type");
    }

    @Test
    void personalValuesAreMaskedKeepingTheirShape() {
        ColumnProfile email = column("public.users", "email");
        assertThat(email.masked()).isTrue();
        assertThat(Json.write(email)).doesNotContain("DO_NOT_USE@").contains("D***@test.com");
        assertThat(column("public.accounts", "plan").masked()).isFalse();
        assertThat(column("public.attachments", "uploaded_at").masked()).isFalse();
        Relation users = DemoKnowledge.get().catalog().resolve("public.users").orElseThrow();
        ProfileCache unmasked = new ProfileCache(DemoKnowledge.database(), ProfileOptions.defaults().withMask(false),
                () -> DemoKnowledge.get().graph());
        assertThat(Json.write(unmasked.column(users, "email", null, false))).contains("DO_NOT_USE@test.com");
    }

    @Test
    void everyFigureSaysWhereItCameFrom() {
        ColumnProfile state = column("public.orders", "state");
        assertThat(state.source()).isEqualTo("pg_stats");
        assertThat(state.sources()).containsEntry("detectors", "pg_stats");
        assertThat(column("public.orders", "region_code").sources()).containsEntry("detectors", "sample");
        assertThat(column("public.accounts", "plan").source()).isEqualTo("exact");
        assertThat(table("public.orders").sampleMethod()).isEqualTo("TABLESAMPLE SYSTEM");
    }
}
