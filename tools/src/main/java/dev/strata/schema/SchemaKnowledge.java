package dev.strata.schema;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.CatalogLoader;
import dev.strata.db.Database;
import dev.strata.relationships.PgTypeValues;
import dev.strata.relationships.ReferenceVerifier;
import dev.strata.relationships.RelationshipGraph;

import java.util.List;
import java.util.function.Consumer;

/**
 * Everything Strata knows about the schema at one moment: the catalog, the relationship graph and the
 * soft-delete usage. Immutable; a reload builds a new one.
 */
public record SchemaKnowledge(Catalog catalog, RelationshipGraph graph, SoftDeleteUsage softDelete) {

    /** Loads the catalog, then reads the data facts relationships need (type values, pg_stats, data checks). */
    public static SchemaKnowledge load(Database database, List<String> schemas) {
        return load(database, schemas, provisional -> { });
    }

    /**
     * As {@link #load(Database, List)}; {@code provisional} first receives the knowledge before the inferred
     * references' data checks run (their edges then carry no {@code data_check}), to be served meanwhile.
     */
    public static SchemaKnowledge load(Database database, List<String> schemas,
                                       Consumer<SchemaKnowledge> provisional) {
        Catalog catalog = new CatalogLoader(schemas).load(database);
        SoftDeleteUsage softDelete = SoftDeleteUsage.load(catalog, database);
        RelationshipGraph graph = RelationshipGraph.build(catalog, new PgTypeValues(database),
                new ReferenceVerifier(database, ReferenceVerifier.Budget.defaults()),
                unchecked -> provisional.accept(new SchemaKnowledge(catalog, unchecked, softDelete)));
        return new SchemaKnowledge(catalog, graph, softDelete);
    }
}
