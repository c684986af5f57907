package dev.strata.bench;

import dev.strata.relationships.ForeignKeyCorpus;

/** Prints the statements a corpus schema skipped while loading (a debugging aid for the FK benchmark). */
public final class FkLoadProbe {
    public static void main(String[] args) {
        for (ForeignKeyCorpus.Schema s : ForeignKeyCorpus.shared()) {
            if (!s.id().equals(System.getProperty("probe", "lemmy"))) continue;
            ForeignKeyCorpus.Loaded l = ForeignKeyCorpus.load(s, true);
            l.skipped().forEach(x -> System.out.println("SKIP " + x));
            l.truth().forEach(x -> System.out.println("TRUTH " + x));
        }
        System.exit(0);
    }
}
