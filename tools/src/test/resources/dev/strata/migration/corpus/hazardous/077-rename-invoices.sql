-- expect: rename-table, rename-column, missing-lock-timeout
-- why: renames billing.invoices and one of its columns in place, breaking every current reader, with no lock_timeout.

BEGIN;
ALTER TABLE billing.invoices RENAME TO invoice;
ALTER TABLE billing.invoice RENAME COLUMN issued_on TO issued_on_text;
COMMIT;
