-- expect: drop-table
-- absent: missing-lock-timeout
-- why: both legacy tables and their 13,000 rows are destroyed; nothing in the file keeps a copy.

SET lock_timeout = '5s';
DROP TABLE IF EXISTS legacy.order_archive, legacy.customer_master;
