-- expect: missing-lock-timeout
-- why: SET DEFAULT is metadata only but takes ACCESS EXCLUSIVE on public.users, with no lock_timeout set before it.

ALTER TABLE public.users ALTER COLUMN full_name SET DEFAULT '';
ALTER TABLE public.users ALTER COLUMN phone DROP DEFAULT;
