-- expect: set-not-null
-- absent: missing-lock-timeout
-- why: SET NOT NULL without a validated CHECK (delivered_at IS NOT NULL) scans the whole table while holding ACCESS EXCLUSIVE, even with lock_timeout set.

SET lock_timeout = '3s';
ALTER TABLE public.webhook_deliveries ALTER COLUMN delivered_at SET NOT NULL;
