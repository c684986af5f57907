package dev.strata.legibility;

/**
 * One legibility rule over an existing schema: what a reader of the catalog (an assistant, a new colleague)
 * gets wrong, with the evidence. Ids are shared with migration review where the rule is the same one applied to
 * what already exists ({@code bare-id-primary-key}, {@code polymorphic-reference}, {@code wide-table}…).
 */
public interface LegibilityCheck {

    String id();

    void check(ReportContext context);
}
