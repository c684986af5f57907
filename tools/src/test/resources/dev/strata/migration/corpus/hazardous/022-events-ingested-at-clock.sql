-- expect: add-column-volatile-default, missing-lock-timeout
-- why: clock_timestamp() is volatile: every existing event row is rewritten with its own value under ACCESS EXCLUSIVE, without lock_timeout.

ALTER TABLE public.events ADD COLUMN ingested_at timestamptz DEFAULT clock_timestamp();
