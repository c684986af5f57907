package dev.strata.guardrail.shape;

import dev.strata.catalog.ForeignKey;
import dev.strata.catalog.Index;
import dev.strata.catalog.Key;
import dev.strata.catalog.Relation;

import java.util.Collection;
import java.util.List;

/** What the declared catalog says about row identity: keys and unique indexes, foreign keys. */
public final class Keys {

    private Keys() {
    }

    /**
     * Whether these columns identify a row of the table: they contain a primary key, a UNIQUE constraint, or the
     * columns of a valid, non-partial unique index.
     */
    public static boolean unique(Relation r, Collection<String> columns) {
        if (r == null || columns.isEmpty()) return false;
        for (Key k : r.keys()) {
            if (columns.containsAll(k.columns())) return true;
        }
        for (Index i : r.indexes()) {
            if (i.unique() && i.valid() && i.predicate() == null && !i.columns().isEmpty()
                    && columns.containsAll(i.columns())) {
                return true;
            }
        }
        return false;
    }

    /** A single-column key of the table (the primary key first), or null. */
    public static String singleKey(Relation r) {
        if (r == null) return null;
        for (Key k : r.keys()) if (k.primary() && k.columns().size() == 1) return k.columns().get(0);
        for (Key k : r.keys()) if (k.columns().size() == 1) return k.columns().get(0);
        return null;
    }

    /** The declared foreign key of {@code from} on exactly these columns that references {@code to}, or null. */
    public static ForeignKey declared(Relation from, List<String> columns, Relation to, List<String> targets) {
        if (from == null || to == null) return null;
        for (ForeignKey fk : from.foreignKeys()) {
            if (fk.targetSchema().equals(to.schema()) && fk.targetTable().equals(to.name())
                    && sameSet(fk.columns(), columns) && sameSet(fk.targetColumns(), targets)) {
                return fk;
            }
        }
        return null;
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b);
    }
}
