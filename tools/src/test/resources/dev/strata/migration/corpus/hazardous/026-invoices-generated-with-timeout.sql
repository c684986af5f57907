-- expect: add-column-volatile-default
-- absent: missing-lock-timeout
-- why: even with lock_timeout set, the STORED generated column rewrites all 60,000 invoices while holding ACCESS EXCLUSIVE.

BEGIN;
SET LOCAL lock_timeout = '2s';

ALTER TABLE billing.invoices
    ADD COLUMN is_paid boolean GENERATED ALWAYS AS (lower(btrim(status)) = 'paid') STORED;
COMMENT ON COLUMN billing.invoices.is_paid IS 'Normalised paid flag (status has case and whitespace variants)';

COMMIT;
