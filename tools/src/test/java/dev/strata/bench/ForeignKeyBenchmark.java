package dev.strata.bench;

import dev.strata.relationships.Edge;
import dev.strata.relationships.ForeignKeyCorpus;
import dev.strata.relationships.ForeignKeyScore;
import dev.strata.schema.SchemaKnowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Foreign-key discovery on real schemas with their declared keys dropped: precision, recall, F1, precision at
 * confidence ≥ 0.8 and calibration, per schema with rows and without. Run with
 * {@code mvn -q -pl tools -Pbench test-compile exec:java -Dbench.main=dev.strata.bench.ForeignKeyBenchmark}
 * (add {@code -Dbench.fk.extra=DIR} for more schemas, {@code -Dbench.fk.verbose=true} for every miss and
 * mistake). Prints the tables BENCHMARKS.md records.
 */
public final class ForeignKeyBenchmark {

    public static void main(String[] args) {
        boolean verbose = Boolean.getBoolean("bench.fk.verbose");
        String only = System.getProperty("bench.fk.only");
        List<ForeignKeyCorpus.Schema> schemas = new ArrayList<>(ForeignKeyCorpus.shared());
        schemas.addAll(ForeignKeyCorpus.extra());
        List<ForeignKeyScore> withData = new ArrayList<>();
        List<ForeignKeyScore> withoutData = new ArrayList<>();
        List<String> timings = new ArrayList<>();
        for (ForeignKeyCorpus.Schema s : schemas) {
            if (only != null && !only.isBlank() && !List.of(only.split(",")).contains(s.id())) continue;
            for (boolean data : s.hasData() ? new boolean[]{true, false} : new boolean[]{false}) {
                long t0 = System.nanoTime();
                ForeignKeyCorpus.Loaded loaded = ForeignKeyCorpus.load(s, data);
                long t1 = System.nanoTime();
                SchemaKnowledge k = SchemaKnowledge.load(loaded.database(), List.of());
                long t2 = System.nanoTime();
                List<Edge> edges = k.graph().edges();
                ForeignKeyScore score = ForeignKeyScore.of(s.id(), data, loaded.truth(), edges);
                (data ? withData : withoutData).add(score);
                timings.add(String.format(Locale.ROOT, "%s%s: %d tables, load %.1f s, knowledge %.0f ms%s", s.id(),
                        data ? "" : " (no rows)", k.catalog().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e6,
                        loaded.skipped().isEmpty() ? "" : ", " + loaded.skipped().size() + " statements skipped"));
                System.out.println(score.row());
                if (verbose) {
                    score.missed().forEach(m -> System.out.println("    missed " + m));
                    score.wrong().forEach(w -> System.out.println("    wrong  " + w));
                }
            }
        }
        System.out.println();
        System.out.println("| schema | rows | declared | inferred | precision | recall | F1 | precision ≥ 0.8 (n) | recall ≥ 0.8 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        withData.forEach(s -> System.out.println(s.row()));
        if (!withData.isEmpty()) System.out.println(ForeignKeyScore.total("**all with rows**", true, withData).row());
        withoutData.forEach(s -> System.out.println(s.row()));
        if (!withoutData.isEmpty()) {
            System.out.println(ForeignKeyScore.total("**all without rows**", false, withoutData).row());
        }
        System.out.println();
        System.out.println("Calibration (right/inferred per confidence band):");
        List<ForeignKeyScore> all = new ArrayList<>(withData);
        all.addAll(withoutData);
        ForeignKeyScore.total("with rows", true, withData).calibration().keySet()
                .forEach(k -> System.out.print("| " + k + " "));
        System.out.println("|");
        if (!withData.isEmpty()) System.out.println(ForeignKeyScore.total("with rows", true, withData).calibrationRow());
        if (!withoutData.isEmpty()) {
            System.out.println(ForeignKeyScore.total("without rows", false, withoutData).calibrationRow());
        }
        System.out.println();
        timings.forEach(System.out::println);
        System.exit(0);
    }
}
