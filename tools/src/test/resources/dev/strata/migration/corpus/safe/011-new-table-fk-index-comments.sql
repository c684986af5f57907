-- expect: none
-- absent: create-index-not-concurrently, fk-column-without-index, bare-id-primary-key, timestamp-without-time-zone
-- why: a well-formed new table: bigint <table>_id key, timestamptz columns, FK with an index leading with it, comments everywhere.

-- the new table's foreign keys take SHARE ROW EXCLUSIVE on the tables they reference, for a moment
SET lock_timeout = '5s';

BEGIN;

CREATE TABLE billing.invoice_reminders (
    invoice_reminder_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id uuid NOT NULL REFERENCES billing.invoices (id) ON DELETE CASCADE,
    channel text NOT NULL CHECK (channel IN ('email', 'letter')),
    sent_at timestamptz NOT NULL DEFAULT now(),
    opened_at timestamptz
);
CREATE INDEX invoice_reminders_invoice_id_sent_at_idx ON billing.invoice_reminders (invoice_id, sent_at);

COMMENT ON TABLE billing.invoice_reminders IS 'Payment reminders sent for overdue invoices.';
COMMENT ON COLUMN billing.invoice_reminders.invoice_reminder_id IS 'Surrogate key.';
COMMENT ON COLUMN billing.invoice_reminders.invoice_id IS 'Invoice the reminder is about.';
COMMENT ON COLUMN billing.invoice_reminders.channel IS 'How the reminder was sent: email or letter.';
COMMENT ON COLUMN billing.invoice_reminders.sent_at IS 'When the reminder was sent.';
COMMENT ON COLUMN billing.invoice_reminders.opened_at IS 'When the customer opened it, if tracked.';

COMMIT;
