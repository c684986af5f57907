-- expect: none
-- absent: set-not-null
-- why: the PG 12+ recipe: CHECK (c IS NOT NULL) NOT VALID, VALIDATE, then SET NOT NULL skips the scan, then the helper CHECK is dropped; delivered_at has no NULLs.

SET lock_timeout = '2s';

ALTER TABLE public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_delivered_at_not_null CHECK (delivered_at IS NOT NULL) NOT VALID;

ALTER TABLE public.webhook_deliveries VALIDATE CONSTRAINT webhook_deliveries_delivered_at_not_null;

-- Uses the validated CHECK as proof: no table scan.
ALTER TABLE public.webhook_deliveries ALTER COLUMN delivered_at SET NOT NULL;

ALTER TABLE public.webhook_deliveries DROP CONSTRAINT webhook_deliveries_delivered_at_not_null;
