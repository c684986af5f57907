-- expect: existing-rows-violate
-- absent: add-check-without-not-valid, missing-lock-timeout
-- needs: catalog
-- why: the NOT VALID / VALIDATE recipe is followed, but 4,800 invoices have status 'PAID' or 'Paid ', so VALIDATE CONSTRAINT fails.

SET lock_timeout = '2s';

ALTER TABLE billing.invoices
    ADD CONSTRAINT invoices_status_lower_check CHECK (status = lower(btrim(status))) NOT VALID;

ALTER TABLE billing.invoices VALIDATE CONSTRAINT invoices_status_lower_check;
