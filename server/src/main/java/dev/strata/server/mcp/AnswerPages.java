package dev.strata.server.mcp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few answers that were cut to their budget, kept briefly so that asking for the next page
 * ({@code offset}) slices the same result instead of doing the work again (a 620 KB migration takes seconds to
 * review) and so that pages of one answer agree with each other. Keyed by tool and arguments without the offset.
 */
final class AnswerPages {

    private static final int ENTRIES = 2;
    private static final Duration KEPT = Duration.ofMinutes(5);

    private record Key(String tool, Map<String, Object> arguments) {
    }

    /** A cut answer: the tool's result and the JSON map it is sent as. */
    record Page(StrataTool.Result result, Map<String, Object> full) {
    }

    private record Entry(Page page, long storedNanos) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > ENTRIES;
        }
    };

    synchronized Page get(String tool, Map<String, Object> arguments) {
        Key key = key(tool, arguments);
        Entry e = entries.get(key);
        if (e == null) return null;
        if (System.nanoTime() - e.storedNanos() > KEPT.toNanos()) {
            entries.remove(key);
            return null;
        }
        return e.page();
    }

    synchronized void put(String tool, Map<String, Object> arguments, Page page) {
        entries.put(key(tool, arguments), new Entry(page, System.nanoTime()));
    }

    private static Key key(String tool, Map<String, Object> arguments) {
        Map<String, Object> rest = new LinkedHashMap<>(arguments == null ? Map.of() : arguments);
        rest.remove("offset");
        return new Key(tool, rest);
    }
}
