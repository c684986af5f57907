package dev.strata.catalog;

import java.util.List;

/**
 * Facts about the session the catalog was read through.
 *
 * @param versionNumber {@code server_version_num}, e.g. 170006
 * @param searchPath    {@code current_schemas(false)}: the schemas an unqualified name really resolves through
 */
public record ServerInfo(int versionNumber, String version, String database, String currentUser,
                         List<String> searchPath) {

    public ServerInfo {
        searchPath = List.copyOf(searchPath);
    }

    public int majorVersion() {
        return versionNumber / 10000;
    }
}
