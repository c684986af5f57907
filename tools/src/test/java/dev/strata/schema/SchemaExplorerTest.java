package dev.strata.schema;

import dev.strata.DemoKnowledge;
import dev.strata.json.Json;
import dev.strata.schema.SchemaViews.*;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema tools' answers on the demo database. */
class SchemaExplorerTest {

    private final SchemaExplorer explorer = new SchemaExplorer(DemoKnowledge::get);

    @Test
    void listTablesPagesWithACursor() {
        TableList first = explorer.listTables(null, null, 5, null);
        assertThat(first.tables()).hasSize(5);
        assertThat(first.nextCursor()).isNotNull();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            TableList page = explorer.listTables(null, null, 5, cursor);
            page.tables().forEach(t -> assertThat(seen.add(t.schema() + "." + t.name())).isTrue());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).hasSize(first.total());
        assertThat(explorer.listTables("billing", null, null, null).tables()).extracting(TableSummary::name)
                .contains("invoices", "payments");
        assertThat(explorer.listTables(null, "address", null, null).tables()).extracting(TableSummary::name)
                .contains("addresses", "tmp_customer_addresses");
    }

    @Test
    void badArgumentsSayWhatToDo() {
        assertThatThrownBy(() -> explorer.listTables(null, null, null, "garbage!")).isInstanceOf(ToolException.class)
                .hasMessageContaining("next_cursor");
        assertThatThrownBy(() -> explorer.listTables(null, null, 0, null)).hasMessageContaining("limit must be between");
        assertThatThrownBy(() -> explorer.listTables("nope", null, null, null)).hasMessageContaining("billing");
        assertThatThrownBy(() -> explorer.searchSchema(" ", null)).hasMessageContaining("query is required");
    }

    @Test
    void unknownTableNamesTheClosestRealOnes() {
        assertThatThrownBy(() -> explorer.describeTable("ordr")).isInstanceOf(ToolException.class)
                .hasMessageContaining("'ordr' does not exist").hasMessageContaining("public.orders");
    }

    @Test
    void searchFindsTablesColumnsAndNearMisses() {
        assertThat(explorer.searchSchema("lastlogin", 5).matches()).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo("column");
            assertThat(m.column()).isEqualTo("lastLoginAt");
        });
        assertThat(explorer.searchSchema("invoices", 3).matches().get(0).table()).isEqualTo("invoices");
        assertThat(explorer.searchSchema("customer address", 5).matches()).extracting(Match::table)
                .contains("tmp_customer_addresses");
        assertThat(explorer.searchSchema("users.email", 5).matches().get(0).column()).isEqualTo("email");
        assertThat(explorer.searchSchema("ordrs", 5).matches()).extracting(Match::table).contains("orders");
    }

    @Test
    void describeShowsWhatTheCatalogHides() {
        TableDescription orders = explorer.describeTable("orders");
        assertThat(orders.columns()).extracting(ColumnInfo::name).contains("status", "state");
        assertThat(orders.columns()).filteredOn(c -> c.name().equals("user_id")).first()
                .extracting(ColumnInfo::references).isEqualTo("public.users.id");
        assertThat(orders.referencedBy()).extracting(ForeignKeyInfo::table).contains("public.order_items");
        assertThat(orders.inferredReferences()).anySatisfy(r -> {
            assertThat(r.table()).isEqualTo("public.regions");
            assertThat(r.direction()).isEqualTo("outgoing");
        });
        assertThat(orders.polymorphic()).extracting(PolymorphicInfo::fromTable).contains("public.comments");
        assertThat(orders.softDelete()).isNotNull();
        assertThat(orders.softDelete().used()).as("orders.deleted_at is never written").isFalse();
        assertThat(orders.notes()).anyMatch(n -> n.contains("trigger orders_touch_updated_at"));
        assertThat(orders.notes()).anyMatch(n -> n.contains("no row sets it"));

        TableDescription users = explorer.describeTable("users");
        assertThat(users.softDelete().used()).isTrue();
        assertThat(users.softDelete().rowsMarkedFraction()).isBetween(0.04, 0.12);
        assertThat(users.notes()).anyMatch(n -> n.contains("\"lastLoginAt\" is mixed case"));

        TableDescription tmp = explorer.describeTable("tmp_customer_addresses");
        assertThat(tmp.notes()).anyMatch(n -> n.contains("temporary") && n.contains("live address table"));
        assertThat(explorer.describeTable("addresses").notes()).anyMatch(n -> n.contains("deprecated"));

        TableDescription invoices = explorer.describeTable("invoices");
        assertThat(invoices.schema()).isEqualTo("billing");
        assertThat(invoices.notes()).anyMatch(n -> n.contains("write billing.invoices"));

        TableDescription comments = explorer.describeTable("public.comments");
        assertThat(comments.polymorphic()).singleElement().satisfies(p -> {
            assertThat(p.typeColumn()).isEqualTo("commentable_type");
            assertThat(p.targets()).extracting(PolymorphicTarget::table)
                    .contains("public.orders", "billing.invoices", "public.users");
        });
    }

    @Test
    void describeOutputIsCompactAndHasNoEmptyFields() {
        String json = Json.write(explorer.describeTable("regions"));
        assertThat(json).doesNotContain(":null").doesNotContain("[]").doesNotContain("{}").doesNotContain("\"\"");
        assertThat(json).contains("\"rows_estimate\"").contains("\"primary_key\":true");
    }

    @Test
    void relationshipsAroundATable() {
        RelationshipList near = explorer.relationships("orders", 1, true);
        assertThat(near.edges()).extracting(EdgeInfo::kind).contains("declared", "inferred", "polymorphic");
        assertThat(near.edges()).filteredOn(e -> e.kind().equals("polymorphic")).allSatisfy(e ->
                assertThat(e.typeFilter()).contains("= '"));
        RelationshipList declaredOnly = explorer.relationships("orders", 1, false);
        assertThat(declaredOnly.edges()).extracting(EdgeInfo::kind).containsOnly("declared");
        assertThat(explorer.relationships("orders", 2, true).edges().size()).isGreaterThan(near.edges().size());
    }

    @Test
    void joinPathsAreReadyToPasteSql() {
        JoinPaths paths = explorer.joinPaths("order_items", "accounts", null);
        PathInfo best = paths.paths().get(0);
        assertThat(best.sql()).isEqualTo("""
                FROM order_items oi
                JOIN orders o ON o.id = oi.order_id
                JOIN accounts a ON a.id = o.account_id""");
        assertThat(best.kinds()).containsOnly("declared");

        JoinPaths polymorphic = explorer.joinPaths("comments", "billing.invoices", 1);
        assertThat(polymorphic.paths()).isNotEmpty();
        assertThat(polymorphic.paths().get(0).sql()).contains("c.commentable_type = 'invoice'")
                .contains("billing.invoices");

        assertThat(explorer.joinPaths("regions", "products", 1).note()).contains("no route");
    }

    @Test
    void everyDemoTableDescribesWithoutError() {
        List<TableSummary> all = explorer.listTables(null, null, 1000, null).tables();
        for (TableSummary t : all) {
            TableDescription d = explorer.describeTable(t.schema() + "." + t.name());
            assertThat(d.columns()).isNotEmpty();
        }
    }
}
