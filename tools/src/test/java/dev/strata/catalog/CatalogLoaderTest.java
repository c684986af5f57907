package dev.strata.catalog;

import dev.strata.demo.DemoDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog as loaded from the real demo database. */
class CatalogLoaderTest {

    static Catalog catalog;

    @BeforeAll
    static void load() throws Exception {
        try (Connection c = DemoDatabase.shared().connection()) {
            catalog = new CatalogLoader(List.of()).load(c);
        }
    }

    private static Relation table(String qualified) {
        QualifiedName q = QualifiedName.parse(qualified);
        return catalog.find(q.schema(), q.name()).orElseThrow();
    }

    @Test
    void loadsEveryUserSchemaAndNoSystemOne() {
        assertThat(catalog.relations()).extracting(Relation::schema).contains("public", "billing", "legacy")
                .doesNotContain("pg_catalog", "information_schema");
        assertThat(catalog.relations().stream().filter(r -> r.kind() == RelationKind.TABLE)).hasSizeGreaterThanOrEqualTo(12);
        assertThat(catalog.server().searchPath()).containsExactly("public");
        assertThat(catalog.server().majorVersion()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void columnsCarryTypesDefaultsIdentityAndComments() {
        Relation orders = table("public.orders");
        assertThat(orders.kind()).isEqualTo(RelationKind.TABLE);
        assertThat(orders.rowsEstimate()).isGreaterThan(200_000);
        assertThat(orders.comment()).isNotBlank();
        Column id = orders.column("id").orElseThrow();
        assertThat(id.type()).isEqualTo("bigint");
        assertThat(id.isIdentity()).isTrue();
        assertThat(id.nullable()).isFalse();
        Column state = orders.column("state").orElseThrow();
        assertThat(state.type()).isEqualTo("smallint");
        assertThat(state.comment()).contains("0=pending");
        assertThat(orders.column("currency").orElseThrow().type()).isEqualTo("character(3)");
        assertThat(orders.column("currency").orElseThrow().defaultExpression()).contains("EUR");
        assertThat(table("public.users").column("lastLoginAt")).isPresent();
    }

    @Test
    void constraintsIndexesAndTriggers() {
        Relation orders = table("public.orders");
        assertThat(orders.primaryKey().orElseThrow().columns()).containsExactly("id");
        assertThat(orders.foreignKeys()).extracting(ForeignKey::targetQualifiedName)
                .contains("public.users", "public.accounts");
        assertThat(orders.indexes()).anySatisfy(i -> assertThat(i.predicate()).contains("state"));
        assertThat(orders.triggers()).extracting(Trigger::name).contains("orders_touch_updated_at");

        Relation items = table("public.order_items");
        ForeignKey toOrders = items.foreignKeys().stream().filter(f -> f.targetTable().equals("orders")).findFirst()
                .orElseThrow();
        assertThat(toOrders.onDelete()).isEqualTo("cascade");
        assertThat(items.checks()).anySatisfy(c -> assertThat(c.definition()).contains("quantity > 0"));

        Relation invoices = table("billing.invoices");
        assertThat(invoices.uniqueColumns()).contains("id", "number");
        assertThat(invoices.column("id").orElseThrow().type()).isEqualTo("uuid");
        assertThat(table("public.users").indexes()).anySatisfy(i -> assertThat(i.columns()).containsExactly("lower(email)"));
    }

    @Test
    void viewsAndMaterializedViewsKeepTheirDefinition() {
        Relation view = table("public.active_users");
        assertThat(view.kind()).isEqualTo(RelationKind.VIEW);
        assertThat(view.viewDefinition()).containsIgnoringCase("deleted_at IS NULL");
        assertThat(table("billing.monthly_revenue").kind()).isEqualTo(RelationKind.MATERIALIZED_VIEW);
    }

    @Test
    void namesResolveThroughTheRealSearchPath() {
        assertThat(catalog.resolve("orders")).map(Relation::qualifiedName).contains("public.orders");
        assertThat(catalog.resolve("ORDERS")).map(Relation::qualifiedName).contains("public.orders");
        assertThat(catalog.resolve("\"ORDERS\"")).isEmpty();
        assertThat(catalog.resolve("invoices")).as("billing is not on the search_path").isEmpty();
        assertThat(catalog.resolve("billing.invoices")).isPresent();
        assertThat(catalog.resolveLeniently("invoices")).map(Relation::qualifiedName).contains("billing.invoices");
        assertThat(catalog.displayName(table("billing.invoices"))).isEqualTo("billing.invoices");
        assertThat(catalog.displayName(table("public.orders"))).isEqualTo("orders");
    }

    @Test
    void closestNamesForTypos() {
        assertThat(catalog.closestRelations("ordres", 3)).first().isEqualTo("public.orders");
        assertThat(catalog.closestRelations("invoice", 3)).contains("billing.invoices");
    }

    @Test
    void schemaFilterLimitsWhatIsLoaded() throws Exception {
        try (Connection c = DemoDatabase.shared().connection()) {
            Catalog billing = new CatalogLoader(List.of("billing")).load(c);
            assertThat(billing.relations()).extracting(Relation::schema).containsOnly("billing");
        }
    }
}
