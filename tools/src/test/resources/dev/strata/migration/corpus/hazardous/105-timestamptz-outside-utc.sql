-- expect: change-column-type
-- needs: catalog
-- why: timestamp → timestamptz is free only while the session TimeZone is UTC; under America/New_York PostgreSQL converts and rewrites every row of legacy.customer_master.

SET timezone = 'America/New_York';
SET lock_timeout = '5s';
ALTER TABLE legacy.customer_master ALTER COLUMN created TYPE timestamptz USING created;
