-- expect: identifier-too-long
-- why: the index name is 66 bytes; PostgreSQL keeps 63 and says so only in a NOTICE, so the index exists under a name the migration never wrote.

CREATE INDEX CONCURRENTLY orders_account_id_user_id_status_created_at_covering_lookup_idx_v2 ON public.orders (account_id, user_id, status, created_at);
