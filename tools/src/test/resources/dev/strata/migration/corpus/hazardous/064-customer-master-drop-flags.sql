-- expect: drop-column, missing-lock-timeout
-- why: one ALTER TABLE with several DROP COLUMN subcommands loses the flag data for good, under ACCESS EXCLUSIVE without lock_timeout.

ALTER TABLE legacy.customer_master
    DROP COLUMN flag1,
    DROP COLUMN flag2,
    DROP COLUMN flag3,
    DROP COLUMN IF EXISTS flag4;
