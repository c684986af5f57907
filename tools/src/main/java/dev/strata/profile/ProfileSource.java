package dev.strata.profile;

import dev.strata.catalog.Relation;

import java.util.Optional;

/**
 * Column profiles as the guardrail sees them: whatever is cached, or a cheap {@code pg_stats} profile loaded under
 * a strict budget. Never a sample on the request path.
 */
public interface ProfileSource {

    ProfileSource NONE = (table, column) -> Optional.empty();

    Optional<ColumnProfile> forGuard(Relation table, String column);
}
