package dev.strata.legibility;

import dev.strata.ScratchSchemas;
import dev.strata.db.Database;
import dev.strata.guardrail.Finding;
import dev.strata.json.Json;
import dev.strata.schema.SchemaExplorer;
import dev.strata.schema.SchemaKnowledge;
import dev.strata.schema.SchemaViews.EdgeInfo;
import dev.strata.schema.SchemaViews.RelationshipList;
import dev.strata.schema.ToolException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * schema_report and get_relationships on a schema too big for one answer (600 tables, hundreds of undeclared
 * references): every page within the token budget, summary counts first, findings by severity across pages, a
 * cursor that visits every finding once; drafts that run only where the rows confirm; soft delete only where it
 * is soft delete.
 */
class ReportBudgetTest {

    static SchemaKnowledge big;
    static SchemaKnowledge small;

    @BeforeAll
    static void load() {
        StringBuilder ddl = new StringBuilder("CREATE TABLE account (id serial PRIMARY KEY, name text);\n");
        for (int i = 0; i < 600; i++) {
            ddl.append("CREATE TABLE item_").append(i).append(" (id serial PRIMARY KEY, account_id int, ")
                    .append(i > 0 ? "item_" + (i - 1) + "_id int, " : "").append("flag1 int, payload text);\n");
        }
        big = ScratchSchemas.knowledge(ScratchSchemas.create("reportbig", ddl.toString()));
        Database db = ScratchSchemas.create("reportsmall", """
                CREATE TABLE region (code text PRIMARY KEY, name text);
                INSERT INTO region VALUES ('eu', 'Europe'), ('us', 'United States'), ('ap', 'Asia Pacific');
                CREATE TABLE customer (id serial PRIMARY KEY, region_code text, deleted_at timestamptz);
                INSERT INTO customer (region_code, deleted_at) SELECT (ARRAY['eu','us','ap'])[1 + g % 3],
                  CASE WHEN g % 10 = 0 THEN now() END FROM generate_series(1, 3000) g;
                CREATE TABLE shipment (id serial PRIMARY KEY, region_code text, customer_id int);
                INSERT INTO shipment (region_code, customer_id) SELECT CASE WHEN g % 20 = 0 THEN 'xx'
                  ELSE (ARRAY['eu','us'])[1 + g % 2] END, 1 + g % 3000 FROM generate_series(1, 2000) g;
                CREATE TABLE customer_archive (id int PRIMARY KEY, deleted_at timestamptz NOT NULL);
                INSERT INTO customer_archive SELECT g, now() FROM generate_series(1, 2000) g;
                CREATE TABLE tag (id serial PRIMARY KEY, deleted_at timestamptz);
                INSERT INTO tag DEFAULT VALUES; INSERT INTO tag DEFAULT VALUES; INSERT INTO tag DEFAULT VALUES;
                CREATE TABLE session_log (id serial PRIMARY KEY, deleted_at timestamptz);
                INSERT INTO session_log (deleted_at) SELECT now() FROM generate_series(1, 2000);
                ANALYZE;
                """);
        small = ScratchSchemas.knowledge(db);
    }

    @Test
    void reportPagesStayWithinTheBudgetAndVisitEveryFindingOnce() {
        SchemaReportResult whole = new SchemaReport().run(big, null, null, null);
        assertThat(whole.findings().size()).isGreaterThan(600);
        List<Finding> seen = new ArrayList<>();
        int comments = 0;
        String cursor = null;
        int pages = 0;
        do {
            SchemaReportResult page = new SchemaReport().run(big, null, null, null, cursor, 5_000);
            String json = Json.write(page);
            assertThat(json.length() / 3.5).as("page %d size", pages).isLessThanOrEqualTo(5_000 * 1.05);
            assertThat(json).as("summary first").startsWith("{\"tables_examined\"");
            if (!page.findings().isEmpty()) {
                assertThat(json.indexOf("\"summary\"")).isLessThan(json.indexOf("\"findings\""));
            }
            assertThat(page.summary().findingsTotal()).isEqualTo(whole.findings().size());
            seen.addAll(page.findings());
            comments += page.suggestedComments().size();
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 200);
        assertThat(pages).isGreaterThan(2);
        assertThat(seen).containsExactlyElementsOf(whole.findings());
        assertThat(comments).isEqualTo(whole.suggestedComments().size());
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).severity().ordinal()).as("by severity").isGreaterThanOrEqualTo(
                    seen.get(i - 1).severity().ordinal());
        }
        SchemaReportResult first = new SchemaReport().run(big, null, null, null, null, null);
        assertThat(Json.write(first).length() / 3.5).as("default budget 25k tokens").isLessThanOrEqualTo(25_000);
        assertThat(first.summary().bySeverity()).containsKeys("error", "warning", "info");
        assertThat(first.text()).doesNotContain("null:null").startsWith("601 table(s) examined");
        assertThatThrownBy(() -> new SchemaReport().run(big, null, null, null, "nonsense", null))
                .isInstanceOf(ToolException.class).hasMessageContaining("next_cursor");
        assertThatThrownBy(() -> new SchemaReport().run(big, null, null, null, null, 10))
                .hasMessageContaining("max_tokens must be between");
    }

    @Test
    void relationshipsOfTheWholeGraphArePagedWithTheirTotal() {
        SchemaExplorer explorer = new SchemaExplorer(() -> big);
        RelationshipList first = explorer.relationships(null, null, null, null, 2_000);
        assertThat(first.total()).isGreaterThan(1000);
        assertThat(first.nextCursor()).isNotNull();
        Set<String> all = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            RelationshipList page = explorer.relationships(null, null, null, cursor, 2_000);
            assertThat(Json.write(page).length() / 3.5).isLessThanOrEqualTo(2_000 * 1.05);
            for (EdgeInfo e : page.edges()) {
                assertThat(all.add(e.fromTable() + e.fromColumns() + e.toTable() + e.toColumns() + e.typeFilter()))
                        .isTrue();
            }
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 500);
        assertThat(all).hasSize(first.total());
    }

    @Test
    void draftsRunOnlyWhereTheRowsConfirm() {
        SchemaReportResult r = new SchemaReport().run(small, null, null, null);
        List<Finding> refs = r.findings().stream().filter(f -> f.rule().equals("undeclared-reference")).toList();
        Finding confirmed = refs.stream().filter(f -> f.table().equals("public.customer")).findFirst().orElseThrow();
        assertThat(confirmed.fix()).startsWith("ALTER TABLE public.customer ADD CONSTRAINT").contains("NOT VALID");
        Finding orphans = refs.stream().filter(f -> f.table().equals("public.shipment")
                && f.columnName().equals("region_code")).findFirst().orElseThrow();
        assertThat(orphans.fix()).doesNotContain("ALTER TABLE").contains("NOT EXISTS");
        assertThat(orphans.evidence()).containsEntry("data_check", "orphans");
        assertThat(refs).allSatisfy(f -> {
            if (f.fix().startsWith("ALTER TABLE")) {
                assertThat((double) f.evidence().get("confidence")).isGreaterThanOrEqualTo(0.8);
                assertThat(f.evidence().get("data_check")).isIn("confirmed", "consistent");
            }
        });
    }

    @Test
    void softDeleteOnlyWhereSomeRowsAreMarkedAndTheColumnMayBeNull() {
        assertThat(small.softDelete().of("public.customer")).hasValueSatisfying(u -> assertThat(u.used()).isTrue());
        assertThat(small.softDelete().of("public.customer_archive")).as("NOT NULL deleted_at: an archive").isEmpty();
        assertThat(small.softDelete().of("public.session_log")).as("every row marked: not soft delete").isEmpty();
        assertThat(small.softDelete().of("public.tag")).hasValueSatisfying(u -> {
            assertThat(u.markedFraction()).isZero();
            assertThat(u.neverWritten()).as("three rows prove nothing").isFalse();
        });
        SchemaReportResult r = new SchemaReport().run(small, null, null, null);
        assertThat(r.findings()).noneMatch(f -> f.rule().equals("soft-delete-partial")
                && (f.message().contains("customer_archive") || f.message().contains("public.tag")));
    }
}
