package dev.strata.guardrail;

/**
 * A rule that reads only the statement's tokens: it runs without a database, and on statements no parser
 * understands — which is where the security rules must still hold.
 */
public abstract class TokenRule extends RuleBase {

    protected TokenRule(String id, Severity severity, String summary) {
        super(id, severity, summary);
    }

    @Override
    public final boolean needsModel() {
        return false;
    }
}
