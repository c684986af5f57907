-- expect: concurrent-index-in-transaction
-- absent: create-index-not-concurrently
-- why: both CREATE INDEX CONCURRENTLY statements sit inside one transaction block, which PostgreSQL rejects.

BEGIN;
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '15min';

CREATE INDEX CONCURRENTLY IF NOT EXISTS events_account_id_idx ON public.events (account_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_created_at_idx ON public.events (created_at);

COMMIT;
