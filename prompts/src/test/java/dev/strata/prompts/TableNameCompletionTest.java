package dev.strata.prompts;

import dev.strata.prompts.TableNameCompletion.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableNameCompletionTest {

    static final List<Table> TABLES = List.of(new Table("public", "orders"), new Table("public", "order_items"),
            new Table("public", "users"), new Table("billing", "invoices"), new Table("billing", "payments"),
            new Table("billing", "BillingEvents"), new Table("public", "Billables"), new Table("audit", "orders"));

    static List<String> complete(String typed) {
        return TableNameCompletion.complete(TABLES, typed, 100).values();
    }

    @Test
    void aSchemaPrefixOffersItsTables() {
        assertThat(complete("bil")).containsExactly("Billables", "billing.BillingEvents", "billing.invoices",
                "billing.payments");
        assertThat(complete("BIL")).isEqualTo(complete("bil"));
    }

    @Test
    void namePrefixThenSubstringCaseInsensitive() {
        assertThat(complete("ord")).containsExactly("audit.orders", "order_items", "public.orders");
        assertThat(complete("voice")).containsExactly("billing.invoices");
        assertThat(complete("events")).containsExactly("billing.BillingEvents");
    }

    @Test
    void qualifiedInputMatchesSchemaAndName() {
        assertThat(complete("public.Bill")).containsExactly("public.Billables");
        assertThat(complete("billing.inv")).containsExactly("billing.invoices");
        assertThat(complete("b.pay")).containsExactly("billing.payments");
        assertThat(complete("public.tems")).containsExactly("public.order_items");
        assertThat(complete("\"billing\".\"Bill")).containsExactly("billing.BillingEvents");
    }

    @Test
    void emptyInputOffersEverythingAndMaxCounts() {
        assertThat(complete("")).hasSize(TABLES.size());
        TableNameCompletion.Result few = TableNameCompletion.complete(TABLES, "", 3);
        assertThat(few.values()).hasSize(3);
        assertThat(few.total()).isEqualTo(TABLES.size());
        assertThat(few.hasMore()).isTrue();
        assertThat(complete("zzz")).isEmpty();
    }
}
