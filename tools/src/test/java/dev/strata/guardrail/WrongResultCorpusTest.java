package dev.strata.guardrail;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wrong-result rules on queries written the way assistants write them on the demo database, one file per rule
 * in {@code guardrail/wrong-result/<rule-id>.sql}: each wrong query beside its correct twin. A wrong case must get
 * exactly the rules its {@code -- expect:} line names (no other warning or error); a case without that line is a
 * correct twin and must get no warning and no error at all.
 */
class WrongResultCorpusTest {

    static final AtomicInteger WRONG_CAUGHT = new AtomicInteger();
    static final AtomicInteger RIGHT_CLEAN = new AtomicInteger();

    static List<CorpusCase> wrong() {
        return all().stream().filter(c -> !c.expect().isEmpty()).toList();
    }

    static List<CorpusCase> right() {
        return all().stream().filter(c -> c.expect().isEmpty()).toList();
    }

    static List<CorpusCase> all() {
        List<CorpusCase> out = new ArrayList<>();
        for (GuardRule rule : GuardRules.WRONG_RESULT) out.addAll(ofRule(rule.id()));
        return out;
    }

    static List<CorpusCase> ofRule(String id) {
        return CorpusCase.load("/dev/strata/guardrail/wrong-result/" + id + ".sql").stream()
                .map(c -> new CorpusCase(id + "/" + c.name(), c.expect(), c.sql())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    void everyWrongQueryGetsExactlyItsRules(CorpusCase c) {
        Validation v = GuardrailCorpusTest.GUARD.validate(c.sql());
        assertThat(GuardrailCorpusTest.reported(v, true)).as("%s", c.name() + "\n" + c.sql() + "\n" + v.findings())
                .isEqualTo(Set.copyOf(c.expect()));
        for (Finding f : v.findings()) {
            assertThat(f.fix()).as("fix of %s in %s", f.rule(), c.name()).isNotBlank();
            assertThat(f.message()).as("message of %s", f.rule()).isNotBlank();
            if (WRONG_RESULT_IDS.contains(f.rule())) assertPasteable(f, c);
        }
        WRONG_CAUGHT.incrementAndGet();
    }

    static final Set<String> WRONG_RESULT_IDS = GuardRules.WRONG_RESULT.stream().map(GuardRule::id)
            .collect(java.util.stream.Collectors.toSet());

    /** Words a fix sentence starts with; any other fix is SQL and must parse as the clause it replaces. */
    static final Set<String> SENTENCE = Set.of("aggregate", "write", "rewrite", "move", "keep", "add", "compare",
            "parenthesise");

    /** A fix is one imperative sentence or SQL that parses where it goes (a condition, a JOIN, an ORDER BY). */
    static void assertPasteable(Finding f, CorpusCase c) {
        String fix = f.fix();
        String first = fix.split("\\s+")[0];
        if (SENTENCE.contains(first)) {
            assertThat(fix).as("a fix sentence is one sentence: %s", fix).doesNotContain(". ");
            return;
        }
        String probe = fix.startsWith("LEFT JOIN") || fix.startsWith("ORDER BY") ? "SELECT 1 FROM t " + fix
                : "SELECT 1 FROM t WHERE " + fix;
        try {
            net.sf.jsqlparser.parser.CCJSqlParserUtil.parse(probe);
        } catch (net.sf.jsqlparser.JSQLParserException e) {
            throw new AssertionError("the fix of " + f.rule() + " in " + c.name() + " does not parse: " + fix, e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("right")
    void everyCorrectTwinIsClean(CorpusCase c) {
        Validation v = GuardrailCorpusTest.GUARD.validate(c.sql());
        assertThat(GuardrailCorpusTest.reported(v, true)).as("%s", c.name() + "\n" + c.sql() + "\n" + v.findings())
                .isEmpty();
        assertThat(v.readOnly()).isTrue();
        RIGHT_CLEAN.incrementAndGet();
    }

    @Test
    void shapesTheRulesDoNotKnowLeaveThemSilent() {
        // A data-modifying CTE, VALUES, a set-returning function, a recursive CTE: no rule may fail on them.
        for (String sql : List.of(
                "WITH u AS (UPDATE users SET deleted_at = NULL WHERE id = 1 RETURNING id) SELECT count(*) FROM u",
                "SELECT v.x / v.y FROM (VALUES (1, 2), (3, 4)) AS v(x, y)",
                "SELECT g, count(*) FROM generate_series(1, 10) g LEFT JOIN orders o ON o.id = g GROUP BY g",
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION SELECT n + 1 FROM r WHERE n < 5) SELECT sum(n) FROM r")) {
            Validation v = GuardrailCorpusTest.GUARD.validate(sql);
            assertThat(v.findings()).as(sql).noneMatch(f -> WRONG_RESULT_IDS.contains(f.rule())
                    && f.message().contains("could not check"));
        }
    }

    @Test
    void everyRuleHasAtLeastSixWrongAndSixCorrectCases() {
        for (GuardRule rule : GuardRules.WRONG_RESULT) {
            List<CorpusCase> cases = ofRule(rule.id());
            assertThat(cases.stream().filter(c -> c.expect().contains(rule.id())).count()).as(rule.id())
                    .isGreaterThanOrEqualTo(6);
            assertThat(cases.stream().filter(c -> c.expect().isEmpty()).count()).as(rule.id())
                    .isGreaterThanOrEqualTo(6);
        }
    }

    @AfterAll
    static void counts() {
        System.out.printf("wrong-result corpus: %d of %d wrong queries caught, %d of %d correct twins clean%n",
                WRONG_CAUGHT.get(), wrong().size(), RIGHT_CLEAN.get(), right().size());
    }
}
