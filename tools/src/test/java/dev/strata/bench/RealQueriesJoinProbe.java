package dev.strata.bench;

import dev.strata.Corpora;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.PgParseCheck;
import dev.strata.guardrail.QueryGuard;
import dev.strata.guardrail.Severity;
import dev.strata.json.Json;
import dev.strata.relationships.ForeignKeyCorpus;
import dev.strata.schema.SchemaKnowledge;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accepted, read-only queries of real-queries.json validated against their schemas with the declared keys and
 * with the keys dropped (the relationship graph then rests on inferred edges): the guardrail's error findings per
 * rule. A correct query must get none; this shows what the inferred graph costs the join rules.
 */
public final class RealQueriesJoinProbe {
    public static void main(String[] args) {
        JsonNode cases = Json.MAPPER.readTree(Corpora.require("real-queries.json").toFile()).get("cases");
        for (ForeignKeyCorpus.Schema s : ForeignKeyCorpus.shared()) {
            String caseId = switch (s.id()) {
                case "clubdata" -> "pgexercises";
                case "pagila" -> "pagila-hw";
                case "tpch" -> "tpch";
                default -> null;
            };
            if (caseId == null) continue;
            JsonNode queries = null;
            for (JsonNode c : cases) if (c.get("id").asString().equals(caseId)) queries = c.get("queries");
            for (boolean keep : new boolean[]{true, false}) {
                var loaded = ForeignKeyCorpus.load(s, s.hasData(), keep);
                SchemaKnowledge k = SchemaKnowledge.load(loaded.database(), List.of());
                QueryGuard guard = new QueryGuard(() -> k, new PgParseCheck(loaded.database()));
                Map<String, Integer> errors = new TreeMap<>();
                int n = 0;
                for (JsonNode q : queries) {
                    if (!q.get("read_only").asBoolean()) continue;
                    n++;
                    for (Finding f : guard.validate(q.get("sql").asString()).findings()) {
                        if (f.severity() != Severity.ERROR) continue;
                        errors.merge(f.rule(), 1, Integer::sum);
                        System.out.println("  " + s.id() + (keep ? "" : " (keys dropped)") + " " + q.get("name")
                                .asString() + ": " + f.rule() + ": " + f.message());
                    }
                }
                System.out.println(s.id() + (keep ? " declared keys" : " keys dropped") + ": " + n
                        + " read-only queries, errors " + errors);
            }
        }
        System.exit(0);
    }
}
