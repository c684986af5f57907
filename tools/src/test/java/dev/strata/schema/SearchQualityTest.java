package dev.strata.schema;

import dev.strata.DemoKnowledge;
import dev.strata.relationships.ForeignKeyCorpus;
import dev.strata.schema.SchemaViews.Match;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * search_schema on natural questions over real schemas (pagila, Chinook) and the demo: the first match must be in
 * a table an expert would open. Words match across a table and its columns, in singular or plural, across
 * snake_case and camelCase, and by common synonyms. Skipped without the corpora.
 */
class SearchQualityTest {

    record Question(String query, Set<String> tables) {
    }

    private static List<String> misses(Supplier<SchemaKnowledge> k, List<Question> questions) {
        SchemaExplorer explorer = new SchemaExplorer(k);
        List<String> misses = new ArrayList<>();
        for (Question q : questions) {
            List<Match> m = explorer.searchSchema(q.query(), 5).matches();
            String first = m.isEmpty() ? "(nothing)" : m.get(0).table() + (m.get(0).column() == null ? ""
                    : "." + m.get(0).column());
            if (m.isEmpty() || q.tables().stream().noneMatch(t -> m.get(0).table().equalsIgnoreCase(t))) {
                misses.add(q.query() + " → " + first + " (expected " + q.tables() + ")");
            }
        }
        return misses;
    }

    @Test
    void naturalQuestionsFindTheRightTableFirst() {
        SchemaKnowledge pagila = SchemaKnowledge.load(ForeignKeyCorpus.load(ForeignKeyCorpus.sharedSchema("pagila"),
                false, true).database(), List.of());
        SchemaKnowledge chinook = SchemaKnowledge.load(ForeignKeyCorpus.load(
                ForeignKeyCorpus.sharedSchema("chinook-camelcase"), false, true).database(), List.of());
        List<String> misses = new ArrayList<>();
        misses.addAll(misses(() -> pagila, List.of(
                new Question("film length", Set.of("film")),
                new Question("email address", Set.of("customer", "staff")),
                new Question("actor name", Set.of("actor")),
                new Question("rental date", Set.of("rental")),
                new Question("customer address", Set.of("customer", "address")),
                new Question("film category", Set.of("film_category")),
                new Question("store manager", Set.of("store")),
                new Question("country of a city", Set.of("city")),
                new Question("movie rating", Set.of("film")),
                new Question("language of films", Set.of("film", "language")))));
        misses.addAll(misses(() -> chinook, List.of(
                new Question("track length", Set.of("Track")),
                new Question("album title", Set.of("Album")),
                new Question("artist name", Set.of("Artist")),
                new Question("invoice total", Set.of("Invoice")),
                new Question("customer email", Set.of("Customer")),
                new Question("media type", Set.of("MediaType")),
                new Question("playlist tracks", Set.of("PlaylistTrack")),
                new Question("song genre", Set.of("Track", "Genre")),
                new Question("employee hire date", Set.of("Employee")))));
        misses.addAll(misses(DemoKnowledge::get, List.of(
                new Question("user email", Set.of("users")),
                new Question("order total", Set.of("orders")),
                new Question("invoice status", Set.of("invoices")),
                new Question("payment method", Set.of("payments")),
                new Question("last login", Set.of("users")))));
        assertThat(misses).as("questions whose first match is in the wrong table").isEmpty();
    }
}
