-- expect: table-rewrite, missing-lock-timeout
-- why: SET UNLOGGED rewrites public.webhook_deliveries under ACCESS EXCLUSIVE (and makes it vanish on crash), with no lock_timeout.

-- Webhook logs do not need WAL.
ALTER TABLE public.webhook_deliveries SET UNLOGGED;
