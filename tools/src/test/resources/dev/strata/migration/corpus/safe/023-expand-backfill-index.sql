-- expect: none
-- absent: update-without-where, create-index-not-concurrently
-- why: expand/contract in safe steps: nullable column under lock_timeout, a bounded backfill batch, then an index built CONCURRENTLY outside a transaction.

SET lock_timeout = '2s';
ALTER TABLE public.orders ADD COLUMN IF NOT EXISTS placed_on date;
COMMENT ON COLUMN public.orders.placed_on IS 'UTC date of created_at, for daily reports.';

-- batch 1; later batches run from the backfill job
UPDATE public.orders
SET placed_on = (created_at AT TIME ZONE 'UTC')::date
WHERE id BETWEEN 1 AND 10000
  AND placed_on IS NULL;

CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_on_idx ON public.orders (placed_on);
