package dev.strata.catalog;

import java.util.List;

/**
 * A declared foreign key.
 *
 * @param onDelete {@code pg_constraint.confdeltype} spelled out: no action, restrict, cascade, set null, set default
 */
public record ForeignKey(
        String name,
        List<String> columns,
        String targetSchema,
        String targetTable,
        List<String> targetColumns,
        String onDelete,
        String onUpdate,
        boolean validated) {

    public String targetQualifiedName() {
        return targetSchema + "." + targetTable;
    }

    static String action(String code) {
        return switch (code == null ? "a" : code) {
            case "r" -> "restrict";
            case "c" -> "cascade";
            case "n" -> "set null";
            case "d" -> "set default";
            default -> "no action";
        };
    }
}
