package dev.strata.relationships;

import dev.strata.schema.SchemaKnowledge;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Foreign-key discovery on real schemas that declare their keys (pagila, clubdata, Chinook in two spellings with
 * their rows; TPC-H, Lemmy and sqlc's examples without), loaded with the keys dropped and scored against them.
 * The floors keep regressions out; the figures go to {@code target/fk-discovery.md} for BENCHMARKS.md. Skipped
 * without the corpora.
 */
class ForeignKeyDiscoveryTest {

    @Test
    void rediscoversDeclaredKeysOfRealSchemas() throws IOException {
        List<ForeignKeyCorpus.Schema> schemas = new ArrayList<>(ForeignKeyCorpus.shared());
        schemas.addAll(ForeignKeyCorpus.extra());
        List<ForeignKeyScore> withRows = new ArrayList<>();
        List<ForeignKeyScore> withoutRows = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (ForeignKeyCorpus.Schema s : schemas) {
            for (boolean data : s.hasData() ? new boolean[]{true, false} : new boolean[]{false}) {
                ForeignKeyCorpus.Loaded loaded = ForeignKeyCorpus.load(s, data);
                SchemaKnowledge k = SchemaKnowledge.load(loaded.database(), List.of());
                ForeignKeyScore score = ForeignKeyScore.of(s.id(), data, loaded.truth(), k.graph().edges());
                (data ? withRows : withoutRows).add(score);
                report.append(score.row()).append('\n');
                score.missed().forEach(m -> report.append("    missed ").append(m).append('\n'));
                score.wrong().forEach(w -> report.append("    wrong  ").append(w).append('\n'));
                if (data) {
                    assertThat(score.f1()).as("F1 on %s with rows\n%s", s.id(), report).isGreaterThanOrEqualTo(0.9);
                    assertThat(score.precisionHigh()).as("precision at ≥ 0.8 on %s with rows\n%s", s.id(), report)
                            .isGreaterThanOrEqualTo(0.9);
                }
            }
        }
        ForeignKeyScore rows = ForeignKeyScore.total("all with rows", true, withRows);
        ForeignKeyScore names = ForeignKeyScore.total("all without rows", false, withoutRows);
        report.append(rows.row()).append('\n').append(names.row()).append('\n');
        report.append(rows.calibrationRow()).append('\n').append(names.calibrationRow()).append('\n');
        Path out = Path.of("target", "fk-discovery.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(rows.f1()).as("F1 with rows\n%s", report).isGreaterThanOrEqualTo(0.95);
        assertThat(rows.precisionHigh()).as("precision at ≥ 0.8 with rows\n%s", report).isGreaterThanOrEqualTo(0.95);
        assertThat(names.f1()).as("F1 from names and types alone\n%s", report).isGreaterThanOrEqualTo(0.9);
        assertThat(names.precisionHigh()).as("precision at ≥ 0.8 from names\n%s", report)
                .isGreaterThanOrEqualTo(0.9);
    }
}
