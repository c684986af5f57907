-- expect: add-check-without-not-valid, missing-lock-timeout
-- why: a validated CHECK scans all 250,000 orders while holding ACCESS EXCLUSIVE, and there is no lock_timeout.

ALTER TABLE public.orders
    ADD CONSTRAINT orders_total_cents_nonnegative CHECK (total_cents >= 0);
