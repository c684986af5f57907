package dev.strata.guardrail;

import dev.strata.DemoKnowledge;
import dev.strata.guardrail.PgParseCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guardrail on queries written the way assistants write them, against the demo database: every wrong query
 * gets its rule(s), no correct query gets a warning or an error. Cases are data in
 * {@code guardrail/corpus-*.sql}.
 */
class GuardrailCorpusTest {

    static final QueryGuard GUARD = new QueryGuard(DemoKnowledge::get, new PgParseCheck(DemoKnowledge.database()),
            DemoKnowledge.profiles());
    static final AtomicInteger WRONG_CAUGHT = new AtomicInteger();
    static final AtomicInteger RIGHT_CLEAN = new AtomicInteger();

    static List<CorpusCase> wrong() {
        return CorpusCase.load("/dev/strata/guardrail/corpus-wrong.sql");
    }

    static List<CorpusCase> right() {
        return CorpusCase.load("/dev/strata/guardrail/corpus-right.sql");
    }

    static Set<String> reported(Validation v, boolean warningsToo) {
        Set<String> rules = new TreeSet<>();
        v.findings().stream().filter(f -> f.severity() == Severity.ERROR || (warningsToo && f.severity() == Severity.WARNING))
                .forEach(f -> rules.add(f.rule()));
        return rules;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    void everyWrongQueryGetsItsRule(CorpusCase c) {
        assertThat(c.expect()).as("case %s declares its rules", c.name()).isNotEmpty();
        Validation v = GUARD.validate(c.sql());
        assertThat(reported(v, true)).as("%s", c.name() + "\n" + c.sql() + "\n" + v.findings()).containsAll(c.expect());
        WRONG_CAUGHT.incrementAndGet();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("right")
    void noCorrectQueryGetsAWarningOrAnError(CorpusCase c) {
        Validation v = GUARD.validate(c.sql());
        assertThat(reported(v, true)).as("%s", c.name() + "\n" + c.sql() + "\n" + v.findings()).isEmpty();
        assertThat(v.readOnly()).isTrue();
        RIGHT_CLEAN.incrementAndGet();
    }

    static final Set<String> DATA_AWARE = Set.of("literal-not-in-values", "string-date-comparison", "unsafe-cast",
            "json-path-missing", "sentinel-values");
    static final QueryGuard CATALOG_ONLY = new QueryGuard(DemoKnowledge::get,
            new PgParseCheck(DemoKnowledge.database()));

    static List<CorpusCase> dataAware() {
        return wrong().stream().filter(c -> !c.expect().isEmpty() && DATA_AWARE.containsAll(c.expect())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataAware")
    void dataAwareCasesAreCaughtOnlyThroughTheData(CorpusCase c) {
        // Without profiles the same query is clean: the catalog alone cannot see what is wrong with it.
        Validation v = CATALOG_ONLY.validate(c.sql());
        assertThat(reported(v, true)).as("%s", c.name() + "\n" + c.sql() + "\n" + v.findings()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theCorpusHasAtLeastTwentyDataAwareCases() {
        assertThat(dataAware()).hasSizeGreaterThanOrEqualTo(20);
    }

    @AfterAll
    static void counts() {
        System.out.printf("guardrail corpus: %d of %d wrong queries caught, %d of %d correct queries clean%n",
                WRONG_CAUGHT.get(), wrong().size(), RIGHT_CLEAN.get(), right().size());
    }
}
