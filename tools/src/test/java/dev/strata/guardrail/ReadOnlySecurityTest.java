package dev.strata.guardrail;

import dev.strata.DemoKnowledge;
import dev.strata.demo.DemoDatabase;
import dev.strata.query.QueryLimits;
import dev.strata.query.QueryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every known way past a read-only guard (DOMAIN.md), through run_query against the real demo database: each
 * payload is refused with a rule that explains why, and afterwards nothing has changed — canary rows, tables,
 * settings, files on disk — and the server still answers. Payloads are data in {@code guardrail/security.sql}.
 */
class ReadOnlySecurityTest {

    static final Path CANARY_FILE = Path.of("/tmp/strata-canary-never-written");
    static QueryService service;
    static String before;

    static List<CorpusCase> payloads() {
        return CorpusCase.load("/dev/strata/guardrail/security.sql");
    }

    @BeforeAll
    static void canaries() throws Exception {
        service = new QueryService(DemoKnowledge::get, DemoKnowledge.database(), QueryLimits.defaults(), false);
        DemoDatabase.shared().execute(DemoDatabase.DATABASE,
                "CREATE TABLE IF NOT EXISTS public.strata_canary(v text); TRUNCATE public.strata_canary; "
                        + "INSERT INTO public.strata_canary VALUES ('alive')");
        Files.deleteIfExists(CANARY_FILE);
        before = state();
    }

    /** Everything a successful attack would change. */
    static String state() throws Exception {
        try (Connection c = DemoDatabase.shared().connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT (SELECT count(*) FROM regions) || '|' || (SELECT string_agg(v, ',') FROM strata_canary)
                       || '|' || (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace)
                       || '|' || (SELECT string_agg(name || '=' || setting, ',' ORDER BY name) FROM pg_settings
                                  WHERE name IN ('default_transaction_read_only', 'statement_timeout', 'work_mem'))
                       || '|' || (SELECT count(*) FROM pg_largeobject_metadata)
                       || '|' || (SELECT count(*) FROM pg_prepared_xacts)
                       || '|' || (SELECT max(total_cents) FROM orders)
                     """)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void refusedWithAReason(CorpusCase attack) {
        QueryService.Outcome outcome = service.run(attack.sql(), 10);
        assertThat(outcome).as("%s", attack.name() + "\n" + attack.sql()).isInstanceOf(QueryService.Refused.class);
        Set<String> rules = new TreeSet<>();
        ((QueryService.Refused) outcome).validation().findings().forEach(f -> rules.add(f.rule()));
        assertThat(rules).as("%s", attack.name() + " refused by " + rules).containsAnyElementsOf(attack.expect());
    }

    @AfterAll
    static void nothingChanged() throws Exception {
        assertThat(state()).as("canaries after %d payloads", payloads().size()).isEqualTo(before);
        assertThat(Files.exists(CANARY_FILE)).isFalse();
        assertThat(service.run("SELECT count(*) FROM regions", 1)).as("still serving")
                .isInstanceOf(QueryService.Ran.class);
    }
}
