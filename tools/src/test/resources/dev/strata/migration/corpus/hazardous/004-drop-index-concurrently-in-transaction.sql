-- expect: concurrent-index-in-transaction
-- absent: drop-index-not-concurrently
-- why: DROP INDEX CONCURRENTLY is not allowed inside BEGIN/COMMIT; the migration errors out.

BEGIN;
SET LOCAL lock_timeout = '5s';

-- The partial index on open orders is superseded by orders_status_idx.
DROP INDEX CONCURRENTLY IF EXISTS public.orders_open_state_idx;

COMMIT;
