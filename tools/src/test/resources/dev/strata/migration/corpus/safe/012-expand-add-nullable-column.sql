-- expect: none
-- why: the expand step of expand/contract: a nullable column with no default is a catalog-only change, under lock_timeout.

SET lock_timeout = '2s';
SET statement_timeout = '5s';

ALTER TABLE public.users ADD COLUMN IF NOT EXISTS last_login_at timestamptz;
COMMENT ON COLUMN public.users.last_login_at IS 'Replaces "lastLoginAt"; dual-written by the app until readers move.';
