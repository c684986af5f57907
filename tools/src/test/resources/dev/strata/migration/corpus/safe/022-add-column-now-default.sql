-- expect: none
-- absent: add-column-volatile-default
-- why: now() is STABLE, not volatile: PostgreSQL 11+ evaluates it once and stores it in the catalog, so no rewrite; lock_timeout is set.

SET lock_timeout = '2s';
ALTER TABLE public.accounts ADD COLUMN updated_at timestamptz DEFAULT now();
COMMENT ON COLUMN public.accounts.updated_at IS 'Last change to the account row.';
