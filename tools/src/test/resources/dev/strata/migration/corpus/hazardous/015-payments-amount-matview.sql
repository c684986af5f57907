-- expect: change-column-type, dependent-objects
-- absent: missing-lock-timeout
-- needs: catalog
-- why: the materialized view billing.monthly_revenue sums payments.amount_cents, so the type change fails; lock_timeout is set, so only the rewrite and the dependency are at issue.

SET lock_timeout = '5s';

BEGIN;
ALTER TABLE billing.payments ALTER COLUMN amount_cents TYPE numeric(14,2) USING amount_cents::numeric / 100;
COMMIT;
