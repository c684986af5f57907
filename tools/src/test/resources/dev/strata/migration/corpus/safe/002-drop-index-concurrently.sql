-- expect: none
-- absent: drop-index-not-concurrently
-- why: DROP INDEX CONCURRENTLY waits for running transactions instead of taking ACCESS EXCLUSIVE on public.orders.

DROP INDEX CONCURRENTLY IF EXISTS public.orders_open_state_idx;
