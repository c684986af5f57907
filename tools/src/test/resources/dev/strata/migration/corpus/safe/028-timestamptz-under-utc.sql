-- expect: none
-- absent: change-column-type
-- needs: catalog
-- why: with the session TimeZone set to UTC, timestamp → timestamptz is binary-compatible since PostgreSQL 12: only the catalog changes.

SET timezone = 'UTC';
SET lock_timeout = '5s';
ALTER TABLE legacy.customer_master ALTER COLUMN created TYPE timestamptz USING created;
