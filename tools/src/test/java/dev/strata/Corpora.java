package dev.strata;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real-world corpora in {@code ../shared/corpora} beside the checkout (CI has them there; a user's fresh clone
 * does not). Tests that need them are skipped with one line when they are absent, never failed: their licenses
 * keep them out of this repository.
 */
public final class Corpora {

    private Corpora() {
    }

    /** The corpora folder: {@code -Dstrata.corpora=DIR}, else {@code shared/corpora} beside the checkout. */
    public static Optional<Path> root() {
        String configured = System.getProperty("strata.corpora");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured).toAbsolutePath().normalize();
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        // Tests run in a module folder (tools/, server/); the checkout is the first ancestor with .git or .ci.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git")) || Files.isDirectory(dir.resolve(".ci"))) {
                Path candidate = dir.resolveSibling("shared").resolve("corpora");
                return Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A path inside the corpora, or skips the calling test with a one-line reason. */
    public static Path require(String relative) {
        Optional<Path> root = root();
        Assumptions.assumeTrue(root.isPresent(), "real-world corpora not found beside the checkout "
                + "(../shared/corpora); skipped");
        Path p = root.get().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "corpus " + relative + " not found; skipped");
        return p;
    }
}
