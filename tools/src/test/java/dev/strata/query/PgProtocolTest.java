package dev.strata.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What Strata lets the PostgreSQL driver send, checked with the driver's own parser. */
class PgProtocolTest {

    @Test
    void onlyOneUnchangedStatementIsSentWhole() {
        assertThat(PgProtocol.sentWhole("SELECT '{\"a\":1}'::jsonb ? 'a'")).isTrue();
        assertThat(PgProtocol.sentWhole("SELECT 1; SELECT 2")).isFalse();
        assertThat(PgProtocol.sentWhole("SELECT $$;$$, ';', \";\" /* ; */ -- ;\n")).isTrue();
    }

    @Test
    void aComposedBatchMustSplitWhereStrataSplitIt() {
        String prepare = "PREPARE p AS SELECT ';' AS s";
        assertThat(PgProtocol.splitsInto("BEGIN;" + prepare + "\n; ROLLBACK", 3, 1, prepare)).isTrue();
        String sneaky = "PREPARE p AS SELECT 1; COMMIT";
        assertThat(PgProtocol.splitsInto("BEGIN;" + sneaky + "\n; ROLLBACK", 3, 1, sneaky)).isFalse();
    }

    @Test
    void questionMarkOperatorsAreEscapedForPrepareAndParametersRefused() {
        assertThat(PgProtocol.forPrepare("SELECT d ? 'a', d ?| array['b'], d @? '$.x', '?' FROM t"))
                .isEqualTo("SELECT d ?? 'a', d ??| array['b'], d @?? '$.x', '?' FROM t");
        assertThat(PgProtocol.forPrepare("SELECT * FROM t WHERE id = $1")).isNull();
        assertThat(PgProtocol.forPrepare("SELECT 1; SELECT 2")).isNull();
    }
}
