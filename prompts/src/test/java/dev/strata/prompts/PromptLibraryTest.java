package dev.strata.prompts;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptLibraryTest {

    @Test
    void everyPromptOfTheContractIsThereWithItsArgument() {
        assertThat(PromptLibrary.all()).extracting(PromptTemplate::name)
                .containsExactly("write_query", "review_migration", "document_table");
        assertThat(PromptLibrary.named("write_query").orElseThrow().arguments())
                .extracting(PromptTemplate.Argument::name).containsExactly("question");
        assertThat(PromptLibrary.named("document_table").orElseThrow().arguments().get(0).required()).isTrue();
    }

    @Test
    void renderingFillsPlaceholdersAndKeepsTheSteps() {
        String text = PromptLibrary.named("write_query").orElseThrow()
                .render(Map.of("question", "Revenue per region last month, $ and {{braces}} kept"));
        assertThat(text).contains("Revenue per region last month, $ and {{braces}} kept")
                .contains("search_schema").contains("describe_table").contains("profile_column")
                .contains("validate_sql").contains("run_query").doesNotContain("{{question}}");
        assertThat(text.indexOf("search_schema")).isLessThan(text.indexOf("validate_sql"));
        assertThat(PromptLibrary.named("document_table").orElseThrow().render(Map.of("table", "billing.invoices")))
                .contains("`billing.invoices`").contains("COMMENT ON");
    }

    @Test
    void aMissingRequiredArgumentIsAnError() {
        assertThatThrownBy(() -> PromptLibrary.named("review_migration").orElseThrow().render(Map.of()))
                .hasMessageContaining("needs the argument 'sql'");
    }
}
