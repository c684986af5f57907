package dev.strata.migration;

import dev.strata.migration.locks.LockTableDoc;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/migration-locks.md} is generated from the lock table review uses; this fails when someone changes
 * one without the other. {@code -Dstrata.regenerate=true} rewrites the page instead.
 */
class LockTableDocTest {

    @Test
    void theDocumentedTableIsTheOneReviewUses() throws Exception {
        Path page = Path.of("..", "docs", "migration-locks.md");
        if (Boolean.getBoolean("strata.regenerate")) {
            Files.createDirectories(page.getParent());
            Files.writeString(page, LockTableDoc.render(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(page, StandardCharsets.UTF_8))
                .as("docs/migration-locks.md is stale: run the tools tests with -Dstrata.regenerate=true")
                .isEqualTo(LockTableDoc.render());
    }
}
