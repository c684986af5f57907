package dev.strata.profile;

import dev.strata.DemoKnowledge;
import dev.strata.json.Json;
import dev.strata.schema.ToolException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tool-facing side of profiles: names, arguments, the JSON an assistant reads, the describe_table summary. */
class ProfileServiceTest {

    static final ProfileService SERVICE = new ProfileService(DemoKnowledge::get, DemoKnowledge.database(),
            ProfileOptions.defaults());

    @Test
    void columnProfileJsonCarriesTheContractFieldsAndNothingInternal() {
        String json = Json.write(SERVICE.profileColumn("accounts", "plan", null, null));
        assertThat(json).contains("\"source\":\"exact\"", "\"null_fraction\":0.0", "\"distinct_estimate\":5",
                "\"top_values\":[{\"value\":\"free\",\"fraction\":0.5}", "\"detectors\":{\"variants\"",
                "\"masked\":false", "\"sources\":{");
        assertThat(json).doesNotContain("\"values\"", "\"casts\"");
    }

    @Test
    void argumentsAreCheckedWithMessagesAModelCanActOn() {
        assertThatThrownBy(() -> SERVICE.profileColumn("orders", "stat", null, null))
                .isInstanceOf(ToolException.class).hasMessageContaining("did you mean state");
        assertThatThrownBy(() -> SERVICE.profileTable("ordrs", null, null, Profiler.Progress.NONE))
                .isInstanceOf(ToolException.class).hasMessageContaining("public.orders");
        assertThatThrownBy(() -> SERVICE.profileTable("orders", 5, null, Profiler.Progress.NONE))
                .isInstanceOf(ToolException.class).hasMessageContaining("sample_rows must be between 100");
        assertThatThrownBy(() -> SERVICE.profileTable("active_users", null, null, Profiler.Progress.NONE))
                .isInstanceOf(ToolException.class).hasMessageContaining("view");
    }

    @Test
    void profileTableReportsEveryStepAndRefreshReadsAgain() {
        java.util.List<String> steps = new java.util.ArrayList<>();
        TableProfile first = SERVICE.profileTable("public.regions", null, true, (done, total, m) -> steps.add(done + "/" + total));
        assertThat(steps).first().isEqualTo("0/5");
        assertThat(steps).last().isEqualTo("5/5");
        assertThat(SERVICE.profileTable("public.regions", null, null, Profiler.Progress.NONE)).isSameAs(first);
        assertThat(SERVICE.profileTable("public.regions", null, true, Profiler.Progress.NONE)).isNotSameAs(first);
    }

    @Test
    void describeTableSummaryShowsTheCodesToFilterOn() {
        var orders = DemoKnowledge.get().catalog().resolve("public.orders").orElseThrow();
        var summary = SERVICE.summary(orders);
        assertThat(summary).anySatisfy(s -> {
            assertThat(s.column()).isEqualTo("state");
            assertThat(s.topValues()).extracting(ValueCount::value).contains("0", "1", "2", "3", "4");
            assertThat(s.detectors()).contains("codes");
        });
        assertThat(summary).anySatisfy(s -> assertThat(s.column()).isEqualTo("currency"));
        assertThat(summary).noneSatisfy(s -> assertThat(s.column()).isEqualTo("created_at"));
    }
}
