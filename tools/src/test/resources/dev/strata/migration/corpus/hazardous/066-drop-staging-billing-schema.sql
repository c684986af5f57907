-- expect: drop-schema
-- absent: missing-lock-timeout
-- why: the assistant meant to drop a staging schema but wrote billing: invoices, payments and refunds go with it.

SET lock_timeout = '5s';
-- clean up after the billing import
DROP SCHEMA IF EXISTS billing CASCADE;
CREATE SCHEMA billing;
