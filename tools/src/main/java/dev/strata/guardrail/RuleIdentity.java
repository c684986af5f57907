package dev.strata.guardrail;

/**
 * The id, default severity and one-line summary every rule carries — query guardrail rules ({@link RuleBase})
 * and migration rules alike.
 */
public abstract class RuleIdentity {

    private final String id;
    private final Severity severity;
    private final String summary;

    protected RuleIdentity(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }
}
