-- expect: drop-column, rename-column, missing-lock-timeout
-- why: a "swap" migration: the DO block backfills, then the old column is dropped and the new one renamed in place, breaking every reader of orders.status with no expand/contract; no lock_timeout.

ALTER TABLE public.orders ADD COLUMN status_new integer;

DO $$
DECLARE
    batch_start bigint := 0;
BEGIN
    WHILE batch_start < 250000 LOOP
        UPDATE public.orders SET status_new = status
        WHERE id > batch_start AND id <= batch_start + 10000;
        batch_start := batch_start + 10000;
    END LOOP;
END
$$;

ALTER TABLE public.orders DROP COLUMN status;
ALTER TABLE public.orders RENAME COLUMN status_new TO status;
