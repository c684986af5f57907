-- expect: table-rewrite
-- absent: missing-lock-timeout
-- why: moving billing.payments to another tablespace rewrites it under ACCESS EXCLUSIVE; the lock_timeout only limits the wait, not the copy.

BEGIN;
SET LOCAL lock_timeout = '3s';
ALTER TABLE billing.payments SET TABLESPACE archive_hdd;
COMMIT;
