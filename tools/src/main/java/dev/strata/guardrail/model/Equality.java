package dev.strata.guardrail.model;

/**
 * {@code left = right} between two columns, in an ON, WHERE or USING clause (or a NATURAL join). Each side may be
 * wrapped in casts and simple functions ({@code li.id::text}, {@code lower(a.email)}): the comparison is still a
 * join of those columns, and is judged as one.
 *
 * @param leftVia  how the left column is wrapped ({@code ::text}, {@code lower()}), or null when compared bare
 * @param rightVia the same for the right side
 */
public record Equality(ColumnRef left, ColumnRef right, Clause clause, String leftVia, String rightVia) {

    public Equality(ColumnRef left, ColumnRef right, Clause clause) {
        this(left, right, clause, null, null);
    }

    /** Both sides are bare columns. */
    public boolean direct() {
        return leftVia == null && rightVia == null;
    }

    /** A side is cast ({@code ::type} or CAST): the values compared are no longer of the column's own type. */
    public boolean cast() {
        return leftVia != null && leftVia.startsWith("::") || rightVia != null && rightVia.startsWith("::");
    }
}
