package dev.strata.profile;

import dev.strata.catalog.Column;

import java.util.regex.Pattern;

/**
 * Masks values of columns that look personal (emails, names, phone numbers, tokens, hashes, addresses), judged by
 * the column's name and by the shape of its values. Masking keeps the shape ({@code u***@example.com},
 * {@code M**** S******}, {@code +## ## #######}) so a detector's evidence still explains itself without showing
 * whose data it is.
 */
public final class Masking {

    private static final Pattern PERSONAL_NAME = Pattern.compile("(?i).*(e_?mail|phone|mobile|fax|full_?name|"
            + "first_?name|last_?name|surname|given_?name|contact|person|birth|dob|ssn|tax_?id|vat_?id|iban|"
            + "passport|address|street|addr\\d*|post_?code|zip|token|secret|password|passwd|hash|api_?key|session|"
            + "ip_?addr).*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{7,20}");
    private static final Pattern TOKEN = Pattern.compile("[A-Fa-f0-9]{32,}|[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}\\..*|"
            + "(sk|pk|ghp|xox[bp])[_-][A-Za-z0-9]{16,}");

    private Masking() {
    }

    /** Whether a column's name says it holds personal data (email, phone, address, token…). */
    public static boolean personalName(String column) {
        return PERSONAL_NAME.matcher(column).matches();
    }

    /** Whether the column's values should be masked: by its name, or because most sampled values look personal. */
    public static boolean personal(Column column, ValueSample sample) {
        if (personalName(column.name())) return true;
        if (column.typeCategory() != 'S' || sample == null || sample.values().isEmpty()) return false;
        double personal = 0;
        double all = 0;
        for (ValueSample.Weighted w : sample.values()) {
            all += w.weight();
            String v = w.value().strip();
            // Personal values are short; long text is prose (and regexes over it cost time, not insight).
            if (v.length() > 200 || DateFormats.format(v) != null) continue;
            if (EMAIL.matcher(v).matches() || TOKEN.matcher(v).matches()
                    || (PHONE.matcher(v).matches() && v.chars().filter(Character::isDigit).count() >= 7
                    && (v.startsWith("+") || v.contains(" ") || v.contains("-")))) {
                personal += w.weight();
            }
        }
        return all > 0 && personal / all >= 0.5;
    }

    /** The value with its content hidden and its shape kept. */
    public static String mask(String value) {
        if (value == null) return null;
        int at = value.indexOf('@');
        if (at > 0 && EMAIL.matcher(value.strip()).matches()) {
            return value.charAt(0) + "***" + value.substring(at);
        }
        StringBuilder sb = new StringBuilder(value.length());
        boolean wordStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetter(c)) {
                sb.append(wordStart ? c : '*');
                wordStart = false;
            } else if (Character.isDigit(c)) {
                sb.append('#');
                wordStart = false;
            } else {
                sb.append(c);
                wordStart = true;
            }
        }
        return sb.toString();
    }
}
