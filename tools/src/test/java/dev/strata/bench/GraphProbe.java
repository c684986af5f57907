package dev.strata.bench;

import dev.strata.DemoKnowledge;
import dev.strata.relationships.Edge;
import dev.strata.relationships.EdgeKind;

/** Prints the demo database's inferred and polymorphic edges with their evidence (a reading aid). */
public final class GraphProbe {
    public static void main(String[] args) {
        var k = DemoKnowledge.get();
        for (Edge e : k.graph().edges()) {
            if (e.kind() == EdgeKind.DECLARED) continue;
            System.out.printf("%s %.2f %s%s -> %s%s [%s] %s%n", e.kind(), e.confidence(), e.fromTable(), e.fromColumns(),
                    e.toTable(), e.toColumns(), e.dataCheck(), String.join(" | ", e.signals()));
        }
        System.out.println(k.graph().verification().describe());
        System.exit(0);
    }
}
