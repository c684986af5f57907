-- expect: none
-- absent: create-index-not-concurrently
-- why: CREATE INDEX CONCURRENTLY outside a transaction block builds the index without blocking writes to public.orders.

-- Speed up the "orders by payment status" report. Run outside a transaction: CONCURRENTLY cannot be wrapped.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON public.orders (status);
