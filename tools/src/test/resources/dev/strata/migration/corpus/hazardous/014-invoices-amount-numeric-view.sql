-- expect: change-column-type, dependent-objects, missing-lock-timeout
-- needs: catalog
-- why: billing.invoice_totals sums invoices.amount_cents, so altering its type is refused by PostgreSQL; it is also a 60,000-row rewrite with no lock_timeout.

ALTER TABLE billing.invoices ALTER COLUMN amount_cents TYPE numeric(14,2);
COMMENT ON COLUMN billing.invoices.amount_cents IS 'Invoice amount in the invoice currency';
