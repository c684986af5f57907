package dev.strata.relationships;

import dev.strata.DemoKnowledge;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Declared, inferred and polymorphic references recovered from the demo database. */
class RelationshipGraphTest {

    private final RelationshipGraph graph = DemoKnowledge.get().graph();

    private Optional<Edge> edge(String from, String column, EdgeKind kind) {
        return graph.edges().stream()
                .filter(e -> e.fromTable().equals(from) && e.fromColumns().equals(List.of(column)) && e.kind() == kind)
                .findFirst();
    }

    @Test
    void declaredForeignKeys() {
        Edge e = edge("public.orders", "user_id", EdgeKind.DECLARED).orElseThrow();
        assertThat(e.toTable()).isEqualTo("public.users");
        assertThat(e.toColumns()).containsExactly("id");
        assertThat(e.confidence()).isEqualTo(1.0);
    }

    @Test
    void infersUndeclaredReferencesFromNamesTypesAndKeys() {
        assertThat(edge("public.accounts", "region_code", EdgeKind.INFERRED)).get()
                .satisfies(e -> {
                    assertThat(e.toTable()).isEqualTo("public.regions");
                    assertThat(e.toColumns()).containsExactly("code");
                    assertThat(e.evidence()).contains("region_code").contains("primary key");
                });
        assertThat(edge("public.order_items", "sku", EdgeKind.INFERRED)).get()
                .extracting(Edge::toTable).isEqualTo("public.products");
        assertThat(edge("billing.invoices", "order_id", EdgeKind.INFERRED)).get()
                .extracting(Edge::toTable).isEqualTo("public.orders");
        assertThat(edge("billing.refunds", "payment_id", EdgeKind.INFERRED)).get()
                .extracting(Edge::toTable).isEqualTo("billing.payments");
        assertThat(edge("legacy.order_archive", "cust_id", EdgeKind.INFERRED)).get()
                .extracting(Edge::toTable).isEqualTo("legacy.customer_master");
        assertThat(edge("public.events", "account_id", EdgeKind.INFERRED)).get()
                .extracting(Edge::toTable).isEqualTo("public.accounts");
    }

    @Test
    void inferenceNeverCrossesIncompatibleTypes() {
        assertThat(graph.edges()).filteredOn(e -> e.kind() == EdgeKind.INFERRED)
                .allSatisfy(e -> assertThat(e.evidence()).doesNotContain("bigint = uuid").doesNotContain("uuid = bigint"));
    }

    @Test
    void declaredColumnsAreNotInferredAgain() {
        assertThat(edge("public.orders", "user_id", EdgeKind.INFERRED)).isEmpty();
    }

    @Test
    void polymorphicTargetsComeFromTheTypeColumnValues() {
        assertThat(edge("public.comments", "commentable_id", EdgeKind.INFERRED)).as("left to the polymorphic detector").isEmpty();
        List<Edge> comments = graph.edges().stream()
                .filter(e -> e.fromTable().equals("public.comments") && e.kind() == EdgeKind.POLYMORPHIC).toList();
        assertThat(comments).extracting(Edge::typeValue).containsExactlyInAnyOrder("order", "invoice", "user");
        Edge invoice = comments.stream().filter(e -> e.typeValue().equals("invoice")).findFirst().orElseThrow();
        assertThat(invoice.toTable()).isEqualTo("billing.invoices");
        assertThat(invoice.toColumns()).as("bigint id points at the bigint unique number, not the uuid key")
                .containsExactly("number");
        Edge order = comments.stream().filter(e -> e.typeValue().equals("order")).findFirst().orElseThrow();
        assertThat(order.toTable()).isEqualTo("public.orders");
        assertThat(order.evidence()).contains("commentable_type = 'order'");

        assertThat(graph.edges()).filteredOn(e -> e.fromTable().equals("public.attachments") && e.kind() == EdgeKind.POLYMORPHIC)
                .extracting(Edge::typeValue).contains("Order", "User", "Account");
    }

    @Test
    void joinPathsPreferDeclaredKeys() {
        JoinPathFinder finder = new JoinPathFinder(graph);
        List<JoinPath> paths = finder.find("public.order_items", "public.accounts", 4, 3, true);
        assertThat(paths).isNotEmpty();
        JoinPath best = paths.get(0);
        assertThat(best.tables()).containsExactly("public.order_items", "public.orders", "public.accounts");
        assertThat(best.edges()).allMatch(e -> e.kind() == EdgeKind.DECLARED);
        assertThat(finder.find("public.regions", "public.products", 1, 3, true)).isEmpty();
    }

    @Test
    void declaredEdgesKnowTheirCardinalityAndSiblingsShareTheirTarget() {
        Edge items = edge("public.order_items", "order_id", EdgeKind.DECLARED).orElseThrow();
        assertThat(items.oneToOne()).as("many items per order").isFalse();
        assertThat(items.fansOutFrom("public.orders")).isTrue();
        assertThat(items.fansOutFrom("public.order_items")).isFalse();
        // orders.account_id and users.account_id both reference accounts.id: comparing them is a sibling join
        assertThat(graph.sharedTargets("public.orders", "account_id", "public.users", "account_id"))
                .containsExactly("public.accounts.id");
        // order_items.order_id references orders.id itself
        assertThat(graph.sharedTargets("public.order_items", "order_id", "public.orders", "id"))
                .containsExactly("public.orders.id");
        assertThat(graph.sharedTargets("public.orders", "user_id", "public.users", "account_id")).isEmpty();
    }

    @Test
    void namesFollowOrmConventions() {
        assertThat(Names.stemOfTypeValue("Billing::Invoice")).isEqualTo("invoice");
        assertThat(Names.stemOfTypeValue("App\\Models\\LineItem")).isEqualTo("line_item");
        assertThat(Names.plural("category")).isEqualTo("categories");
        assertThat(Names.plural("address")).isEqualTo("addresses");
        assertThat(Names.singular("addresses")).isEqualTo("address");
    }
}
