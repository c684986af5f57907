-- expect: create-index-not-concurrently
-- why: the DO block only logs, but the CREATE INDEX after it runs without CONCURRENTLY on public.users (20,000 rows) and blocks writes.

DO $$
BEGIN
  RAISE NOTICE 'building users_created_at_idx on % rows', (SELECT reltuples::bigint FROM pg_class WHERE oid = 'public.users'::regclass);
END
$$;

CREATE INDEX users_created_at_idx ON public.users (created_at) WHERE deleted_at IS NULL;
