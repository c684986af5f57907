package dev.strata.schema;

import dev.strata.DemoKnowledge;
import dev.strata.relationships.Edge;
import dev.strata.relationships.EdgeKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What callers get while a load runs: provisional knowledge first, never a step back once complete. */
class LiveSchemaTest {

    /** Stand-ins: LiveSchema only passes knowledge along, so records with no catalog tell them apart. */
    static SchemaKnowledge named() {
        return new SchemaKnowledge(null, null, null);
    }

    @Test
    void theFirstLoadServesProvisionalKnowledgeWhileTheDataChecksRun() throws Exception {
        SchemaKnowledge provisional = named();
        SchemaKnowledge complete = named();
        CountDownLatch checks = new CountDownLatch(1);
        LiveSchema live = LiveSchema.staged(publish -> {
            publish.accept(provisional);
            await(checks);
            return complete;
        });
        var done = live.reload();
        assertThat(live.get()).isSameAs(provisional);
        checks.countDown();
        done.get(10, TimeUnit.SECONDS);
        assertThat(live.get()).isSameAs(complete);
    }

    @Test
    void aReloadKeepsServingThePreviousCompleteKnowledgeNotTheNewProvisionalOne() throws Exception {
        List<SchemaKnowledge> made = new ArrayList<>();
        CountDownLatch second = new CountDownLatch(1);
        LiveSchema live = LiveSchema.staged(publish -> {
            boolean first = made.isEmpty();
            SchemaKnowledge early = named();
            SchemaKnowledge late = named();
            made.add(early);
            made.add(late);
            publish.accept(early);
            if (!first) await(second);
            return late;
        });
        live.reload().get(10, TimeUnit.SECONDS);
        SchemaKnowledge firstComplete = made.get(1);
        assertThat(live.get()).isSameAs(firstComplete);
        var reload = live.reload();
        Thread.sleep(50);
        assertThat(live.get()).as("unchecked knowledge never replaces checked knowledge").isSameAs(firstComplete);
        second.countDown();
        reload.get(10, TimeUnit.SECONDS);
        assertThat(live.get()).isSameAs(made.get(3));
    }

    @Test
    void aFailedLoadIsAnErrorForItsWaitersAndIsRetriedOnTheNextCall() throws Exception {
        int[] calls = {0};
        SchemaKnowledge ok = named();
        CountDownLatch failing = new CountDownLatch(1);
        LiveSchema live = LiveSchema.staged(publish -> {
            if (calls[0]++ == 0) {
                await(failing);
                throw new IllegalStateException("catalog query failed");
            }
            return ok;
        });
        live.reload();
        var waiter = java.util.concurrent.CompletableFuture.supplyAsync(live::get);
        Thread.sleep(100);
        failing.countDown();
        assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ToolException.class)
                .hasMessageContaining("catalog query failed");
        assertThat(live.get()).isSameAs(ok);
    }

    @Test
    void provisionalKnowledgeOfTheDemoHasTheInferredReferencesWithoutTheirDataChecks() {
        List<SchemaKnowledge> provisional = new ArrayList<>();
        SchemaKnowledge complete = SchemaKnowledge.load(DemoKnowledge.database(), List.of(), provisional::add);
        assertThat(provisional).hasSize(1);
        SchemaKnowledge early = provisional.get(0);
        assertThat(early.catalog()).isSameAs(complete.catalog());
        List<Edge> unchecked = early.graph().edges().stream().filter(e -> e.kind() == EdgeKind.INFERRED).toList();
        List<Edge> checked = complete.graph().edges().stream().filter(e -> e.kind() == EdgeKind.INFERRED).toList();
        assertThat(unchecked).isNotEmpty().allSatisfy(e -> assertThat(e.dataCheck()).isNull());
        assertThat(checked).anySatisfy(e -> assertThat(e.dataCheck()).isNotNull());
        // the same declared and polymorphic edges either way: only the rows' verdicts differ
        assertThat(early.graph().edges().stream().filter(e -> e.kind() != EdgeKind.INFERRED).toList())
                .containsExactlyInAnyOrderElementsOf(complete.graph().edges().stream()
                        .filter(e -> e.kind() != EdgeKind.INFERRED).toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("test latch never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
