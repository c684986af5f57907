-- expect: truncate
-- absent: missing-lock-timeout
-- why: removes all webhook deliveries and refunds and restarts the identity sequence, an irreversible data loss.

SET lock_timeout = '1s';
TRUNCATE TABLE public.webhook_deliveries, billing.refunds RESTART IDENTITY;
