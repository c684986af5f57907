package dev.strata.schema;

import dev.strata.text.Similarity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Scores table and column names against a search query. Exact names beat prefixes, prefixes beat substrings,
 * all words of a multi-word query found in name or comment come next, then comments, then near-misses
 * (Jaro-Winkler ≥ 0.88, so {@code ordr} still finds {@code orders}). {@code table.column} queries match the
 * column of that table.
 */
final class SchemaSearch {

    private final String query;
    private final List<String> words;
    private final String tablePart;
    private final String columnPart;

    SchemaSearch(String rawQuery) {
        this.query = rawQuery.trim().toLowerCase(Locale.ROOT).replace("\"", "");
        this.words = Arrays.stream(query.split("[\\s_]+")).filter(w -> !w.isEmpty()).toList();
        int dot = query.indexOf('.');
        this.tablePart = dot > 0 ? query.substring(0, dot) : null;
        this.columnPart = dot > 0 ? query.substring(dot + 1) : null;
    }

    double score(String name, String comment, String schema) {
        if (tablePart != null) {
            return tablePart.equals(schema.toLowerCase(Locale.ROOT)) ? nameScore(name, comment, columnPart)
                    : 0;
        }
        return nameScore(name, comment, query);
    }

    double columnScore(String table, String column, String comment) {
        if (tablePart != null) {
            return tablePart.equals(table.toLowerCase(Locale.ROOT)) ? nameScore(column, comment, columnPart) : 0;
        }
        // A column match ranks just below a table match of the same strength.
        return nameScore(column, comment, query) * 0.95;
    }

    private double nameScore(String rawName, String comment, String q) {
        if (q.isEmpty()) return 0;
        String name = rawName.toLowerCase(Locale.ROOT);
        if (name.equals(q)) return 1.0;
        if (name.startsWith(q) || name.endsWith(q)) return 0.9;
        if (name.contains(q)) return 0.8;
        String lowerComment = comment == null ? "" : comment.toLowerCase(Locale.ROOT);
        if (words.size() > 1 && words.stream().allMatch(w -> name.contains(w) || lowerComment.contains(w))) {
            return 0.7;
        }
        if (!lowerComment.isEmpty() && lowerComment.contains(q)) return 0.6;
        if (Math.abs(name.length() - q.length()) <= 3) {
            double s = Similarity.score(name, q);
            if (s >= 0.88) return 0.75 * s;
        }
        return 0;
    }
}
