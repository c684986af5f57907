package dev.strata.migration;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a TimeZone setting is UTC for PostgreSQL's purposes: a zone whose offset is always zero
 * ({@code pg_get_timezone_offset} succeeds with 0), which is what lets timestamp ↔ timestamptz skip the rewrite.
 * {@code Europe/London} is not: its offset is zero only in winter.
 */
public final class TimeZones {

    /** The TimeZone could not be known (no SET in the script and no database to ask). */
    public static final String UNKNOWN = null;

    private static final Set<String> ZERO = Set.of("utc", "etc/utc", "gmt", "etc/gmt", "gmt0", "etc/gmt0", "gmt+0",
            "etc/gmt+0", "gmt-0", "etc/gmt-0", "greenwich", "etc/greenwich", "uct", "etc/uct", "universal",
            "etc/universal", "zulu", "etc/zulu", "utc0", "0", "+0", "-0", "00:00", "+00:00", "-00:00", "0:00",
            "interval '0' hour", "interval '+00:00' hour to minute", "interval '00:00' hour to minute");

    private TimeZones() {
    }

    /** TRUE for a fixed zero offset, FALSE for any other zone, null when unknown (or LOCAL / DEFAULT). */
    public static Boolean isUtc(String timezone) {
        if (timezone == null) return null;
        String tz = timezone.trim().toLowerCase(Locale.ROOT);
        if (tz.length() >= 2 && tz.startsWith("'") && tz.endsWith("'")) tz = tz.substring(1, tz.length() - 1);
        if (tz.equals("local") || tz.equals("default")) return null;
        return ZERO.contains(tz.replaceAll("\\s+", " "));
    }
}
