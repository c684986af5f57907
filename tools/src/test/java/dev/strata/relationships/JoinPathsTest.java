package dev.strata.relationships;

import dev.strata.DemoKnowledge;
import dev.strata.schema.SchemaExplorer;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.schema.SchemaViews.JoinPaths;
import dev.strata.schema.SchemaViews.PathInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * find_join_path puts first the route an expert writes: many-to-one chains, link tables rather than siblings of a
 * shared parent, one polymorphic hop with its type filter rather than a detour; and says when a route fans out
 * or rests on an inferred edge. On real schemas both with their declared keys and with the keys dropped (so the
 * routes run over inferred edges).
 */
class JoinPathsTest {

    private static List<String> best(SchemaKnowledge k, String from, String to) {
        JoinPaths paths = new SchemaExplorer(() -> k).joinPaths(from, to, null);
        assertThat(paths.paths()).as("%s → %s", from, to).isNotEmpty();
        return paths.paths().get(0).tables();
    }

    private static void expert(SchemaKnowledge k, String from, String to, String... route) {
        assertThat(best(k, from, to)).as("%s → %s", from, to).containsExactly(route);
    }

    @Test
    void pagilaRoutesAreTheExpertsWithAndWithoutDeclaredKeys() {
        ForeignKeyCorpus.Schema pagila = ForeignKeyCorpus.sharedSchema("pagila");
        for (boolean keep : new boolean[]{true, false}) {
            SchemaKnowledge k = SchemaKnowledge.load(ForeignKeyCorpus.load(pagila, true, keep).database(), List.of());
            expert(k, "film", "actor", "public.film", "public.film_actor", "public.actor");
            expert(k, "film", "category", "public.film", "public.film_category", "public.category");
            expert(k, "rental", "film", "public.rental", "public.inventory", "public.film");
            expert(k, "customer", "country", "public.customer", "public.address", "public.city", "public.country");
            // inventory → store ← customer would pair each copy with every customer of its store
            expert(k, "inventory", "customer", "public.inventory", "public.rental", "public.customer");
            expert(k, "payment", "film", "public.payment", "public.rental", "public.inventory", "public.film");
            expert(k, "store", "staff", "public.store", "public.staff");
            PathInfo filmActor = new SchemaExplorer(() -> k).joinPaths("film", "actor", null).paths().get(0);
            assertThat(filmActor.fansOut()).isTrue();
            assertThat(filmActor.steps()).containsExactly("one-to-many", "many-to-one");
            assertThat(filmActor.notes()).anyMatch(n -> n.contains("fans out at public.film → public.film_actor"));
            if (!keep) {
                assertThat(filmActor.inferred()).isTrue();
                assertThat(filmActor.notes()).anyMatch(n -> n.startsWith("inferred, not declared"));
            } else {
                assertThat(filmActor.inferred()).isNull();
            }
            PathInfo chain = new SchemaExplorer(() -> k).joinPaths("rental", "film", null).paths().get(0);
            assertThat(chain.fansOut()).as("a many-to-one chain keeps one row per rental").isNull();
        }
    }

    @Test
    void chinookRoutesAreTheExperts() {
        ForeignKeyCorpus.Schema chinook = ForeignKeyCorpus.sharedSchema("chinook-snake");
        SchemaKnowledge k = SchemaKnowledge.load(ForeignKeyCorpus.load(chinook, true).database(), List.of());
        expert(k, "track", "artist", "public.track", "public.album", "public.artist");
        expert(k, "invoice_line", "genre", "public.invoice_line", "public.track", "public.genre");
        expert(k, "playlist", "track", "public.playlist", "public.playlist_track", "public.track");
        expert(k, "customer", "employee", "public.customer", "public.employee");
        expert(k, "invoice_line", "customer", "public.invoice_line", "public.invoice", "public.customer");
    }

    @Test
    void onePolymorphicHopWithItsTypeFilterBeatsADetour() {
        SchemaExplorer explorer = new SchemaExplorer(DemoKnowledge::get);
        PathInfo best = explorer.joinPaths("comments", "billing.invoices", null).paths().get(0);
        assertThat(best.hops()).isEqualTo(1);
        assertThat(best.sql()).contains("c.commentable_type = 'invoice'");
        assertThat(best.notes()).anyMatch(n -> n.startsWith("polymorphic"));
    }

    @Test
    void explainEstimatesCheckTheProposedRoutes() {
        SchemaExplorer explorer = new SchemaExplorer(DemoKnowledge::get, sql -> java.util.OptionalLong.of(0));
        PathInfo p = explorer.joinPaths("order_items", "accounts", null).paths().get(0);
        assertThat(p.estimatedRows()).isZero();
        assertThat(p.notes()).anyMatch(n -> n.startsWith("EXPLAIN expects at most one row"));
    }
}
