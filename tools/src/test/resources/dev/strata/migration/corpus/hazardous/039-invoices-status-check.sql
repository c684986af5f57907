-- expect: add-check-without-not-valid, existing-rows-violate, missing-lock-timeout
-- needs: catalog
-- why: billing.invoices.status holds 'PAID' (3,000 rows) and 'Paid ' (1,800), so the validated CHECK fails after scanning under ACCESS EXCLUSIVE with no lock_timeout.

ALTER TABLE billing.invoices
    ADD CONSTRAINT invoices_status_check CHECK (status IN ('paid', 'open', 'void', 'overdue'));
