package dev.strata.legibility;

import dev.strata.DemoKnowledge;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import org.junit.jupiter.api.Test;

import dev.strata.profile.ProfileOptions;
import dev.strata.profile.ProfileService;
import dev.strata.profile.Profiler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** schema_report on the demo database names every planted legibility problem (demo/README.md lists them). */
class SchemaReportTest {

    private static final SchemaReportResult REPORT = new SchemaReport().run(DemoKnowledge.get(), null, null);

    private static List<String> messages(String rule) {
        return REPORT.findings().stream().filter(f -> f.rule().equals(rule)).map(Finding::message).toList();
    }

    @Test
    void namesThePlantedProblems() {
        String all = REPORT.findings().stream().map(f -> f.rule() + ": " + f.message()).collect(Collectors.joining("\n"));
        assertThat(messages("bare-id-primary-key")).anySatisfy(m -> assertThat(m).contains("public.users")
                .contains("public.orders"));
        assertThat(messages("polymorphic-reference")).anySatisfy(m -> assertThat(m).contains("commentable_type"));
        assertThat(messages("undeclared-reference")).anySatisfy(m -> assertThat(m).contains("region_code")
                .contains("public.regions"));
        assertThat(messages("undeclared-reference")).anySatisfy(m -> assertThat(m).contains("legacy.customer_master"));
        assertThat(messages("temporary-name")).anySatisfy(m -> assertThat(m).contains("tmp_customer_addresses")
                .contains("its comment says it is live"));
        assertThat(messages("temporary-name")).anySatisfy(m -> assertThat(m).contains("public.addresses")
                .contains("DEPRECATED"));
        assertThat(messages("temporary-name")).anySatisfy(m -> assertThat(m).contains("flag1").contains("misc1"));
        assertThat(messages("naming-convention-drift")).anySatisfy(m -> assertThat(m).contains("users"));
        assertThat(messages("fk-column-without-index")).isNotEmpty();
        assertThat(messages("wide-table")).anySatisfy(m -> assertThat(m).contains("legacy.customer_master"));
        assertThat(messages("soft-delete-partial")).anySatisfy(m -> assertThat(m).contains("public.orders.deleted_at"));
        assertThat(messages("missing-comment")).isNotEmpty();
        assertThat(REPORT.suggestedComments()).anySatisfy(c -> assertThat(c.sql()).startsWith("COMMENT ON COLUMN")
                .contains("commentable_id"));
    }

    @Test
    void withProfilesItDocumentsCodesTextDatesAndJsonGenerations() {
        ProfileService profiles = new ProfileService(DemoKnowledge::get, DemoKnowledge.database(),
                ProfileOptions.defaults());
        SchemaReportResult r = new SchemaReport().run(DemoKnowledge.get(), (table, i, n) -> java.util.Optional.of(
                profiles.cache().table(table, null, false, Profiler.Progress.NONE)), null, null);
        assertThat(r.tablesProfiled()).isGreaterThan(10);
        List<String> rules = r.findings().stream().map(f -> f.rule() + " " + f.table() + "." + f.columnName()).toList();
        assertThat(rules).as("%s", rules).contains("text-dates public.attachments.uploaded_at",
                "text-dates billing.invoices.issued_on", "json-generations public.events.payload",
                "json-generations public.webhook_deliveries.response_body", "undocumented-codes public.orders.status");
        Map<String, String> drafts = r.suggestedComments().stream()
                .collect(Collectors.toMap(SuggestedComment::object, SuggestedComment::sql));
        assertThat(drafts.get("public.orders.status")).startsWith("COMMENT ON COLUMN public.orders.status IS")
                .contains("1 = ?");
        assertThat(drafts.get("public.orders.state")).contains("pending");
        assertThat(drafts.get("public.attachments.uploaded_at")).contains("YYYY-MM-DD").contains("DD-Mon-YYYY");
        assertThat(drafts.get("public.events.payload")).contains("generation");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("undocumented-codes"))
                .anySatisfy(f -> assertThat(f.message()).contains("status").contains("state"));
    }

    @Test
    void cleanTablesAndRealTypesAreLeftAlone() {
        ProfileService profiles = new ProfileService(DemoKnowledge::get, DemoKnowledge.database(),
                ProfileOptions.defaults());
        // regions: commented, a natural key, snake_case, narrow — nothing worth more than an info
        SchemaReportResult regions = new SchemaReport().run(DemoKnowledge.get(), (table, i, n) -> java.util.Optional.of(
                profiles.cache().table(table, null, false, Profiler.Progress.NONE)), null, "regions");
        assertThat(regions.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        // billing.invoices.issued_on holds dates as text; due_date beside it is a real date column
        SchemaReportResult billing = new SchemaReport().run(DemoKnowledge.get(), (table, i, n) -> java.util.Optional.of(
                profiles.cache().table(table, null, false, Profiler.Progress.NONE)), "billing", null);
        List<String> flagged = billing.findings().stream()
                .map(f -> f.rule() + " " + f.table() + "." + f.columnName()).toList();
        assertThat(flagged).as("%s", flagged).contains("text-dates billing.invoices.issued_on")
                .doesNotContain("text-dates billing.invoices.due_date");
        assertThat(billing.findings()).noneMatch(f -> f.rule().equals("wide-table") || f.rule().equals("temporary-name"));
    }

    @Test
    void oneTableOnly() {
        SchemaReportResult r = new SchemaReport().run(DemoKnowledge.get(), null, "tmp_customer_addresses");
        assertThat(r.tablesExamined()).isEqualTo(1);
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.table()).isIn(null, "public.tmp_customer_addresses"));
    }
}
