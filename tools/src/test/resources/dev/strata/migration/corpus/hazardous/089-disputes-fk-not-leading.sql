-- expect: fk-column-without-index
-- absent: create-index-not-concurrently, bare-id-primary-key
-- why: payment_id is only the second column of the composite index, so no index leads with the new foreign key column.

CREATE TABLE billing.payment_disputes (
    payment_dispute_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id uuid NOT NULL,
    status text NOT NULL DEFAULT 'open',
    opened_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payment_disputes_payment_id_fkey FOREIGN KEY (payment_id) REFERENCES billing.payments (id)
);
CREATE INDEX payment_disputes_status_payment_idx ON billing.payment_disputes (status, payment_id);
COMMENT ON TABLE billing.payment_disputes IS 'Chargebacks and disputes raised against a payment.';
