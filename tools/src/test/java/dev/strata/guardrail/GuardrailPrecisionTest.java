package dev.strata.guardrail;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.profile.ProfileCache;
import dev.strata.profile.ProfileOptions;
import dev.strata.schema.SchemaKnowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision by class of construct, on fixture schemas: every valid read-only query of
 * {@code precision/*-right.sql} gets no error and no warning (whatever PostgreSQL resolves, Strata resolves or
 * leaves alone; joins are judged as a DBA would), and every query of {@code precision/*-wrong.sql} gets the rules
 * it lists at the severity it lists (facts are errors, inferences warnings).
 */
class GuardrailPrecisionTest {

    private static final Map<String, QueryGuard> GUARDS = new HashMap<>();

    /** The fixture loaded into its own database on the shared embedded server, once per JVM. */
    static synchronized QueryGuard guard(String fixture) {
        return GUARDS.computeIfAbsent(fixture, f -> {
            DemoDatabase server = DemoDatabase.shared();
            String name = "precision_" + f;
            server.execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            server.execute("postgres", "CREATE DATABASE " + name);
            server.execute(name, resource("/dev/strata/guardrail/precision/" + f + "-schema.sql"));
            Database db = Database.connect(ConnectionSettings.parse("postgres://postgres@localhost:" + server.port()
                    + "/" + name));
            SchemaKnowledge k = SchemaKnowledge.load(db, List.of());
            return new QueryGuard(() -> k, db, new ProfileCache(db, ProfileOptions.defaults(), k::graph));
        });
    }

    static String resource(String path) {
        try (InputStream in = GuardrailPrecisionTest.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing test data " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Case(String fixture, CorpusCase c) {
        @Override
        public String toString() {
            return fixture + ": " + c.name();
        }
    }

    static List<Case> cases(String kind) {
        return List.of("shop", "nokeys").stream().flatMap(f -> CorpusCase.load("/dev/strata/guardrail/precision/"
                + f + "-" + kind + ".sql").stream().map(c -> new Case(f, c))).toList();
    }

    static List<Case> right() {
        return cases("right");
    }

    static List<Case> wrong() {
        return cases("wrong");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("right")
    void validQueriesGetNoErrorAndNoWarning(Case c) {
        Validation v = guard(c.fixture()).validate(c.c().sql());
        assertThat(v.findings()).as("%s\n%s", c, c.c().sql())
                .noneMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING);
        assertThat(v.readOnly()).as("%s is read-only", c).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    void wrongQueriesGetTheirRuleAtTheirSeverity(Case c) {
        Validation v = guard(c.fixture()).validate(c.c().sql());
        Set<String> got = new TreeSet<>();
        v.findings().forEach(f -> got.add(f.rule() + ":" + f.severity().label()));
        assertThat(c.c().expect()).as("%s declares its rules", c).isNotEmpty();
        assertThat(got).as("%s\n%s\n%s", c, c.c().sql(), v.findings()).containsAll(c.c().expect());
    }

    @Test
    void anUnparseableStatementGetsItsSyntaxErrorAndNoReadOnlyVerdict() {
        Validation v = guard("shop").validate("SELEC id FROM orders");
        assertThat(v.findings()).extracting(Finding::rule).containsExactly("syntax-error");
        assertThat(v.readOnly()).isFalse();
        Validation offline = new QueryGuard(() -> null, null).validate("SELEC id FROM orders");
        assertThat(offline.findings()).extracting(Finding::rule).containsExactly("syntax-error");
    }

    @Test
    void aVolatileFunctionMakesTheStatementNotKnownReadOnly() {
        Validation v = guard("shop").validate("SELECT touch_order(id) FROM orders");
        assertThat(v.readOnly()).isFalse();
        assertThat(v.ok()).isTrue();
        assertThat(guard("shop").validate("SELECT order_total(id) FROM orders").readOnly()).isTrue();
    }

    @Test
    void whatStrataCannotParseIsAdviceNamingTheConstruct() {
        Validation v = guard("shop").validate("SELECT (p.size).* FROM parcels p");
        assertThat(v.ok()).isTrue();
        assertThat(v.readOnly()).isTrue();
        assertThat(v.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("unsupported-syntax");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("(…).*").contains("PostgreSQL accepts");
        });
    }
}
