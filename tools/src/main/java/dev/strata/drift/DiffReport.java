package dev.strata.drift;

import java.util.List;

/**
 * The answer of {@code diff} and {@code schema_diff}: the changes between two named snapshots.
 *
 * @param from     what the changes start from: a file, a snapshot name or {@code live}
 * @param breaking how many changes are breaking
 */
public record DiffReport(String from, String to, List<Change> changes, int breaking, int additive) {

    public static DiffReport of(String from, String to, Snapshot before, Snapshot after) {
        List<Change> changes = SnapshotDiff.between(before, after);
        int breaking = (int) changes.stream().filter(Change::breaking).count();
        return new DiffReport(from, to, changes, breaking, changes.size() - breaking);
    }

    public boolean hasBreaking() {
        return breaking > 0;
    }

    /** One line per change, {@code BREAKING column_dropped public.users.nickname: text → (gone)}, and a summary. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Change c : changes) {
            out.append(c.breaking() ? "BREAKING " : "additive ").append(c.kind()).append(' ').append(c.object())
                    .append(": ").append(phrase(c.before(), "(none)")).append(" → ")
                    .append(phrase(c.after(), "(gone)")).append('\n');
        }
        if (changes.isEmpty()) {
            out.append("no changes from ").append(from).append(" to ").append(to).append('\n');
        } else {
            out.append(changes.size()).append(" change(s) from ").append(from).append(" to ").append(to).append(": ")
                    .append(breaking).append(" breaking, ").append(additive).append(" additive\n");
        }
        return out.toString();
    }

    /** Definitions can span lines (views); a report line must not. */
    private static String phrase(String value, String absent) {
        if (value == null) return absent;
        String flat = value.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 197) + "…" : flat;
    }
}
