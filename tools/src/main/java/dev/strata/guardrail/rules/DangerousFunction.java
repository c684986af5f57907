package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.TokenRule;
import dev.strata.guardrail.Severity;
import dev.strata.sql.SqlLexer.Token;
import dev.strata.sql.SqlLexer.TokenKind;
import dev.strata.sql.SqlStatement;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>dangerous-function</b>: a call to a function with side effects or server access — files and large objects,
 * signalling other backends, reloading the configuration, changing settings, dblink, advisory locks, sleeping,
 * notifications, sequences, and the {@code query_to_xml} family that runs SQL from a string. A READ ONLY
 * transaction does not stop most of these. Found on tokens, so a call in FROM, in a CTE, quoted
 * ({@code "pg_read_file"}), schema-qualified or unicode-escaped is found as well.
 *
 * <pre>
 * bad:  SELECT * FROM pg_read_file('/etc/passwd')
 * good: SELECT name, setting FROM pg_settings WHERE name = 'work_mem'
 * </pre>
 */
public final class DangerousFunction extends TokenRule {

    static final Set<String> NAMES = Set.of(
            "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "pg_ls_logdir", "pg_ls_waldir",
            "pg_ls_tmpdir", "pg_ls_archive_statusdir", "pg_ls_logicalsnapdir", "pg_ls_logicalmapdir",
            "pg_ls_replslotdir", "pg_file_write", "pg_file_rename", "pg_file_unlink", "pg_file_sync",
            "pg_logdir_ls", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile",
            "set_config", "pg_notify", "nextval", "setval", "txid_current", "pg_current_xact_id",
            "pg_switch_wal", "pg_create_restore_point", "pg_start_backup", "pg_stop_backup", "pg_backup_start",
            "pg_backup_stop", "pg_promote", "pg_wal_replay_pause", "pg_wal_replay_resume", "pg_log_backend_memory_contexts",
            "pg_logical_emit_message", "pg_drop_replication_slot", "pg_copy_physical_replication_slot",
            "pg_copy_logical_replication_slot", "pg_import_system_collations", "pg_truncate_visibility_map",
            "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml",
            "cursor_to_xmlschema", "table_to_xml", "table_to_xmlschema", "table_to_xml_and_xmlschema",
            "schema_to_xml", "schema_to_xmlschema", "schema_to_xml_and_xmlschema", "database_to_xml",
            "database_to_xmlschema", "database_to_xml_and_xmlschema", "pg_stat_reset", "pg_stat_reset_shared",
            "pg_stat_reset_single_table_counters", "pg_stat_reset_single_function_counters", "pg_sleep",
            "pg_sleep_for", "pg_sleep_until", "lo_import", "lo_export", "lo_unlink", "lo_create", "lo_creat",
            "lo_open", "lo_put", "lo_get", "lo_from_bytea", "lo_truncate", "lo_write", "lowrite", "loread",
            "make_interval_sleep");
    static final List<String> PREFIXES = List.of("dblink", "pg_advisory_", "pg_try_advisory_", "lo_",
            "pg_create_logical_replication_slot", "pg_create_physical_replication_slot", "pg_replication_origin_",
            "pg_stat_reset", "pg_sleep");

    public DangerousFunction() {
        super("dangerous-function", Severity.ERROR, "a function with side effects or server access");
    }

    static boolean dangerous(String name) {
        if (NAMES.contains(name)) return true;
        for (String p : PREFIXES) if (name.startsWith(p)) return true;
        return false;
    }

    @Override
    public void check(GuardContext context) {
        for (SqlStatement statement : context.statements()) {
            List<Token> tokens = statement.tokens();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.kind() != TokenKind.IDENTIFIER && t.kind() != TokenKind.QUOTED_IDENTIFIER) continue;
                if (!tokens.get(i + 1).isSymbol("(")) continue;
                String name = t.value();
                if (name == null || !dangerous(name)) continue;
                context.report(this, name + "() has side effects or reaches the server's files, processes or "
                                + "settings; Strata does not run it", t.start(), null, null,
                        "remove the call to " + name + "(); Strata runs plain reads only",
                        Map.of("function", name));
            }
        }
    }
}
