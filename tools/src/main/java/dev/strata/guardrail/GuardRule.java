package dev.strata.guardrail;

/**
 * One guardrail rule: a kebab-case id from the public contract, a fixed severity, a one-line summary, and the
 * check itself. Each rule's class Javadoc carries the long explanation with a bad and a good example.
 */
public interface GuardRule {

    String id();

    Severity severity();

    String summary();

    void check(GuardContext context);

    /** Whether the rule needs the statement's tree (JSqlParser) and the catalog, or only its tokens. */
    default boolean needsModel() {
        return true;
    }
}
