-- expect: missing-comment, missing-lock-timeout
-- needs: catalog
-- why: billing has commented tables and columns, but the new invoices.currency column gets no COMMENT; ACCESS EXCLUSIVE without lock_timeout.

ALTER TABLE billing.invoices ADD COLUMN currency char(3);
