-- expect: drop-column, dependent-objects
-- absent: missing-lock-timeout
-- needs: catalog
-- why: billing.monthly_revenue filters on payments.is_deleted, so DROP COLUMN … CASCADE silently drops the materialized view.

SET lock_timeout = '5s';
ALTER TABLE billing.payments DROP COLUMN IF EXISTS is_deleted CASCADE;
