-- expect: drop-schema
-- absent: missing-lock-timeout
-- why: DROP SCHEMA … CASCADE destroys every table in legacy (customer_master, order_archive) and their 13,000 rows.

SET lock_timeout = '5s';
DROP SCHEMA legacy CASCADE;
