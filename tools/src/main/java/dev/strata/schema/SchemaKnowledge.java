package dev.strata.schema;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.CatalogLoader;
import dev.strata.db.Database;
import dev.strata.relationships.PgTypeValues;
import dev.strata.relationships.ReferenceVerifier;
import dev.strata.relationships.RelationshipGraph;

import java.util.List;

/**
 * Everything Strata knows about the schema at one moment: the catalog, the relationship graph and the
 * soft-delete usage. Immutable; a reload builds a new one.
 */
public record SchemaKnowledge(Catalog catalog, RelationshipGraph graph, SoftDeleteUsage softDelete) {

    /** Loads the catalog, then reads the few data facts relationships need (polymorphic values, pg_stats). */
    public static SchemaKnowledge load(Database database, List<String> schemas) {
        Catalog catalog = new CatalogLoader(schemas).load(database);
        RelationshipGraph graph = RelationshipGraph.build(catalog, new PgTypeValues(database),
                new ReferenceVerifier(database, ReferenceVerifier.Budget.defaults()));
        return new SchemaKnowledge(catalog, graph, SoftDeleteUsage.load(catalog, database));
    }
}
