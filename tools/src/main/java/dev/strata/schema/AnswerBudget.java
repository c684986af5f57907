package dev.strata.schema;

import dev.strata.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How big an answer may be for an assistant that reads all of it: a number of tokens (default 25,000, estimated
 * at 3.5 characters of JSON per token, which errs on the side of smaller pages), and the cursor that says where
 * the next page starts. Cursors are opaque to the caller and checked on the way back.
 */
public final class AnswerBudget {

    public static final int DEFAULT_TOKENS = 25_000;
    public static final int MIN_TOKENS = 1_000;
    public static final int MAX_TOKENS = 200_000;
    private static final double CHARS_PER_TOKEN = 3.5;

    private final int tokens;
    private int used;

    private AnswerBudget(int tokens) {
        this.tokens = tokens;
    }

    /** {@code maxTokens} null means the default; out of range is a usage error the caller can fix. */
    public static AnswerBudget of(Integer maxTokens) {
        if (maxTokens == null) return new AnswerBudget(DEFAULT_TOKENS);
        if (maxTokens < MIN_TOKENS || maxTokens > MAX_TOKENS) {
            throw new ToolException("max_tokens must be between " + MIN_TOKENS + " and " + MAX_TOKENS + " (got "
                    + maxTokens + ")");
        }
        return new AnswerBudget(maxTokens);
    }

    public int tokens() {
        return tokens;
    }

    public int used() {
        return used;
    }

    /** Estimated tokens of a value once written as JSON. */
    public static int estimate(Object value) {
        return (int) Math.ceil(Json.write(value).length() / CHARS_PER_TOKEN);
    }

    /** Counts a part that is always sent (summary, notes). */
    public void spend(int estimate) {
        used += estimate;
    }

    /** Takes the item if it fits; the first item of a page always fits, so a page is never empty. */
    public boolean take(Object item, boolean firstOfPage) {
        int cost = estimate(item);
        if (!firstOfPage && used + cost > tokens) return false;
        used += cost;
        return true;
    }

    /** An opaque cursor for {@code kind} (which tool) at these positions. */
    public static String cursor(String kind, int... positions) {
        StringBuilder sb = new StringBuilder(kind);
        for (int p : positions) sb.append(':').append(p);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The positions of a cursor this tool issued, or a usage error that says what to pass. */
    public static int[] positions(String cursor, String kind, int count) {
        if (cursor == null || cursor.isBlank()) return new int[count];
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            String[] parts = s.split(":");
            if (parts.length == count + 1 && parts[0].equals(kind)) {
                int[] out = new int[count];
                for (int i = 0; i < count; i++) {
                    out[i] = Integer.parseInt(parts[i + 1]);
                    if (out[i] < 0) throw new NumberFormatException();
                }
                return out;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the usage error
        }
        throw new ToolException("cursor '" + cursor + "' is not one this tool issued; pass the next_cursor of the "
                + "previous answer with the same other arguments, or omit it to start from the beginning");
    }
}
