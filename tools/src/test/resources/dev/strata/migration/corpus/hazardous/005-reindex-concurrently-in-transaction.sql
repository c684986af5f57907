-- expect: concurrent-index-in-transaction
-- why: REINDEX … CONCURRENTLY cannot run inside a transaction block; the wrapping BEGIN makes the migration fail.

-- The orders indexes are bloated after the 2024 backfill; rebuild them online.
BEGIN;
REINDEX INDEX CONCURRENTLY public.orders_created_at_idx;
REINDEX INDEX CONCURRENTLY public.orders_user_id_idx;
COMMIT;
