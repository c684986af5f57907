-- expect: create-index-not-concurrently
-- why: the index on billing.refunds is built without CONCURRENTLY, so writes to refunds are blocked while it builds.

-- refunds.payment_id is joined to billing.payments in every refund lookup but has no index.
-- Add one, plus a covering index for the monthly refund report.
CREATE INDEX IF NOT EXISTS refunds_payment_id_idx ON billing.refunds (payment_id);
CREATE INDEX IF NOT EXISTS refunds_created_at_idx ON billing.refunds (created_at) INCLUDE (amount_cents);
