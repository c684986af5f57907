package dev.strata.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.sql.StatementKind.Category;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StatementKindTest {

    @Test
    void everyKindHasACategory() {
        for (StatementKind k : StatementKind.values()) {
            assertThat(k.category()).as(k.name()).isNotNull();
        }
    }

    @Test
    void queryCategoryHoldsExactlyTheKindsThatMayBeReadOnly() {
        assertThat(Arrays.stream(StatementKind.values()).filter(k -> k.category() == Category.QUERY))
                .containsExactlyInAnyOrder(StatementKind.SELECT, StatementKind.VALUES, StatementKind.TABLE,
                        StatementKind.WITH, StatementKind.EXPLAIN, StatementKind.SHOW);
    }

    @Test
    void ddlGroup() {
        assertThat(Arrays.stream(StatementKind.values()).filter(k -> k.category() == Category.DDL))
                .contains(StatementKind.CREATE, StatementKind.ALTER, StatementKind.DROP, StatementKind.TRUNCATE,
                        StatementKind.COMMENT, StatementKind.GRANT, StatementKind.REVOKE);
    }

    @Test
    void unknownAndClientKinds() {
        assertThat(StatementKind.UNKNOWN.category()).isEqualTo(Category.UNKNOWN);
        assertThat(StatementKind.PSQL_META.category()).isEqualTo(Category.CLIENT);
        assertThat(StatementKind.BEGIN.category()).isEqualTo(Category.TRANSACTION);
        assertThat(StatementKind.SET_TRANSACTION.category()).isEqualTo(Category.SESSION);
    }
}
