-- expect: add-foreign-key-without-not-valid, existing-rows-violate, fk-column-without-index
-- absent: missing-lock-timeout
-- needs: catalog
-- why: 20 refunds (reason 'migrated from legacy PSP') point at payments that do not exist, so validating the FK fails; refunds.payment_id has no index.

BEGIN;
SET LOCAL lock_timeout = '5s';

ALTER TABLE billing.refunds
    ADD CONSTRAINT refunds_payment_id_fkey FOREIGN KEY (payment_id) REFERENCES billing.payments (id) ON DELETE RESTRICT;

COMMIT;
