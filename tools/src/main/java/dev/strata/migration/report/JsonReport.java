package dev.strata.migration.report;

import dev.strata.guardrail.Finding;
import dev.strata.migration.FileReview;
import dev.strata.migration.Review;
import dev.strata.migration.StatementReport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code check --format json}: the same document {@code Json.pretty(review)} produces (snake_case names, no null or
 * empty fields), written with Jackson's streaming generator. Databind's reflection costs a CI run about half a
 * second of start-up for one small document; {@code JsonReportTest} holds the two to the same bytes.
 */
public final class JsonReport {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    public static String render(Review review) {
        StringWriter out = new StringWriter();
        ObjectWriteContext pretty = new ObjectWriteContext.Base() {
            @Override
            public PrettyPrinter getPrettyPrinter() {
                return new DefaultPrettyPrinter();
            }

            @Override
            public boolean hasPrettyPrinter() {
                return true;
            }
        };
        try (JsonGenerator g = FACTORY.createGenerator(pretty, out)) {
            g.writeStartObject();
            g.writeBooleanProperty("ok", review.ok());
            g.writeNumberProperty("pg_version", review.pgVersion());
            string(g, "pg_version_source", review.pgVersionSource());
            if (!review.files().isEmpty()) {
                g.writeArrayPropertyStart("files");
                for (FileReview f : review.files()) file(g, f);
                g.writeEndArray();
            }
            strings(g, "skipped_rules", review.skippedRules());
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void file(JsonGenerator g, FileReview f) {
        g.writeStartObject();
        string(g, "file", f.file());
        g.writeBooleanProperty("ok", f.ok());
        if (!f.statements().isEmpty()) {
            g.writeArrayPropertyStart("statements");
            for (StatementReport s : f.statements()) statement(g, s);
            g.writeEndArray();
        }
        if (!f.findings().isEmpty()) {
            g.writeArrayPropertyStart("findings");
            for (Finding x : f.findings()) finding(g, x);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void statement(JsonGenerator g, StatementReport s) {
        g.writeStartObject();
        g.writeNumberProperty("index", s.index());
        g.writeNumberProperty("line", s.line());
        string(g, "kind", s.kind());
        strings(g, "tables", s.tables());
        string(g, "lock", s.lock());
        g.writeBooleanProperty("rewrites_table", s.rewritesTable());
        if (s.rowsEstimate() != null) g.writeNumberProperty("rows_estimate", s.rowsEstimate());
        if (!s.locks().isEmpty()) {
            g.writeArrayPropertyStart("locks");
            for (StatementReport.Lock l : s.locks()) {
                g.writeStartObject();
                string(g, "object", l.object());
                string(g, "kind", l.kind());
                string(g, "mode", l.mode());
                string(g, "form", l.form());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        strings(g, "rewritten", s.rewritten());
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f) {
        g.writeStartObject();
        string(g, "rule", f.rule());
        string(g, "severity", f.severity().label());
        string(g, "message", f.message());
        if (f.line() != null) g.writeNumberProperty("line", f.line());
        if (f.column() != null) g.writeNumberProperty("column", f.column());
        string(g, "table", f.table());
        string(g, "column_name", f.columnName());
        string(g, "fix", f.fix());
        if (f.evidence() != null && !f.evidence().isEmpty()) {
            g.writeName("evidence");
            value(g, f.evidence());
        }
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String name, String value) {
        if (value != null && !value.isEmpty()) g.writeStringProperty(name, value);
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        if (values == null || values.isEmpty()) return;
        g.writeArrayPropertyStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    /** Evidence values: numbers, strings, booleans, and lists or maps of them (empty ones left out, as databind does). */
    private static void value(JsonGenerator g, Object v) {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (empty(e.getValue())) continue;
                g.writeName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                if (!empty(o)) value(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    private static boolean empty(Object v) {
        return v == null || v instanceof String s && s.isEmpty() || v instanceof Collection<?> c && c.isEmpty()
                || v instanceof Map<?, ?> m && m.isEmpty();
    }
}
