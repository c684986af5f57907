package dev.strata.guardrail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One case of a SQL test-data file: {@code -- case: name}, optional {@code -- expect: rule, rule} and
 * {@code -- why: …} lines, then the SQL up to the next case. Text before the first case is the file's preamble.
 */
record CorpusCase(String name, List<String> expect, String sql) {

    @Override
    public String toString() {
        return name;
    }

    static List<CorpusCase> load(String resource) {
        String text;
        try (InputStream in = CorpusCase.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test data " + resource);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<CorpusCase> cases = new ArrayList<>();
        String name = null;
        List<String> expect = List.of();
        StringBuilder sql = new StringBuilder();
        boolean header = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("-- case:")) {
                if (name != null) cases.add(new CorpusCase(name, expect, sql.toString().strip()));
                name = line.substring("-- case:".length()).strip();
                expect = List.of();
                sql.setLength(0);
                header = true;
            } else if (header && line.startsWith("-- expect:")) {
                expect = Arrays.stream(line.substring("-- expect:".length()).split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
            } else if (header && line.startsWith("-- why:")) {
                // documentation only
            } else if (name != null) {
                header = false;
                sql.append(line).append('\n');
            }
        }
        if (name != null) cases.add(new CorpusCase(name, expect, sql.toString().strip()));
        return cases;
    }
}
