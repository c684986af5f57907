package dev.strata.guardrail;

/** The id, severity and summary every rule carries. */
public abstract class RuleBase implements GuardRule {

    private final String id;
    private final Severity severity;
    private final String summary;

    protected RuleBase(String id, Severity severity, String summary) {
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
