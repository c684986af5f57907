package dev.strata.text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a name says about itself, shared by describe_table's notes, migration review and the legibility report:
 * its case style, whether it looks temporary or legacy, and the threshold past which a table counts as wide.
 */
public final class Naming {

    /** A name's case convention. */
    public enum Style {
        SNAKE("snake_case"), CAMEL("camelCase"), PASCAL("PascalCase"), UPPER("UPPER_CASE"), OTHER("mixed");

        private final String label;

        Style(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** More columns than this make a table "wide" (describe_table note, wide-table rules). */
    public static final int WIDE_TABLE_COLUMNS = 60;

    private static final Pattern TEMPORARY = Pattern.compile(
            "^(tmp|temp|old|bak|backup|copy|test)_.*|.*_(tmp|temp|old|bak|backup|copy|new|v\\d+)$");

    private Naming() {
    }

    public static Style style(String name) {
        if (name.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) return Style.SNAKE;
        if (name.matches("[a-z][a-z0-9]*([A-Z][a-z0-9]*)+")) return Style.CAMEL;
        if (name.matches("([A-Z][a-z0-9]+)+")) return Style.PASCAL;
        if (name.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) return Style.UPPER;
        return Style.OTHER;
    }

    /** {@code tmp_orders}, {@code old_users}, {@code orders_bak}, {@code users_v2}. */
    public static boolean looksTemporary(String name) {
        return TEMPORARY.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }
}
