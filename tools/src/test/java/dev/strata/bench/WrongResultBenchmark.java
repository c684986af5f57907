package dev.strata.bench;

import dev.strata.db.ConnectionSettings;
import dev.strata.db.Database;
import dev.strata.demo.DemoDatabase;
import dev.strata.guardrail.GuardRule;
import dev.strata.guardrail.GuardRules;
import dev.strata.guardrail.PgParseCheck;
import dev.strata.guardrail.QueryGuard;
import dev.strata.profile.ProfileCache;
import dev.strata.profile.ProfileOptions;
import dev.strata.profile.Profiler;
import dev.strata.schema.SchemaKnowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the wrong-result rules (issue 14) add to validate_sql, in process: the same guardrail with and without
 * them, in the same run, on the demo catalog with every table profiled (as a server that has profiled its tables
 * holds them). Queries: the guardrail corpus and the wrong-result corpus (assistant-style queries, wrong and
 * right). The two guards alternate query by query (and which goes first), so load on the machine hits both alike;
 * measured once with PostgreSQL's parse verdict off (the in-process cost alone) and once as validate_sql runs.
 * Run: {@code mvn -q -pl tools -Pbench test-compile exec:java -Dbench.main=dev.strata.bench.WrongResultBenchmark}.
 */
public final class WrongResultBenchmark {

    public static void main(String[] args) throws Exception {
        DemoDatabase demo = DemoDatabase.shared();
        try (Database db = Database.connect(ConnectionSettings.parse(demo.url()))) {
            SchemaKnowledge knowledge = SchemaKnowledge.load(db, List.of());
            ProfileCache profiles = new ProfileCache(db, ProfileOptions.defaults(), () -> knowledge.graph());
            for (var r : knowledge.catalog().relations()) {
                if (r.kind().storesRows()) profiles.table(r, null, false, Profiler.Progress.NONE);
            }
            List<String> corpus = new ArrayList<>();
            corpus.addAll(GuardBenchmark.cases("/dev/strata/guardrail/corpus-right.sql"));
            corpus.addAll(GuardBenchmark.cases("/dev/strata/guardrail/corpus-wrong.sql"));
            for (GuardRule rule : GuardRules.WRONG_RESULT) {
                corpus.addAll(GuardBenchmark.cases("/dev/strata/guardrail/wrong-result/" + rule.id() + ".sql"));
            }
            QueryGuard full = new QueryGuard(() -> knowledge, new PgParseCheck(db), profiles);
            // Without PostgreSQL's parse verdict (a round trip per statement) the in-process cost stands out.
            QueryGuard local = new QueryGuard(() -> knowledge, (dev.strata.guardrail.ParseCheck) null, profiles);
            List<GuardRule> others = new ArrayList<>(GuardRules.ALL);
            others.removeAll(GuardRules.WRONG_RESULT);
            System.out.printf(Locale.ROOT, "validate_sql on the demo catalog with profiles, %d queries%n",
                    corpus.size());
            compare("in process, PostgreSQL's parse verdict off", local, local.withRules(others), corpus);
            compare("as validate_sql runs it, PostgreSQL asked per statement", full, full.withRules(others), corpus);
        }
    }

    private static void compare(String label, QueryGuard with, QueryGuard without, List<String> corpus) {
        for (int i = 0; i < 20_000; i++) {
            String sql = corpus.get(i % corpus.size());
            with.validate(sql);
            without.validate(sql);
        }
        List<Double> withMs = new ArrayList<>();
        List<Double> withoutMs = new ArrayList<>();
        List<Double> added = new ArrayList<>();
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < 15_000_000_000L) {
            String sql = corpus.get(n % corpus.size());
            boolean withFirst = (n / corpus.size()) % 2 == 0;
            double a;
            double b;
            if (withFirst) {
                a = time(with, sql);
                b = time(without, sql);
            } else {
                b = time(without, sql);
                a = time(with, sql);
            }
            withMs.add(a);
            withoutMs.add(b);
            added.add(a - b);
            n++;
        }
        Collections.sort(withMs);
        Collections.sort(withoutMs);
        Collections.sort(added);
        System.out.printf(Locale.ROOT, "%s, %d validations each:%n", label, n);
        System.out.printf(Locale.ROOT, "  with the wrong-result rules:    median %.3f ms, p99 %.3f ms%n",
                median(withMs), p99(withMs));
        System.out.printf(Locale.ROOT, "  without them:                   median %.3f ms, p99 %.3f ms%n",
                median(withoutMs), p99(withoutMs));
        System.out.printf(Locale.ROOT, "  added: difference of medians %.3f ms; median of per-query differences "
                + "%.3f ms%n", median(withMs) - median(withoutMs), median(added));
    }

    private static double time(QueryGuard guard, String sql) {
        long t = System.nanoTime();
        guard.validate(sql);
        return (System.nanoTime() - t) / 1e6;
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    private static double p99(List<Double> sorted) {
        return sorted.get((int) (sorted.size() * 0.99));
    }
}
