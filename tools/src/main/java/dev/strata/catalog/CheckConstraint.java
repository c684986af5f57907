package dev.strata.catalog;

/** A CHECK (or EXCLUDE) constraint with its definition as PostgreSQL prints it. */
public record CheckConstraint(String name, String definition, boolean validated) {
}
