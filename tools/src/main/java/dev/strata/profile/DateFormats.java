package dev.strata.profile;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a text value by the date format it is written in, and says whether PostgreSQL's {@code ::date}
 * (with the default DateStyle {@code ISO, MDY}) accepts it. Slash dates whose both parts are ≤ 12 are ambiguous:
 * they parse, but half of them mean another day.
 */
public final class DateFormats {

    public static final String ISO = "YYYY-MM-DD";
    public static final String ISO_TIME = "YYYY-MM-DD HH:MI:SS";
    public static final String US = "MM/DD/YYYY";
    public static final String EU = "DD/MM/YYYY";
    public static final String SLASH_AMBIGUOUS = "NN/NN/YYYY (ambiguous)";
    public static final String MON = "DD-Mon-YYYY";
    public static final String COMPACT = "YYYYMMDD";
    public static final String DOTTED = "DD.MM.YYYY";

    private static final Pattern ISO_P = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern ISO_TIME_P = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[ T]\\d{2}:\\d{2}.*");
    private static final Pattern SLASH_P = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern MON_P = Pattern.compile("(\\d{1,2})-([A-Za-z]{3})-(\\d{4})");
    private static final Pattern COMPACT_P = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DOTTED_P = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    private DateFormats() {
    }

    /** The format of {@code v}, or null when it does not look like a date. Zero dates count as their format. */
    public static String format(String v) {
        String s = v.strip();
        // Every format here starts with a digit: most text is rejected without a regex.
        if (s.isEmpty() || !Character.isDigit(s.charAt(0))) return null;
        if (ISO_P.matcher(s).matches()) return ISO;
        if (ISO_TIME_P.matcher(s).matches()) return ISO_TIME;
        Matcher m = SLASH_P.matcher(s);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            if (a > 12 && b <= 12) return EU;
            if (b > 12 && a <= 12) return US;
            return SLASH_AMBIGUOUS;
        }
        if (MON_P.matcher(s).matches()) return MON;
        m = COMPACT_P.matcher(s);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            if (y == 0 || (y >= 1900 && y <= 2200)) return COMPACT;
            return null;
        }
        if (DOTTED_P.matcher(s).matches()) return DOTTED;
        return null;
    }

    /** Whether {@code v::date} succeeds under DateStyle ISO, MDY (approximately: the formats above). */
    public static boolean castsToDate(String v) {
        String s = v.strip();
        if (s.isEmpty() || !Character.isDigit(s.charAt(0))) return false;
        try {
            Matcher m = ISO_P.matcher(s);
            if (m.matches() || (m = ISO_TIME_P.matcher(s)).matches()) return valid(m.group(1), m.group(2), m.group(3));
            m = SLASH_P.matcher(s);
            if (m.matches()) return valid(m.group(3), m.group(1), m.group(2));
            m = DOTTED_P.matcher(s);
            if (m.matches()) return valid(m.group(3), m.group(1), m.group(2));
            m = MON_P.matcher(s);
            if (m.matches()) {
                Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
                return month != null && valid(m.group(3), String.valueOf(month), m.group(1));
            }
            m = COMPACT_P.matcher(s);
            if (m.matches()) return valid(m.group(1), m.group(2), m.group(3));
        } catch (NumberFormatException e) {
            return false;
        }
        return false;
    }

    private static boolean valid(String y, String m, String d) {
        try {
            LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
            return Integer.parseInt(y) > 0;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Formats whose text order is not date order: comparing or sorting them as strings is wrong. */
    public static boolean sortsAsText(String format) {
        return format.equals(ISO) || format.equals(ISO_TIME) || format.equals(COMPACT);
    }
}
