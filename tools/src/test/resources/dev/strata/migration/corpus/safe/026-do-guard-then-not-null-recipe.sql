-- expect: none
-- absent: set-not-null
-- why: a DO block asserts the backfill is complete, then the PG 12+ recipe (CHECK NOT VALID, VALIDATE, SET NOT NULL, DROP CONSTRAINT) makes http_status NOT NULL without a long lock; no row has a NULL http_status.

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.webhook_deliveries WHERE http_status IS NULL) THEN
        RAISE EXCEPTION 'webhook_deliveries.http_status still has NULLs: run the backfill first';
    END IF;
END
$$;

SET lock_timeout = '2s';

ALTER TABLE public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_http_status_not_null CHECK (http_status IS NOT NULL) NOT VALID;
ALTER TABLE public.webhook_deliveries VALIDATE CONSTRAINT webhook_deliveries_http_status_not_null;
ALTER TABLE public.webhook_deliveries ALTER COLUMN http_status SET NOT NULL;
ALTER TABLE public.webhook_deliveries DROP CONSTRAINT webhook_deliveries_http_status_not_null;
