-- expect: none
-- absent: concurrent-index-in-transaction
-- why: REINDEX … CONCURRENTLY outside a transaction block rebuilds the bloated indexes without blocking reads or writes.

REINDEX INDEX CONCURRENTLY public.orders_created_at_idx;
REINDEX TABLE CONCURRENTLY public.order_items;
