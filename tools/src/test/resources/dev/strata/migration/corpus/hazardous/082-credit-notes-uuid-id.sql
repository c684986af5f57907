-- expect: bare-id-primary-key
-- absent: create-index-not-concurrently, fk-column-without-index
-- why: billing.credit_notes gets a uuid primary key named just "id"; its FK column is indexed in the same script.

CREATE TABLE billing.credit_notes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    invoice_id uuid NOT NULL REFERENCES billing.invoices (id),
    amount_cents bigint NOT NULL,
    issued_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_notes_invoice_id_idx ON billing.credit_notes (invoice_id);
COMMENT ON TABLE billing.credit_notes IS 'Credit notes that reduce the amount due on an invoice.';
