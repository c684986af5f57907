-- expect: delete-without-where, missing-lock-timeout
-- why: the refunds table is locked ACCESS EXCLUSIVE without lock_timeout and then every row is deleted.

BEGIN;
LOCK TABLE billing.refunds IN ACCESS EXCLUSIVE MODE;
-- The PSP re-sends all refunds nightly; start from scratch.
DELETE FROM billing.refunds;
COMMIT;
