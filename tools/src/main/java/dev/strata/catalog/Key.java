package dev.strata.catalog;

import java.util.List;

/** A primary key or unique constraint. */
public record Key(String name, List<String> columns, boolean primary) {
}
