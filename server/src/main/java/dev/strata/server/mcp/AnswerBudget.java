package dev.strata.server.mcp;

import dev.strata.json.Json;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The size budget every tool answer fits in, whatever the tool. A migration of 620 KB once produced a 17 MB
 * answer; the official TypeScript SDK drops messages over 10 MiB, the client disconnected and the session died.
 *
 * <p>An answer within budget passes untouched. Otherwise every list at the top of the answer (findings, statements,
 * rows, edges, changes…) is cut to the same number of items, the largest that fits both the structured content
 * and the text; what is left out is counted (and grouped by rule or kind where the items have one) in
 * {@code omitted}, and the text ends with a line saying so. Tools that accept {@code offset} return the next
 * items of every list from there, with {@code next_offset} while more remain; the others say how to narrow the
 * request. Strings longer than a page are shortened only when a single item is still over budget.
 *
 * <p>Plain Java over the tools' own results: the text of a cut answer is rendered by the tool's own renderer from
 * the cut result (records are cut component by component), so text and structured content show the same items.
 */
final class AnswerBudget {

    /** The text most clients show the model: about 16k tokens. */
    static final int TEXT_BYTES = 64 * 1024;
    /** The structured content: far below the 10 MiB clients accept, above run_query's default 1 MB of rows. */
    static final int STRUCTURED_BYTES = 2 * 1024 * 1024;
    /** A single string kept whole up to this length when one item alone is over budget. */
    static final int STRING_CHARS = 4_000;
    /**
     * Lists this small are never cut: they describe the others (run_query's columns for its rows, the rules a
     * review skipped) and are repeated whole on every page.
     */
    static final int SMALL_LIST_BYTES = 16 * 1024;

    private final int textBytes;
    private final int structuredBytes;

    AnswerBudget() {
        this(TEXT_BYTES, STRUCTURED_BYTES);
    }

    AnswerBudget(int textBytes, int structuredBytes) {
        this.textBytes = textBytes;
        this.structuredBytes = structuredBytes;
    }

    /** The answer as it goes out: structured content and text, both within budget. */
    record Fitted(Map<String, Object> structured, String text, boolean cut) {
    }

    /**
     * @param value    the tool's result (a record or a map)
     * @param text     the tool's text rendering of the whole result
     * @param render   renders a cut result of the same type as the text was, or null (the text is cut by lines)
     * @param offset   items of every list to skip (a page after the first), 0 for the first page
     * @param pageable whether the tool accepts {@code offset}
     */
    Fitted fit(Object value, String text, Function<Object, String> render, int offset, boolean pageable) {
        return fit(value, Json.toMap(value), text, render, offset, pageable);
    }

    /** @param full the value as the JSON map it is sent as (computed once per answer, kept across its pages) */
    Fitted fit(Object value, Map<String, Object> full, String text, Function<Object, String> render, int offset,
               boolean pageable) {
        if (offset == 0 && bytes(full) <= structuredBytes && utf8(text) <= textBytes) {
            return new Fitted(full, text, false);
        }
        java.util.Set<String> cuttable = new java.util.HashSet<>();
        int longest = 0;
        for (Map.Entry<String, Object> e : full.entrySet()) {
            if (e.getValue() instanceof List<?> l && !small(l)) {
                cuttable.add(e.getKey());
                longest = Math.max(longest, l.size());
            }
        }
        int remaining = Math.max(0, longest - offset);
        // The largest page that fits: doubling from one item, then a binary search, so the cost follows the
        // size of the page rather than of the whole answer.
        int lo = 0;
        int hi = remaining;
        for (int probe = 1; probe <= remaining; probe *= 2) {
            if (!fits(full, cuttable, value, render, offset, probe)) {
                hi = probe - 1;
                break;
            }
            lo = probe;
            if (probe > remaining / 2) break;
        }
        while (lo < hi) {
            int mid = lo + (hi - lo + 1) / 2;
            if (fits(full, cuttable, value, render, offset, mid)) lo = mid;
            else hi = mid - 1;
        }
        int keep = lo;
        Map<String, Object> structured = slice(full, cuttable, offset, keep);
        String pageText = render == null ? null : renderSlice(value, cuttable, render, offset, keep);
        if (keep == 0 && remaining > 0) {
            // One item alone is over budget: keep one, with its long strings shortened.
            keep = 1;
            structured = shorten(slice(full, cuttable, offset, 1), STRING_CHARS);
            pageText = null;
        }
        if (bytes(structured) > structuredBytes) structured = shorten(structured, 200);

        Map<String, Object> omitted = new LinkedHashMap<>();
        List<String> summary = new ArrayList<>();
        for (Map.Entry<String, Object> e : full.entrySet()) {
            if (!(e.getValue() instanceof List<?> list) || !cuttable.contains(e.getKey())) continue;
            int shownEnd = Math.min(list.size(), offset + keep);
            int left = list.size() - shownEnd;
            if (left <= 0) continue;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("count", left);
            Map<String, Integer> groups = groups(list.subList(shownEnd, list.size()));
            if (!groups.isEmpty()) entry.put("by", groups);
            omitted.put(e.getKey(), entry);
            summary.add(String.format(Locale.ROOT, "%,d %s", left, e.getKey().replace('_', ' '))
                    + (groups.isEmpty() ? "" : " (" + top(groups) + ")"));
        }
        boolean more = !omitted.isEmpty();
        if (more) structured.put("omitted", omitted);
        if (more && pageable) structured.put("next_offset", offset + keep);

        String body = pageText != null ? pageText : cutLines(text, textBytes - 1024);
        // The note goes first: a reader (or a client that truncates) meets it before the items.
        StringBuilder note = new StringBuilder("[");
        if (offset > 0) note.append("items from ").append(offset + 1).append(" on; ");
        if (more) {
            note.append("answer cut to its size budget, ").append(keep).append(" item(s) per list shown; left out: ")
                    .append(String.join(", ", summary))
                    .append(pageable ? "; pass offset: " + (offset + keep) + " for the next ones"
                            : "; narrow the request to see the rest");
        } else {
            note.append("last items");
        }
        note.append("]\n");
        return new Fitted(structured, note + body, true);
    }

    private boolean fits(Map<String, Object> full, java.util.Set<String> cuttable, Object value,
                         Function<Object, String> render, int offset, int keep) {
        if (bytes(slice(full, cuttable, offset, keep)) > structuredBytes) return false;
        if (render == null) return true;
        String t = renderSlice(value, cuttable, render, offset, keep);
        return t != null && utf8(t) <= textBytes - 1024;
    }

    /** Every cuttable list cut to items [offset, offset + keep); lists with nothing left there are dropped. */
    static Map<String, Object> slice(Map<String, Object> full, java.util.Set<String> cuttable, int offset, int keep) {
        Map<String, Object> out = new LinkedHashMap<>();
        full.forEach((k, v) -> {
            if (v instanceof List<?> l && cuttable.contains(k)) {
                List<?> part = sub(l, offset, keep);
                if (!part.isEmpty()) out.put(k, part);
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    private static List<?> sub(List<?> l, int offset, int keep) {
        int from = Math.min(offset, l.size());
        int to = (int) Math.min(l.size(), (long) from + keep);
        return new ArrayList<>(l.subList(from, to));
    }

    /** The same record with its list components cut alike, rendered by the tool's renderer; null if not a record. */
    private static String renderSlice(Object value, java.util.Set<String> cuttable, Function<Object, String> render,
                                      int offset, int keep) {
        try {
            if (!value.getClass().isRecord()) return null;
            RecordComponent[] components = value.getClass().getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                var accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                Object v = accessor.invoke(value);
                args[i] = v instanceof List<?> l && cuttable.contains(snakeCase(components[i].getName()))
                        ? sub(l, offset, keep) : v;
            }
            Constructor<?> canonical = value.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return render.apply(canonical.newInstance(args));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The JSON name of a record component, as {@link Json} writes it. */
    static String snakeCase(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) sb.append('_');
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether a list serializes within {@link #SMALL_LIST_BYTES}, measured item by item until it does not. */
    private static boolean small(List<?> list) {
        long total = 2;
        for (Object item : list) {
            total += Json.MAPPER.writeValueAsBytes(item).length + 1;
            if (total > SMALL_LIST_BYTES) return false;
        }
        return true;
    }

    /** Counts of the left-out items by their rule, kind or severity, when they have one. */
    private static Map<String, Integer> groups(List<?> items) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m)) return Map.of();
            Object key = m.get("rule");
            if (key == null) key = m.get("kind");
            if (key == null) key = m.get("severity");
            if (key == null) return Map.of();
            counts.merge(key.toString(), 1, Integer::sum);
        }
        return counts;
    }

    private static String top(Map<String, Integer> groups) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort((a, b) -> b.getValue() - a.getValue());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(5, sorted.size()); i++) {
            if (i > 0) sb.append(", ");
            sb.append(sorted.get(i).getKey()).append(' ').append(String.format(Locale.ROOT, "%,d", sorted.get(i).getValue()));
        }
        if (sorted.size() > 5) sb.append(", …");
        return sb.toString();
    }

    /** Strings anywhere in the answer longer than {@code max} characters, shortened with a count of what was cut. */
    @SuppressWarnings("unchecked")
    static <T> T shorten(T value, int max) {
        if (value instanceof String s && s.length() > max) {
            return (T) (s.substring(0, max) + "… (" + (s.length() - max) + " more characters)");
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), shorten(v, max)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(shorten(v, max)));
            return (T) out;
        }
        return value;
    }

    /** The text up to the last whole line within {@code max} bytes. */
    static String cutLines(String text, int max) {
        if (utf8(text) <= max) return text;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String head = new String(bytes, 0, max, StandardCharsets.UTF_8);
        int nl = head.lastIndexOf('\n');
        return nl > 0 ? head.substring(0, nl) : head.substring(0, Math.max(0, head.length() - 1)) + "…";
    }

    private static long bytes(Map<String, Object> map) {
        return Json.MAPPER.writeValueAsBytes(map).length;
    }

    private static long utf8(String s) {
        // an upper bound that avoids encoding short texts: UTF-8 needs at most 3 bytes per UTF-16 unit
        if ((long) s.length() * 3 <= 1024) return s.length();
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
