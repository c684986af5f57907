package dev.strata.relationships;

import dev.strata.ScratchSchemas;
import dev.strata.catalog.Catalog;
import dev.strata.catalog.CatalogLoader;
import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data checks keep their budget whatever the schema: a check that times out on a locked table, one the role may
 * not read, and a budget spent before the last check all leave the edge at its name and type evidence and say
 * so; thousands of key-less tables whose columns are all called id invent no references.
 */
class HostileSchemaTest {

    private static final String DDL = """
            CREATE TABLE customer (id serial PRIMARY KEY, name text);
            INSERT INTO customer (name) SELECT 'c' || g FROM generate_series(1, 2000) g;
            CREATE TABLE invoice (id serial PRIMARY KEY, customer_id int);
            INSERT INTO invoice (customer_id) SELECT 1 + g % 2000 FROM generate_series(1, 3000) g;
            CREATE TABLE secret (id serial PRIMARY KEY, name text);
            INSERT INTO secret (name) SELECT 's' || g FROM generate_series(1, 100) g;
            CREATE TABLE note (id serial PRIMARY KEY, secret_id int, customer_id int);
            INSERT INTO note (secret_id, customer_id) SELECT 1 + g % 100, 1 + g % 2000 FROM generate_series(1, 500) g;
            ANALYZE;
            DROP ROLE IF EXISTS hostile_reader;
            CREATE ROLE hostile_reader LOGIN;
            GRANT SELECT ON customer, invoice, note TO hostile_reader;
            """;

    private static Edge inferred(RelationshipGraph g, String table, String column) {
        return g.edges().stream().filter(e -> e.kind() == EdgeKind.INFERRED && e.fromTable().equals("public." + table)
                && e.fromColumns().equals(List.of(column))).findFirst().orElseThrow();
    }

    @Test
    void unreadableLockedAndUnbudgetedChecksLeaveNameEvidenceAndSaySo() throws Exception {
        Database owner = ScratchSchemas.create("hostile_checks", DDL);
        Catalog catalog = new CatalogLoader(List.of()).load(owner);
        try (Database reader = Database.connect(ConnectionSettings.parse("postgres://hostile_reader@localhost:"
                + DemoDatabase.shared().port() + "/hostile_checks"))) {
            RelationshipGraph g = RelationshipGraph.build(catalog, (s, t, c) -> TypeValueSource.ObservedValues.none(),
                    new ReferenceVerifier(reader, ReferenceVerifier.Budget.defaults()));
            Edge secret = inferred(g, "note", "secret_id");
            assertThat(secret.dataCheck()).isEqualTo("failed");
            assertThat(secret.evidence()).contains("no SELECT privilege on public.secret")
                    .contains("name and type evidence only");
            assertThat(inferred(g, "invoice", "customer_id").dataCheck()).isIn("consistent", "confirmed");
        }

        // A migration holds ACCESS EXCLUSIVE on customer: the check gives up after its lock timeout.
        try (Connection locker = owner.connection(); Statement st = locker.createStatement()) {
            locker.setAutoCommit(false);
            st.execute("LOCK TABLE customer IN ACCESS EXCLUSIVE MODE");
            long t0 = System.nanoTime();
            RelationshipGraph g = RelationshipGraph.build(catalog, (s, t, c) -> TypeValueSource.ObservedValues.none(),
                    new ReferenceVerifier(owner, new ReferenceVerifier.Budget(Duration.ofSeconds(3),
                            Duration.ofMillis(300), 2000)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Edge invoice = inferred(g, "invoice", "customer_id");
            assertThat(invoice.dataCheck()).isEqualTo("timed out");
            assertThat(invoice.evidence()).contains("timed out").contains("name and type evidence only");
            assertThat(invoice.confidence()).as("name evidence stands").isGreaterThanOrEqualTo(0.8);
            assertThat(ms).as("the budget holds (generous margin for a loaded machine)").isLessThan(15_000);
            locker.rollback();
        }

        RelationshipGraph none = RelationshipGraph.build(catalog, (s, t, c) -> TypeValueSource.ObservedValues.none(),
                new ReferenceVerifier(owner, ReferenceVerifier.Budget.none()));
        Edge unchecked = inferred(none, "invoice", "customer_id");
        assertThat(unchecked.dataCheck()).isEqualTo("not checked (budget)");
        assertThat(unchecked.evidence()).contains("not checked");
        assertThat(none.verification().notChecked()).isGreaterThan(0);
    }

    @Test
    void keylessTablesOfIdColumnsInventNothing() {
        Database db = ScratchSchemas.create("hostile_ids", """
                DO $$ BEGIN
                  FOR i IN 0..1999 LOOP
                    EXECUTE format('CREATE TABLE h%s (id bigint, x_id bigint, parent_id bigint, h%s_id bigint)',
                      i, (i + 1) % 2000);
                  END LOOP;
                END $$;
                """);
        Catalog catalog = new CatalogLoader(List.of()).load(db);
        RelationshipGraph g = RelationshipGraph.build(catalog, new PgTypeValues(db),
                new ReferenceVerifier(db, ReferenceVerifier.Budget.defaults()));
        assertThat(catalog.size()).isEqualTo(2000);
        assertThat(g.edges()).as("no table has a key to point at").isEmpty();
        assertThat(g.polymorphicPairs()).isEmpty();
    }
}
