package dev.strata.legibility;

/**
 * A {@code COMMENT ON} draft for a person to review and apply: the object, the ready SQL, and the evidence the
 * wording comes from (profile figures, references, existing names).
 */
public record SuggestedComment(String object, String sql, String evidence) {
}
