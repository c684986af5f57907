package dev.strata.schema;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.QualifiedName;
import dev.strata.relationships.Edge;
import dev.strata.relationships.EdgeKind;
import dev.strata.relationships.JoinPath;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a join path as SQL a person can paste: short unique aliases, schema qualification only where the
 * search_path does not reach, and the discriminator condition inside the ON clause of polymorphic joins (the
 * filter assistants forget).
 */
final class JoinSql {

    private final Catalog catalog;

    JoinSql(Catalog catalog) {
        this.catalog = catalog;
    }

    String render(JoinPath path) {
        List<String> tables = path.tables();
        String[] aliases = new String[tables.size()];
        Set<String> used = new HashSet<>();
        for (int i = 0; i < tables.size(); i++) aliases[i] = alias(SchemaExplorer.nameOf(tables.get(i)), used);
        StringBuilder sql = new StringBuilder("FROM ").append(display(tables.get(0))).append(' ').append(aliases[0]);
        for (int i = 0; i < path.edges().size(); i++) {
            Edge e = path.edges().get(i);
            String left = tables.get(i);
            String right = tables.get(i + 1);
            String leftAlias = aliases[i];
            String rightAlias = aliases[i + 1];
            sql.append("\nJOIN ").append(display(right)).append(' ').append(rightAlias).append(" ON ");
            boolean forward = e.fromTable().equals(left) && e.toTable().equals(right);
            String fromAlias = forward ? leftAlias : rightAlias;
            String toAlias = forward ? rightAlias : leftAlias;
            for (int c = 0; c < e.fromColumns().size(); c++) {
                if (c > 0) sql.append(" AND ");
                sql.append(toAlias).append('.').append(QualifiedName.quoteIfNeeded(e.toColumns().get(c)))
                        .append(" = ").append(fromAlias).append('.')
                        .append(QualifiedName.quoteIfNeeded(e.fromColumns().get(c)));
            }
            if (e.kind() == EdgeKind.POLYMORPHIC) {
                sql.append(" AND ").append(fromAlias).append('.').append(QualifiedName.quoteIfNeeded(e.typeColumn()))
                        .append(" = '").append(e.typeValue().replace("'", "''")).append('\'');
            }
        }
        return sql.toString();
    }

    private String display(String qualified) {
        return catalog.find(SchemaExplorer.schemaOf(qualified), SchemaExplorer.nameOf(qualified))
                .map(catalog::displayName).orElse(qualified);
    }

    /** Initials of the name's words (order_items → oi), numbered when taken. */
    static String alias(String name, Set<String> used) {
        StringBuilder initials = new StringBuilder();
        for (String part : name.toLowerCase().split("[^a-z0-9]+")) {
            if (!part.isEmpty()) initials.append(part.charAt(0));
        }
        String base = initials.length() == 0 ? "t" : initials.toString();
        if (QualifiedName.quoteIfNeeded(base).startsWith("\"")) base = base + "_";
        String candidate = base;
        for (int n = 2; !used.add(candidate); n++) candidate = base + n;
        return candidate;
    }

}
