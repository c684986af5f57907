package dev.strata.server;

import dev.strata.guardrail.GuardRule;
import dev.strata.guardrail.GuardRules;
import dev.strata.legibility.LegibilityCheck;
import dev.strata.legibility.SchemaReport;
import dev.strata.migration.MigrationRule;
import dev.strata.migration.MigrationRules;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract in {@code docs/} stays in sync with the code, both ways: {@code docs/rules.md} and
 * {@code docs/tools.md} are exactly what the rule registries and the tool manifests say (regenerate with
 * {@code mvn -pl server -am test -Dtest=ContractDocsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dstrata.docs.update=true}), every rule the code registers is named in {@code docs/CONTRACT.md}, and the
 * contract's tool table lists exactly the tools the server has.
 */
class ContractDocsTest {

    static final Path DOCS = Path.of("..", "docs");
    static final Path MANIFESTS = Path.of("src", "main", "resources", "dev", "strata", "mcp", "tools");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String REGENERATE = "regenerate with: mvn -pl server -am test -Dtest=ContractDocsTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dstrata.docs.update=true";

    @Test
    void rulesAndToolsPagesAreWhatTheCodeSays() throws IOException {
        String rules = renderRules(contractRuleIds());
        String tools = renderTools();
        if (Boolean.getBoolean("strata.docs.update")) {
            Files.writeString(DOCS.resolve("rules.md"), rules, StandardCharsets.UTF_8);
            Files.writeString(DOCS.resolve("tools.md"), tools, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOCS.resolve("rules.md"), StandardCharsets.UTF_8)).as("docs/rules.md; "
                + REGENERATE).isEqualTo(rules);
        assertThat(Files.readString(DOCS.resolve("tools.md"), StandardCharsets.UTF_8)).as("docs/tools.md; "
                + REGENERATE).isEqualTo(tools);
    }

    @Test
    void theContractNamesEveryRuleAndExactlyTheToolsOfTheCode() throws IOException {
        Set<String> contract = contractRuleIds();
        assertThat(contract).as("rule ids in docs/CONTRACT.md").containsAll(codeRuleIds());
        Set<String> contractTools = contractToolNames();
        assertThat(contractTools).as("tools in docs/CONTRACT.md's table").isEqualTo(manifestToolNames());
    }

    // ------------------------------------------------------------------ the code

    static Set<String> codeRuleIds() {
        Set<String> ids = new TreeSet<>();
        GuardRules.ALL.forEach(r -> ids.add(r.id()));
        MigrationRules.ALL.forEach(r -> ids.add(r.id()));
        SchemaReport.CHECKS.forEach(c -> ids.add(c.id()));
        return ids;
    }

    static Set<String> manifestToolNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode m : manifests()) names.add(m.path("name").asString());
        return names;
    }

    static List<JsonNode> manifests() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(JSON.readTree(Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the contract

    /** Backticked kebab-case ids in the first column of the tables under "## Rule ids", and the "also uses" line. */
    static Set<String> contractRuleIds() throws IOException {
        String text = Files.readString(DOCS.resolve("CONTRACT.md"), StandardCharsets.UTF_8);
        String section = text.substring(text.indexOf("## Rule ids"));
        int next = section.indexOf("\n## ", 5);
        if (next > 0) section = section.substring(0, next);
        Set<String> ids = new LinkedHashSet<>();
        Pattern id = Pattern.compile("`([a-z][a-z0-9]*(?:-[a-z0-9]+)*)`");
        boolean alsoUses = false;
        for (String line : section.lines().toList()) {
            alsoUses = line.contains("also uses") || (alsoUses && !line.isBlank());
            String scope = line.startsWith("| `") ? line.substring(0, line.indexOf('|', 1)) : alsoUses ? line : "";
            Matcher m = id.matcher(scope);
            while (m.find()) ids.add(m.group(1));
        }
        return ids;
    }

    static Set<String> contractToolNames() throws IOException {
        String text = Files.readString(DOCS.resolve("CONTRACT.md"), StandardCharsets.UTF_8);
        String section = text.substring(text.indexOf("## MCP tools"), text.indexOf("## Rule ids"));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(section);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    // ------------------------------------------------------------------ rendering

    static String renderRules(Set<String> contract) {
        StringBuilder out = new StringBuilder();
        out.append("# Rule ids implemented in this version\n\n")
                .append("Generated from the rule registries by `ContractDocsTest` (which fails when this page and the ")
                .append("code disagree). The ids are the public contract ([CONTRACT.md](CONTRACT.md)); each rule is ")
                .append("one class whose Javadoc gives a bad and a good example.\n\n");
        out.append("## Query guardrail (`validate_sql`, `run_query`)\n\n")
                .append("`tools/src/main/java/dev/strata/guardrail/rules/`, registry `GuardRules.ALL`.\n\n")
                .append("| rule | severity | summary |\n|---|---|---|\n");
        for (GuardRule r : GuardRules.ALL) row(out, r.id(), r.severity().toString(), r.summary());
        out.append("\n## Migration review (`review_migration`, `check`)\n\n")
                .append("`tools/src/main/java/dev/strata/migration/rules/`, registry `MigrationRules.ALL`. ")
                .append("Severity is the default; table size and `.strata.yml` can change it.\n\n")
                .append("| rule | severity | summary |\n|---|---|---|\n");
        for (MigrationRule r : MigrationRules.ALL) row(out, r.id(), r.severity().toString(), r.summary());
        out.append("\n## Legibility report (`schema_report`)\n\n")
                .append("`tools/src/main/java/dev/strata/legibility/checks/`, registry `SchemaReport.CHECKS`.\n\n")
                .append("| rule | check |\n|---|---|\n");
        for (LegibilityCheck c : SchemaReport.CHECKS) {
            out.append("| `").append(c.id()).append("` | `").append(c.getClass().getSimpleName()).append("` |\n");
        }
        Set<String> planned = new TreeSet<>(contract);
        planned.removeAll(codeRuleIds());
        out.append("\n## In the contract, not implemented in this version\n\n");
        if (planned.isEmpty()) {
            out.append("None.\n");
        } else {
            out.append("Reserved: no rule reports these ids yet.\n\n");
            for (String id : planned) out.append("- `").append(id).append("`\n");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String id, String severity, String summary) {
        out.append("| `").append(id).append("` | ").append(severity.toLowerCase(Locale.ROOT)).append(" | ")
                .append(summary.replace("|", "\\|").replace("\n", " ")).append(" |\n");
    }

    static String renderTools() throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# MCP tools: arguments and fields\n\n")
                .append("Generated from the tool manifests (`server/src/main/resources/dev/strata/mcp/tools/*.json`) ")
                .append("by `ContractDocsTest`, which fails when this page and the manifests disagree. A field ")
                .append("marked * is always present; `a.b` is a field of the objects in `a`.\n");
        for (JsonNode m : manifests()) {
            out.append("\n## `").append(m.path("name").asString()).append("` — ").append(m.path("title").asString())
                    .append("\n\n").append(m.path("description").asString().strip()).append("\n\n");
            JsonNode a = m.path("annotations");
            out.append("Annotations: readOnlyHint ").append(a.path("readOnlyHint").asBoolean())
                    .append(", destructiveHint ").append(a.path("destructiveHint").asBoolean())
                    .append(", idempotentHint ").append(a.path("idempotentHint").asBoolean())
                    .append(", openWorldHint ").append(a.path("openWorldHint").asBoolean()).append(".\n\n");
            out.append("Arguments: ").append(fields(m.path("inputSchema"), "")).append("\n\n");
            out.append("Returns (`structuredContent`): ").append(fields(m.path("outputSchema"), "")).append("\n");
        }
        return out.toString();
    }

    /** {@code `name`*: type} for each property, objects and arrays of objects one level down. */
    private static String fields(JsonNode schema, String prefix) {
        List<String> parts = new ArrayList<>();
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        JsonNode props = schema.path("properties");
        for (Iterator<String> it = props.propertyNames().iterator(); it.hasNext(); ) {
            String name = it.next();
            JsonNode p = props.path(name);
            String type = type(p);
            parts.add("`" + prefix + name + "`" + (required.contains(name) ? "*" : "") + ": " + type);
            JsonNode nested = p.path("type").asString().equals("array") ? p.path("items") : p;
            if (prefix.isEmpty() && nested.path("properties").isObject() && !nested.path("properties").isEmpty()) {
                parts.add("(" + fields(nested, name + ".") + ")");
            }
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String type(JsonNode p) {
        JsonNode t = p.path("type");
        String type = t.isArray() ? String.join("|", t.valueStream().map(JsonNode::asString).toList())
                : t.isMissingNode() ? "any" : t.asString();
        if (type.equals("array")) type = type(p.path("items")) + "[]";
        return type;
    }
}
