package dev.strata.migration;

import dev.strata.DemoKnowledge;
import dev.strata.json.Json;
import dev.strata.migration.live.LiveDatabase;
import dev.strata.migration.report.JsonReport;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** check's streaming JSON is byte for byte the document the shared mapper writes. */
class JsonReportTest {

    @Test
    void theStreamingDocumentIsTheMappedOne() throws Exception {
        MigrationReviewer offline = new MigrationReviewer(Optional.empty(), ReviewConfig.DEFAULT);
        MigrationReviewer live = new MigrationReviewer(Optional.of(new LiveDatabase(DemoKnowledge.get().catalog(),
                DemoKnowledge.database(), ReviewConfig.DEFAULT)), ReviewConfig.DEFAULT);
        for (MigrationReviewer reviewer : new MigrationReviewer[]{offline, live}) {
            MigrationReviewer.Session s = reviewer.session(ReviewOptions.DEFAULT);
            for (MigrationCorpusTest.Case c : MigrationCorpusTest.corpus()) s.review(c.name(), c.sql());
            s.review("empty.sql", "");
            Review review = s.finish();
            assertThat(JsonReport.render(review)).isEqualTo(Json.pretty(review));
        }
    }
}
