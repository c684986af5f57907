package dev.strata.catalog;

import dev.strata.ScratchSchemas;
import dev.strata.db.Database;
import dev.strata.schema.SchemaExplorer;
import dev.strata.schema.SchemaKnowledge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Table arguments accept names as {@code list_tables} prints them: {@code public.Album} for the quoted CamelCase
 * table {@code "Album"}, not only {@code public."Album"}. SQL keeps PostgreSQL's folding ({@link Catalog#resolve}).
 */
class CamelCaseNamesTest {

    static SchemaKnowledge knowledge;

    @BeforeAll
    static void load() {
        Database db = ScratchSchemas.create("camelnames", """
                CREATE TABLE "Album" ("AlbumId" int PRIMARY KEY, "Title" text);
                CREATE TABLE "Track" ("TrackId" int PRIMARY KEY, "AlbumId" int);
                CREATE SCHEMA "Sales";
                CREATE TABLE "Sales"."Invoice" ("InvoiceId" int PRIMARY KEY);
                CREATE TABLE twins (id int); CREATE TABLE "Twins" (id int);
                """);
        knowledge = ScratchSchemas.knowledge(db);
    }

    @Test
    void printedNamesResolveAsTheyArePrinted() {
        Catalog c = knowledge.catalog();
        assertThat(c.resolveLeniently("public.Album")).map(Relation::name).contains("Album");
        assertThat(c.resolveLeniently("Album")).map(Relation::name).contains("Album");
        assertThat(c.resolveLeniently("public.\"Album\"")).map(Relation::name).contains("Album");
        assertThat(c.resolveLeniently("Sales.Invoice")).map(Relation::qualifiedName).contains("Sales.Invoice");
        assertThat(c.resolveLeniently("album")).as("differs only in case from one table").map(Relation::name)
                .contains("Album");
        // Both spellings exist: the unquoted one means the folded table, the quoted one the other.
        assertThat(c.resolveLeniently("twins")).map(Relation::name).contains("twins");
        assertThat(c.resolveLeniently("\"Twins\"")).map(Relation::name).contains("Twins");
        assertThat(c.resolveLeniently("Twins")).as("verbatim spelling exists").map(Relation::name).contains("Twins");
        // SQL semantics are unchanged: unquoted Album is album, which does not exist.
        assertThat(c.resolve("public.Album")).isEmpty();
    }

    @Test
    void everyToolThatTakesATableAcceptsThePrintedName() {
        SchemaExplorer explorer = new SchemaExplorer(() -> knowledge);
        for (var t : explorer.listTables(null, null, null, null).tables()) {
            String printed = t.schema() + "." + t.name();
            assertThat(explorer.describeTable(printed).name()).isEqualTo(t.name());
            explorer.relationships(printed, 1, true);
        }
        assertThat(explorer.joinPaths("public.Track", "public.Album", 2).paths()).isNotEmpty();
        assertThatThrownBy(() -> explorer.describeTable("public.Albun")).hasMessageContaining("public.Album");
    }
}
