package dev.strata.profile;

/** One of a column's most frequent values and the share of rows holding it. */
public record ValueCount(String value, double fraction) {
}
