package dev.strata.server.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --help} reads well in an 80-column terminal: no line overflows, no command synopsis is split. */
class HelpTest {

    static String help(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThat(StrataCli.run(Map.of(), args)).isZero();
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpFitsEightyColumns() {
        for (String[] args : new String[][]{{"--help"}, {"check", "--help"}, {"validate", "--help"}, {"demo", "--help"},
                {"snapshot", "--help"}, {"diff", "--help"}}) {
            String text = help(args);
            assertThat(text.lines()).as(String.join(" ", args)).allSatisfy(line ->
                    assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(80));
        }
        String main = help("--help");
        assertThat(main).contains("\n  validate  \"SQL\" [--url URL] [--format text|json]\n"
                + "            one query through the guardrail\n");
        assertThat(main).contains("  diff      OLD NEW [--url URL] [--format text|json]\n");
    }

    @Test
    void widthFollowsTheTerminalWithinLimits() {
        assertThat(StrataCli.helpWidth(null)).isEqualTo(80);
        assertThat(StrataCli.helpWidth("60")).isEqualTo(80);
        assertThat(StrataCli.helpWidth("92")).isEqualTo(92);
        assertThat(StrataCli.helpWidth("300")).isEqualTo(100);
        assertThat(StrataCli.helpWidth("wide")).isEqualTo(80);
    }
}
