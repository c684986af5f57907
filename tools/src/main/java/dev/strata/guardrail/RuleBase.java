package dev.strata.guardrail;

/** The base of the query guardrail's rules. */
public abstract class RuleBase extends RuleIdentity implements GuardRule {

    protected RuleBase(String id, Severity severity, String summary) {
        super(id, severity, summary);
    }
}
