package dev.strata.migration;

import dev.strata.DemoKnowledge;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import dev.strata.migration.live.LiveDatabase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration corpus (test resources {@code dev/strata/migration/corpus}): hazardous migrations with the rules
 * they must trigger, safe recipes that must stay quiet (no warning or error). Every file is reviewed against the
 * demo database; files whose findings follow from the SQL alone are also reviewed without one.
 */
class MigrationCorpusTest {

    record Case(Path file, String sql, Set<String> expect, Set<String> absent, boolean needsCatalog, boolean safe) {
        String name() {
            return file.getParent().getFileName() + "/" + file.getFileName();
        }
    }

    static List<Case> corpus() throws IOException, URISyntaxException {
        Path root = Path.of(MigrationCorpusTest.class.getResource("/dev/strata/migration/corpus").toURI());
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String sql = Files.readString(f, StandardCharsets.UTF_8);
                cases.add(new Case(f, sql, header(sql, "expect"), header(sql, "absent"),
                        header(sql, "needs").contains("catalog"), f.getParent().getFileName().toString().equals("safe")));
            }
        }
        return cases;
    }

    private static Set<String> header(String sql, String name) {
        for (String line : sql.split("\n")) {
            String l = line.trim();
            if (l.startsWith("-- " + name + ":")) {
                return Arrays.stream(l.substring(name.length() + 4).split(","))
                        .map(String::trim).filter(s -> !s.isEmpty() && !s.equals("none"))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        }
        return Set.of();
    }

    @TestFactory
    Stream<DynamicTest> withTheDemoDatabase() throws Exception {
        LiveDatabase live = new LiveDatabase(DemoKnowledge.get().catalog(), DemoKnowledge.database(),
                ReviewConfig.DEFAULT);
        MigrationReviewer reviewer = new MigrationReviewer(Optional.of(live), ReviewConfig.DEFAULT);
        return corpus().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> verify(c, reviewer)));
    }

    @TestFactory
    Stream<DynamicTest> withoutADatabase() throws Exception {
        MigrationReviewer reviewer = new MigrationReviewer(Optional.empty(), ReviewConfig.DEFAULT);
        return corpus().stream().filter(c -> !c.needsCatalog())
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> verify(c, reviewer)));
    }

    private static void verify(Case c, MigrationReviewer reviewer) {
        FileReview review = reviewer.review(c.sql(), ReviewOptions.DEFAULT).files().get(0);
        Set<String> fired = review.findings().stream().map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
        String report = c.name() + "\n" + review.findings().stream()
                .map(f -> "  " + f.line() + ":" + f.column() + " " + f.severity().label() + " " + f.rule() + ": "
                        + f.message())
                .collect(Collectors.joining("\n"));
        assertThat(fired).as("%s", report).containsAll(c.expect());
        if (!c.absent().isEmpty()) assertThat(fired).as("%s", report).doesNotContainAnyElementsOf(c.absent());
        if (c.safe()) {
            assertThat(review.findings().stream().filter(f -> f.severity() != Severity.INFO).toList())
                    .as("%s", report).isEmpty();
        }
    }
}
