package dev.strata.migration.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.guardrail.Finding;
import dev.strata.guardrail.Severity;
import dev.strata.migration.FileReview;
import dev.strata.migration.MigrationRule;
import dev.strata.migration.MigrationRules;
import dev.strata.migration.Review;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A review as SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run, every migration rule as a
 * reporting descriptor, one result per finding with its file, line and column, the fix in the message, and a
 * partial fingerprint (rule + file + message) so a finding keeps its identity when lines move.
 */
public final class SarifReport {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SarifReport() {
    }

    public static String render(Review review, String version) {
        List<ReportingDescriptor> rules = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (MigrationRule r : MigrationRules.ALL) {
            index.put(r.id(), rules.size());
            rules.add(new ReportingDescriptor().withId(r.id())
                    .withName(camel(r.id()))
                    .withShortDescription(new MultiformatMessageString().withText(r.summary()))
                    .withFullDescription(new MultiformatMessageString().withText(r.summary()))
                    .withHelp(new MultiformatMessageString().withText(r.summary()
                            + ". See the rule list in Strata's README."))
                    .withDefaultConfiguration(new ReportingConfiguration().withLevel(level(r.severity())))
                    .withProperties(new PropertyBag().withTags(new LinkedHashSet<>(List.of("postgresql", "migration")))));
        }
        List<Result> results = new ArrayList<>();
        for (FileReview f : review.files()) {
            for (Finding x : f.findings()) {
                String text = x.message() + (x.fix() == null ? "" : "\nFix: " + x.fix());
                Result r = new Result().withRuleId(x.rule()).withRuleIndex(index.get(x.rule()))
                        .withLevel(resultLevel(x.severity()))
                        .withMessage(new Message().withText(text))
                        .withLocations(List.of(new Location().withPhysicalLocation(new PhysicalLocation()
                                .withArtifactLocation(new ArtifactLocation().withUri(uri(f.file()))
                                        .withUriBaseId("%SRCROOT%"))
                                .withRegion(new Region().withStartLine(x.line()).withStartColumn(x.column())))))
                        .withPartialFingerprints(fingerprint(x, f.file()));
                results.add(r);
            }
        }
        Run run = new Run().withTool(new Tool().withDriver(new ToolComponent().withName("Strata")
                        .withVersion(version).withSemanticVersion(version.replace("-SNAPSHOT", ""))
                        .withInformationUri(URI.create("https://github.com/strata-dev/strata"))
                        .withRules(new LinkedHashSet<>(rules))))
                .withResults(results);
        SarifSchema210 sarif = new SarifSchema210()
                .with$schema(URI.create("https://json.schemastore.org/sarif-2.1.0.json"))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
        return MAPPER.writeValueAsString(sarif);
    }

    /** Rule, file and message (which names the objects): stable when lines move, new when the problem changes. */
    private static PartialFingerprints fingerprint(Finding x, String file) {
        String basis = x.rule() + "|" + file + "|" + x.message();
        PartialFingerprints p = new PartialFingerprints();
        p.setAdditionalProperty("strataFinding/v1", sha256(basis));
        return p;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uri(String file) {
        String f = file.replace('\\', '/');
        while (f.startsWith("./")) f = f.substring(2);
        StringBuilder sb = new StringBuilder();
        for (String part : f.split("/", -1)) {
            if (sb.length() > 0) sb.append('/');
            sb.append(java.net.URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    private static ReportingConfiguration.Level level(Severity s) {
        return switch (s) {
            case ERROR -> ReportingConfiguration.Level.ERROR;
            case WARNING -> ReportingConfiguration.Level.WARNING;
            case INFO -> ReportingConfiguration.Level.NOTE;
        };
    }

    private static Result.Level resultLevel(Severity s) {
        return switch (s) {
            case ERROR -> Result.Level.ERROR;
            case WARNING -> Result.Level.WARNING;
            case INFO -> Result.Level.NOTE;
        };
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

}
