-- expect: rename-column, missing-lock-timeout
-- why: queries selecting orders.status fail as soon as it is renamed; no lock_timeout for the ACCESS EXCLUSIVE lock.

ALTER TABLE public.orders RENAME COLUMN status TO payment_status;
COMMENT ON COLUMN public.orders.payment_status IS '1 = paid, 0 = not paid';
