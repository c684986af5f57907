-- expect: add-not-null-column
-- absent: missing-lock-timeout
-- needs: catalog
-- why: billing.payments has 50,998 rows, so adding psp_reference NOT NULL without a default fails.

SET lock_timeout = '3s';
BEGIN;
ALTER TABLE billing.payments ADD COLUMN psp_reference text NOT NULL;
COMMENT ON COLUMN billing.payments.psp_reference IS 'Reference returned by the payment provider';
COMMIT;
