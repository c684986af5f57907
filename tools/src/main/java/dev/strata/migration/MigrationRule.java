package dev.strata.migration;

import dev.strata.guardrail.Severity;

/**
 * One migration-review rule: a kebab-case id from the public contract, a default severity, a one-line summary,
 * and the check. Each rule's class Javadoc carries the problem and the safe recipe with SQL.
 */
public interface MigrationRule {

    String id();

    Severity severity();

    String summary();

    /** Looks at one statement, with the script's state as it was before the statement ran. */
    void check(StatementContext context);

    /** Whether the rule needs the live database; without {@code --url} such rules are skipped and listed. */
    default boolean needsDatabase() {
        return false;
    }

    /** Called once after the last statement of a file, for rules that judge the whole script. */
    default void finish(ScriptContext context) {
    }
}
