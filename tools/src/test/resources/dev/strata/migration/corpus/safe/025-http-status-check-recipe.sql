-- expect: none
-- absent: add-check-without-not-valid
-- why: validating a CHECK recipe on http_status: NOT VALID under lock_timeout, then VALIDATE; every http_status is 200, 202, 500, 502 or 503.

SET lock_timeout = '2s';
ALTER TABLE public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_http_status_range CHECK (http_status BETWEEN 100 AND 599) NOT VALID;
ALTER TABLE public.webhook_deliveries VALIDATE CONSTRAINT webhook_deliveries_http_status_range;
