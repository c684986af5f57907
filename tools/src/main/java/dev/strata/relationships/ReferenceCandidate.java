package dev.strata.relationships;

import dev.strata.catalog.Relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One possible reference with its score: the naming pattern's prior, adjusted in log-odds by what the types, the
 * indexes, the schema's shape and (when checked) the rows say. Every adjustment leaves a line of evidence.
 */
public final class ReferenceCandidate {

    private final Relation source;
    private final List<String> columns;
    private final Relation target;
    private final SchemaVocabulary.TargetKey key;
    private final ReferencePattern pattern;
    private final boolean sourceUnique;
    private final List<String> signals = new ArrayList<>();
    private double logit;
    private String dataCheck;
    private boolean association;
    private final String sourceName;
    private final String targetName;
    private final String identity;

    ReferenceCandidate(Relation source, List<String> columns, Relation target, SchemaVocabulary.TargetKey key,
                       ReferencePattern pattern, boolean sourceUnique, String nameEvidence) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.target = target;
        this.key = key;
        this.pattern = pattern;
        this.sourceUnique = sourceUnique;
        this.logit = logit(pattern.prior());
        this.sourceName = source.qualifiedName();
        this.targetName = target.qualifiedName();
        this.identity = sourceName + this.columns + "→" + targetName + key.columns();
        signals.add(nameEvidence);
    }

    String sourceName() {
        return sourceName;
    }

    String targetName() {
        return targetName;
    }

    public Relation source() {
        return source;
    }

    public List<String> columns() {
        return columns;
    }

    public Relation target() {
        return target;
    }

    public List<String> targetColumns() {
        return key.columns();
    }

    SchemaVocabulary.TargetKey key() {
        return key;
    }

    public ReferencePattern pattern() {
        return pattern;
    }

    public boolean sourceUnique() {
        return sourceUnique;
    }

    /** The probability this reference is real, 0..1, rounded to two places. */
    public double confidence() {
        double p = 1 / (1 + Math.exp(-logit));
        return Math.round(Math.min(0.98, Math.max(0.01, p)) * 100) / 100.0;
    }

    public List<String> signals() {
        return List.copyOf(signals);
    }

    /** What the rows said: confirmed, orphans, refuted, no rows, not checked (budget), timed out, failed… */
    public String dataCheck() {
        return dataCheck;
    }

    void adjust(double delta, String why) {
        logit += delta;
        if (why != null) signals.add(why);
    }

    void note(String why) {
        signals.add(why);
    }

    /** A composite reference to a table of allowed combinations: its columns keep their own references. */
    boolean association() {
        return association;
    }

    void association(boolean value) {
        this.association = value;
    }

    void dataCheck(String verdict) {
        this.dataCheck = verdict;
    }

    double score() {
        return logit;
    }

    /** Same source columns, target table and key. */
    String identity() {
        return identity;
    }

    Edge toEdge() {
        return new Edge(sourceName, columns, targetName, key.columns(), EdgeKind.INFERRED,
                confidence(), String.join("; ", signals), null, null, sourceUnique, List.copyOf(signals), dataCheck);
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %.2f %s", identity(), confidence(), pattern);
    }
}
