-- expect: missing-lock-timeout
-- why: adding a nullable column is instant, but it needs ACCESS EXCLUSIVE on public.orders; without lock_timeout a long-running query makes it queue every later query.

ALTER TABLE public.orders ADD COLUMN notes text;
