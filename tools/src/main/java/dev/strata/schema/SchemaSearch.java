package dev.strata.schema;

import dev.strata.catalog.Column;
import dev.strata.catalog.Relation;
import dev.strata.relationships.Identifiers;
import dev.strata.relationships.Names;
import dev.strata.text.Similarity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores tables and columns against a search, written as a name ({@code lastLoginAt}, {@code ordrs}),
 * {@code table.column}, or a natural question ({@code track length}, {@code email address}). A question's words may
 * match across a table and its columns: {@code track length} is the column {@code length} of the table
 * {@code track}. Words match in singular or plural, across snake_case and camelCase, in comments, and by a few
 * synonyms schemas use ({@code length} ~ {@code duration}, {@code milliseconds}). A table whose name and columns
 * both match ranks first; a column ranks by the share of the question's words it explains.
 */
final class SchemaSearch {

    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "for", "in", "on", "at", "by", "with",
            "per", "and", "or", "to", "from", "is", "are", "was", "what", "which", "who", "whose", "how", "many",
            "much", "show", "list", "find", "get", "all", "each", "every", "me", "my", "their", "its", "that", "this",
            "where", "when", "do", "does", "did", "there", "table", "column", "field", "value", "values");
    /** Words schemas often use for the same thing, both ways. */
    private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("length", List.of("duration", "millisecond", "milliseconds", "ms", "seconds", "runtime")),
            Map.entry("duration", List.of("length", "millisecond", "milliseconds", "seconds")),
            Map.entry("email", List.of("mail", "e_mail")),
            Map.entry("mail", List.of("email")),
            Map.entry("price", List.of("cost", "amount", "fee")),
            Map.entry("cost", List.of("price", "amount")),
            Map.entry("amount", List.of("total", "price", "sum")),
            Map.entry("total", List.of("amount", "sum")),
            Map.entry("phone", List.of("telephone", "tel", "mobile")),
            Map.entry("telephone", List.of("phone")),
            Map.entry("zip", List.of("postcode", "postal")),
            Map.entry("postcode", List.of("zip", "postal")),
            Map.entry("created", List.of("creation", "inserted", "added")),
            Map.entry("birthday", List.of("birth", "dob")),
            Map.entry("quantity", List.of("qty", "count")),
            Map.entry("count", List.of("quantity", "qty", "number")),
            Map.entry("title", List.of("name")),
            Map.entry("user", List.of("person", "account", "member", "editor")),
            Map.entry("customer", List.of("client")),
            Map.entry("employee", List.of("staff")),
            Map.entry("staff", List.of("employee")),
            Map.entry("movie", List.of("film")),
            Map.entry("film", List.of("movie")),
            Map.entry("song", List.of("track")),
            Map.entry("track", List.of("song")),
            Map.entry("kind", List.of("type", "category")),
            Map.entry("category", List.of("genre", "type")),
            Map.entry("genre", List.of("category")));

    /** Two-word names of one thing: "email address" is an email, not an address. */
    private static final Map<String, String> COMPOUNDS = Map.of(
            "email address", "email", "mail address", "email", "e mail", "email", "phone number", "phone",
            "telephone number", "phone", "zip code", "zip", "postal code", "postcode", "date of birth", "birth",
            "birth date", "birth", "user name", "username");

    private final String query;
    private final List<String> words;
    private final String compactQuery;
    private final String tablePart;
    private final String columnPart;

    SchemaSearch(String rawQuery) {
        this.query = rawQuery.trim().toLowerCase(Locale.ROOT).replace("\"", "");
        int dot = query.indexOf('.');
        boolean qualified = dot > 0 && dot < query.length() - 1 && !query.contains(" ");
        this.tablePart = qualified ? query.substring(0, dot) : null;
        this.columnPart = qualified ? query.substring(dot + 1) : null;
        String phrase = String.join(" ", Identifiers.words(rawQuery));
        for (Map.Entry<String, String> c : COMPOUNDS.entrySet()) {
            phrase = (" " + phrase + " ").replace(" " + c.getKey() + " ", " " + c.getValue() + " ").trim();
        }
        List<String> w = new ArrayList<>();
        for (String word : phrase.split(" ")) {
            if (!word.isEmpty() && !STOP.contains(word)) w.add(word);
        }
        if (w.isEmpty()) w = Identifiers.words(rawQuery);
        this.words = w;
        this.compactQuery = String.join("", Identifiers.words(rawQuery));
    }

    /** A table's score and the scores of its columns that match (0 = no match). */
    record Scored(double table, Map<String, Double> columns) {
    }

    Scored score(Relation r) {
        if (tablePart != null) return qualified(r);
        List<Set<String>> tableWords = List.of(wordSet(r.name()));
        Set<String> tableComment = commentWords(r.comment());
        double[] tableCover = new double[words.size()];
        double[] tableCommentCover = new double[words.size()];
        for (int i = 0; i < words.size(); i++) {
            tableCover[i] = match(words.get(i), tableWords.get(0));
            tableCommentCover[i] = match(words.get(i), tableComment) * 0.6;
        }
        Map<String, Double> columns = new LinkedHashMap<>();
        double[] columnsCover = new double[words.size()];
        // Views and materialized views repeat their base tables' columns: the base table is what to open.
        double kind = r.kind().storesRows() && r.kind() != dev.strata.catalog.RelationKind.MATERIALIZED_VIEW ? 1.0
                : 0.9;
        double tableExplained = explained(tableWords.get(0), r.name());
        for (Column c : r.columns()) {
            Set<String> cw = wordSet(c.name());
            Set<String> cc = commentWords(c.comment());
            double sum = 0;
            boolean ownWord = false;
            boolean tableWord = false;
            for (int i = 0; i < words.size(); i++) {
                double own = Math.max(match(words.get(i), cw), match(words.get(i), cc) * 0.6);
                columnsCover[i] = Math.max(columnsCover[i], own);
                double viaTable = Math.max(tableCover[i], tableCommentCover[i]) * 0.8;
                if (own > 0 && own >= viaTable) ownWord = true;
                else if (viaTable > 0) tableWord = true;
                sum += Math.max(own, viaTable);
            }
            double s = sum / words.size() * explained(cw, c.name());
            if (tableWord) s *= tableExplained;
            if (!ownWord) s = 0;
            else if (tableWord) s = Math.min(0.98, s + 0.1);
            s = Math.max(Math.min(s, 0.98), compact(c.name()));
            if (s > 0) columns.put(c.name(), s * 0.95 * kind);
        }
        double sum = 0;
        boolean nameHit = false;
        boolean columnHit = false;
        for (int i = 0; i < words.size(); i++) {
            double name = Math.max(tableCover[i], tableCommentCover[i]);
            double viaColumns = columnsCover[i] * 0.5;
            if (name > 0 && name >= viaColumns) nameHit = true;
            else if (viaColumns > 0) columnHit = true;
            sum += Math.max(name, viaColumns);
        }
        double table = nameHit ? sum / words.size() * explained(tableWords.get(0), r.name()) : 0;
        // Name and columns both matching: the table the question is about ("film length" → film).
        if (nameHit && columnHit) table = table + 0.15;
        table = Math.max(Math.min(table, 0.98), compact(r.name())) * kind;
        return new Scored(table, columns);
    }

    private Scored qualified(Relation r) {
        if (!tablePart.equals(r.name().toLowerCase(Locale.ROOT))
                && !tablePart.equals(r.schema().toLowerCase(Locale.ROOT))) {
            return new Scored(0, Map.of());
        }
        if (tablePart.equals(r.schema().toLowerCase(Locale.ROOT)) && !tablePart.equals(r.name().toLowerCase(Locale.ROOT))) {
            // schema.table
            return new Scored(nameScore(r.name(), columnPart), Map.of());
        }
        Map<String, Double> columns = new LinkedHashMap<>();
        for (Column c : r.columns()) {
            double s = nameScore(c.name(), columnPart);
            if (s > 0) columns.put(c.name(), s);
        }
        return new Scored(0, columns);
    }

    /**
     * How much of a name the query's words explain, as a factor: invoices is all of "invoices", invoice_totals
     * only half, so the table named exactly like the question ranks first.
     */
    private double explained(Set<String> nameWords, String rawName) {
        List<String> parts = Identifiers.words(rawName);
        if (parts.isEmpty()) return 1;
        int hit = 0;
        for (String p : parts) {
            for (String w : words) {
                if (match(w, new HashSet<>(List.of(p, Names.singular(p)))) > 0) {
                    hit++;
                    break;
                }
            }
        }
        return 0.8 + 0.2 * hit / parts.size();
    }

    /** The whole query against a whole name: exact, prefix or suffix, substring, near miss. */
    private double compact(String rawName) {
        String name = String.join("", Identifiers.words(rawName));
        if (compactQuery.isEmpty() || name.isEmpty()) return 0;
        if (name.equals(compactQuery)) return 1.0;
        if (Names.singular(name).equals(Names.singular(compactQuery))) return 0.99;
        if (compactQuery.length() >= 3 && (name.startsWith(compactQuery) || name.endsWith(compactQuery))) return 0.9;
        if (compactQuery.length() >= 4 && name.contains(compactQuery)) return 0.8;
        if (words.size() == 1 && Math.abs(name.length() - compactQuery.length()) <= 3) {
            double s = Similarity.score(name, compactQuery);
            if (s >= 0.88) return 0.75 * s;
        }
        return 0;
    }

    private static double nameScore(String rawName, String q) {
        String name = rawName.toLowerCase(Locale.ROOT);
        if (name.equals(q)) return 1.0;
        if (name.startsWith(q) || name.endsWith(q)) return 0.9;
        if (name.contains(q)) return 0.8;
        double s = Similarity.score(name, q);
        return s >= 0.88 ? 0.75 * s : 0;
    }

    /** How well one query word matches a set of words: equal (in any number), prefix, synonym, near miss. */
    private static double match(String word, Set<String> target) {
        if (target.isEmpty()) return 0;
        String singular = Names.singular(word);
        if (target.contains(word) || target.contains(singular)) return 1.0;
        double best = 0;
        for (String t : target) {
            if (word.length() >= 4 && t.length() >= 4 && (t.startsWith(word) || word.startsWith(t))) {
                best = Math.max(best, 0.7);
            } else if (word.length() >= 5 && Similarity.score(word, t) >= 0.9) {
                best = Math.max(best, 0.6);
            }
        }
        for (String synonym : SYNONYMS.getOrDefault(singular, SYNONYMS.getOrDefault(word, List.of()))) {
            if (target.contains(synonym)) best = Math.max(best, 0.75);
        }
        return best;
    }

    /** The words of a name, each also in singular. */
    private static Set<String> wordSet(String name) {
        Set<String> out = new HashSet<>();
        for (String w : Identifiers.words(name)) {
            out.add(w);
            out.add(Names.singular(w));
        }
        return out;
    }

    private static Set<String> commentWords(String comment) {
        if (comment == null || comment.isBlank()) return Set.of();
        Set<String> out = new HashSet<>();
        for (String w : comment.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
            if (w.isEmpty() || STOP.contains(w)) continue;
            out.add(w);
            out.add(Names.singular(w));
        }
        return out;
    }
}
