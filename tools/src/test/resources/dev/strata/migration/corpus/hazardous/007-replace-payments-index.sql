-- expect: drop-index-not-concurrently, create-index-not-concurrently, missing-lock-timeout
-- why: replaces an index on billing.payments with plain DROP INDEX (ACCESS EXCLUSIVE, no lock_timeout) and plain CREATE INDEX (blocks writes).

-- Replace the single-column index with a composite one that also serves "payments of an invoice by date".
DROP INDEX IF EXISTS billing.payments_invoice_id_idx;
CREATE INDEX payments_invoice_id_paid_at_idx ON billing.payments (invoice_id, paid_at);
