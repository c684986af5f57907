package dev.strata.migration;

import dev.strata.guardrail.RuleIdentity;
import dev.strata.guardrail.Severity;

/** The base of the migration rules. */
public abstract class MigrationRuleBase extends RuleIdentity implements MigrationRule {

    protected MigrationRuleBase(String id, Severity severity, String summary) {
        super(id, severity, summary);
    }
}
