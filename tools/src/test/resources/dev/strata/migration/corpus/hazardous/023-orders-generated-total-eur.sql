-- expect: add-column-volatile-default, missing-lock-timeout
-- why: a GENERATED ALWAYS … STORED column is computed for every existing row, a full rewrite of public.orders under ACCESS EXCLUSIVE with no lock_timeout.

-- Reporting wants the amount in euros without dividing everywhere.
ALTER TABLE public.orders
    ADD COLUMN total_eur numeric(14,2) GENERATED ALWAYS AS (total_cents / 100.0) STORED;
