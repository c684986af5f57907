package dev.strata.migration;

import dev.strata.guardrail.Severity;

/** The id, severity and summary every migration rule carries. */
public abstract class MigrationRuleBase implements MigrationRule {

    private final String id;
    private final Severity severity;
    private final String summary;

    protected MigrationRuleBase(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String summary() {
        return summary;
    }
}
