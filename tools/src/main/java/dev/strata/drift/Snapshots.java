package dev.strata.drift;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.CatalogLoader;
import dev.strata.db.Database;

import java.util.List;

/** Takes a snapshot of a live database: the catalog plus the list of schemas (so empty schemas count too). */
public final class Snapshots {

    private static final String SCHEMAS = """
            SELECT n.nspname, pg_catalog.obj_description(n.oid, 'pg_namespace')
            FROM pg_catalog.pg_namespace n
            WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY 1
            """;

    private Snapshots() {
    }

    /** @param schemas schemas to include; empty means every non-system schema */
    public static Snapshot take(Database database, List<String> schemas) {
        return of(database, new CatalogLoader(schemas).load(database), schemas);
    }

    /** A snapshot of a catalog already loaded (with the same schemas): only the schema list is read. */
    public static Snapshot of(Database database, Catalog catalog, List<String> schemas) {
        List<SnapshotSchema> namespaces = database.withHandle(h -> h.createQuery(SCHEMAS)
                .map((rs, ctx) -> new SnapshotSchema(rs.getString(1), rs.getString(2))).list());
        List<SnapshotSchema> kept = namespaces.stream()
                .filter(s -> schemas.isEmpty() || schemas.contains(s.name())).toList();
        return Snapshot.of(catalog, kept);
    }
}
